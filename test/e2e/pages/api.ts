// Calls the desk's contract from inside the page, with the page's own session cookie, the way the
// renderer does: for setting up data a test is not about (a handful of cases, a lookup of what the
// core computed). Everything a test is about goes through the screens.
import type { Page, Request } from '@playwright/test';
import type { Input, MethodName, Results } from '../../../electron/contract/index.ts';

export async function call<M extends MethodName>(page: Page, method: M, input: Input<M>): Promise<Results[M]> {
  const body = await page.evaluate(
    async ({ method, input }) => {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    { method, input: input as unknown },
  );
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.code} ${body.error?.message}`);
  return body.value as Results[M];
}

/**
 * Records the contract calls a page makes from now on. `settled()` waits until none has been in flight for
 * `quietMs`: a screen asks for some of what it shows only once it is drawn (its filters' lists, the views),
 * and on a loaded machine those calls can still start after the rows are visible.
 */
export function watchCalls(page: Page): { asked: string[]; settled: (quietMs?: number) => Promise<void> } {
  const inFlight = new Set<Request>();
  const asked: string[] = [];
  page.on('request', (r) => {
    const m = /\/api\/([\w.]+)$/.exec(r.url());
    if (!m) return;
    inFlight.add(r);
    asked.push(m[1]!);
  });
  const done = (r: Request) => void inFlight.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    asked,
    async settled(quietMs = 500) {
      let quietSince = Date.now();
      for (;;) {
        if (inFlight.size > 0) quietSince = Date.now();
        else if (Date.now() - quietSince >= quietMs) return;
        await page.waitForTimeout(50);
      }
    },
  };
}

/** An instant `daysAgo` calendar days before now, at hh:mm Japan time. */
export function japanTimeDaysAgo(daysAgo: number, hhmm = '11:00'): string {
  const now = new Date(Date.now() + 9 * 3_600_000);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo));
  const iso = day.toISOString().slice(0, 10);
  const at = `${iso}T${hhmm}:00+09:00`;
  // Never in the future: today at a later hour becomes "a minute ago".
  return Date.parse(at) > Date.now() ? new Date(Date.now() - 60_000).toISOString() : at;
}

export type NewCase = Partial<Input<'cases.create'>>;

/** Takes a request in through the contract; defaults to a member's disclosure request by email. */
export async function createCase(page: Page, c: NewCase = {}): Promise<Results['cases.create']> {
  return call(page, 'cases.create', {
    type: 'disclosure',
    kinds: [],
    channel: 'email',
    arrivedAt: japanTimeDaysAgo(0),
    requesterKind: 'member',
    memberName: '山田 太郎',
    memberKana: 'ヤマダ タロウ',
    memberEmail: 'taro@example.jp',
    memberAddress: '東京都新宿区西新宿1-1-1',
    memberPostalCode: '160-0023',
    requestText: '私に関する保有個人データの開示を請求します。',
    delivery: c.type && c.type !== 'disclosure' ? null : 'electronic',
    ...c,
  });
}

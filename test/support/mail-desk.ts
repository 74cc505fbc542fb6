// Fixtures for the mail tests: a desk with cases whose acknowledgement drafts were written and sent to the
// outbox through the contract (while no mail server is set, so nothing goes out yet), then the desk's
// database opened directly so a test can run senders on it with its own clock.
import { newDesk, tempDir, value } from './desk.ts';
import { unlockDirect } from './tables.ts';
import type { DeskRuntime, DeskRuntimeOptions } from '../../electron/core/runtime.ts';
import type { Input } from '../../electron/contract/index.ts';
import { lockDesk, type UnlockedDesk } from '../../electron/core/vault/vault.ts';
import { writeMailSettings } from '../../electron/core/mail/mail-settings.ts';
import { MailSender, type SenderOptions } from '../../electron/core/mail/sender.ts';

export const T0 = Date.parse('2026-11-24T01:00:00Z'); // Tue 24 Nov 2026, 10:00 in Tokyo

export function intake(i: number, extra: Partial<Input<'cases.create'>> = {}): Input<'cases.create'> {
  return {
    type: 'disclosure',
    channel: 'email',
    arrivedAt: '2026-11-24T09:30:00+09:00',
    requesterKind: 'member',
    memberName: `山田 太郎${i}`,
    memberKana: 'ヤマダ タロウ',
    memberEmail: `member${i}@example.com`,
    requestText: `登録情報の開示を求めます（${i}）。`,
    delivery: 'electronic',
    ...extra,
  };
}

export class Clock {
  t: number;
  constructor(t = T0) {
    this.t = t;
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface MailDesk {
  dir: { path: string; remove(): void };
  rt: DeskRuntime;
  clock: Clock;
  caseIds: number[];
  /** The queued messages' ids, in the order they were queued. */
  queued: number[];
}

/** A desk with `cases` cases; with `queue`, their acknowledgement drafts are sent to the outbox in order. */
export async function mailDesk(cases: number, queue: boolean, extra: Partial<DeskRuntimeOptions> = {}): Promise<MailDesk> {
  const clock = new Clock();
  const dir = tempDir('pd-mail-');
  const { rt } = await newDesk(dir.path, { now: clock.now, ...extra });
  const caseIds: number[] = [];
  for (let i = 0; i < cases; i++) caseIds.push(value(await rt.call('cases.create', intake(i))).id);
  const queued: number[] = [];
  if (queue) {
    const drafts = value(await rt.call('outbox.list', { state: 'draft', pageSize: 200 }));
    for (const d of [...drafts.rows].reverse()) {
      value(await rt.call('outbox.send', { id: d.id }));
      queued.push(d.id);
    }
  }
  return { dir, rt, clock, caseIds, queued };
}

export const FAST_TIMEOUTS = { connectionMs: 2_000, greetingMs: 1_000, socketMs: 2_000 };

/** Closes the runtime, opens the database directly and points the desk at the SMTP server on `port`. */
export async function directDesk(m: MailDesk, port: number, auth?: { user: string; password: string }): Promise<UnlockedDesk> {
  await m.rt.close();
  const desk = await unlockDirect(m.dir.path);
  await writeMailSettings(desk.store.db, { host: '127.0.0.1', port, tls: 'none', user: auth?.user ?? '', password: auth?.password ?? '' }, 'sato', m.clock.now());
  return desk;
}

export function sender(desk: UnlockedDesk, clock: Clock, extra: Partial<SenderOptions> = {}): MailSender {
  return new MailSender({ db: desk.store.db, now: clock.now, log: () => {}, timeouts: FAST_TIMEOUTS, ...extra });
}

export async function outboxRows(desk: UnlockedDesk) {
  return desk.store.db.selectFrom('outbox').selectAll().orderBy('id').execute();
}

export async function closeDirect(desk: UnlockedDesk): Promise<void> {
  await lockDesk(desk);
}

// Letters on a real encrypted desk, through the contract: which letters are ready, the preview built by
// core/notices (buildNotice) and printed by Chromium, recording a printed letter (the close rule, a
// reprint that does not move the status twice), the desktop-only methods in browser mode, the audit
// trail, and the browser host's font route.
import { get } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoticeKind, Input } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { measuredPageCounts } from '../../../electron/core/letters/pdf-pages.ts';
import { WINDOW } from '../../../electron/core/letters/layout.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { createHostServer } from '../../../electron/host/server.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, testDeskPaths, value } from '../../support/desk.ts';
import { letterPrinter, pagesText, words } from '../../support/letters.ts';

let now = Date.parse('2026-11-24T01:00:00Z'); // Tue 24 Nov 2026, 10:00 in Tokyo
let rt: DeskRuntime;
let dir: { path: string; remove(): void };
const printer = letterPrinter();

const paperIntake = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: '山田 太郎',
  memberEmail: '',
  memberPostalCode: '150-0001',
  memberAddress: '東京都渋谷区神宮前1-2-3 メゾン神宮前101',
  requestText: '登録情報と第三者提供の記録の開示を求めます。',
  delivery: 'paper',
} satisfies Input<'cases.create'>;

async function as(username: string, password: string) {
  value(await rt.call('auth.lock', {}));
  value(await rt.call('auth.login', { username, password }));
}
const agent = () => as('tanaka', 'tanaka password 123');
const supervisor = () => as(SUPERVISOR.username, SUPERVISOR.password);

async function create(extra: Record<string, unknown> = {}): Promise<{ id: number; reference: string }> {
  return value(await rt.call('cases.create', { ...paperIntake, ...extra }));
}

/** A disclosure decided by the agent and approved by the supervisor (four eyes). */
async function approvedDisclosure(extra: Record<string, unknown> = {}) {
  const c = await create(extra);
  await agent();
  value(await rt.call('cases.startReview', { id: c.id }));
  value(await rt.call('cases.recordIdentityCheck', { id: c.id, verified: true, documents: [{ type: 'residence_card', issuedOn: '2025-04-01' }] }));
  value(await rt.call('cases.recordFee', { id: c.id, kind: 'payment', method: 'postal_money_order', amount: 1000, receivedOn: '2026-11-24' }));
  value(await rt.call('cases.decide', { id: c.id, outcome: 'disclosed_partial', grounds: ['business_hindrance'], reasoning: '社内の審査記録は業務の適正な実施に著しい支障を及ぼすおそれがあるため' }));
  await supervisor();
  value(await rt.call('cases.approve', { id: c.id }));
  return c;
}

const readyOf = async () => value(await rt.call('letters.ready', {})).map((r) => `${r.reference} ${r.kind} ${r.reason}`);

beforeEach(async () => {
  now = Date.parse('2026-11-24T01:00:00Z');
  dir = tempDir();
  rt = (await newDesk(dir.path, { now: () => new Date(now) })).rt;
  const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' }));
  await as('tanaka', oneTimePassword);
  value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: 'tanaka password 123' }));
  await supervisor();
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

describe('letters.ready', () => {
  it('lists the paper notices owed, and only those', async () => {
    const a = await approvedDisclosure(); // no email: decision by letter
    const b = await approvedDisclosure({ memberEmail: 'b@example.com', memberName: '鈴木 花子' }); // email, but a paper copy asked for
    await approvedDisclosure({ memberEmail: 'c@example.com', delivery: 'electronic', memberName: '高橋 健' }); // goes by email
    const d = await create({ type: 'suspension', kinds: ['stop_use'], delivery: null, memberName: '伊藤 誠' });
    value(await rt.call('cases.withdraw', { id: d.id, reason: '本人から取下げの申出', written: true }));
    const e = await create({ memberName: '渡辺 恵' }); // just received: acknowledgement owed
    const f = await create({ memberName: '中村 翔' });
    value(await rt.call('cases.pause', { id: f.id, reasonKind: 'identity_documents', reason: '本人確認書類の提出待ち' }));
    expect(await readyOf()).toEqual(
      expect.arrayContaining([
        `${a.reference} decision no_email`,
        `${b.reference} decision paper_requested`,
        `${d.reference} withdrawal no_email`,
        `${e.reference} acknowledgement no_email`,
        `${f.reference} acknowledgement no_email`,
        `${f.reference} documents_request no_email`,
      ]),
    );
    expect((await readyOf()).filter((r) => r.includes('高橋') || r.includes('electronic'))).toEqual([]);
    expect(await readyOf()).toHaveLength(6);

    // Recording a letter takes it off the list; the case moves to notified and can be closed.
    const file = value(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'print' }));
    expect(file.case.status).toBe('notified');
    expect(file.notices).toMatchObject([{ kind: 'decision', channel: 'letter', note: '' }]);
    expect(file.timeline.find((e) => e.kind === 'notice')?.data).toMatchObject({ kind: 'decision', channel: 'letter', mode: 'print' });
    expect(await readyOf()).not.toContain(`${a.reference} decision no_email`);
    value(await rt.call('letters.recordPrinted', { caseId: f.id, kind: 'documents_request', mode: 'pdf' }));
    expect(await readyOf()).not.toContain(`${f.reference} documents_request no_email`);
    expect(value(await rt.call('cases.close', { id: a.id }))).toMatchObject({ case: { status: 'closed' } });
  });
});

describe('letters.recordPrinted', () => {
  it('a first printing moves the case once; a reprint is a timeline event only; a second first printing is refused', async () => {
    const a = await approvedDisclosure();
    expect(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'print', reprint: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'reprint' },
    });
    value(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'print' }));
    expect(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'print' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'reprint', reason: { code: 'ALREADY_RECORDED', channel: 'letter' } },
    });
    now += 60_000;
    const file = value(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'pdf', reprint: true }));
    expect(file.case.status).toBe('notified');
    expect(file.notices).toHaveLength(1);
    expect(file.timeline.filter((e) => e.kind === 'notice')).toHaveLength(1);
    expect(file.timeline.at(-1)).toMatchObject({ kind: 'letter_reprint', actor: SUPERVISOR.username, data: { kind: 'decision', channel: 'letter', mode: 'pdf' } });
    // A closed case can still get another copy.
    value(await rt.call('cases.close', { id: a.id }));
    const closed = value(await rt.call('letters.recordPrinted', { caseId: a.id, kind: 'decision', mode: 'print', reprint: true }));
    expect(closed.case.status).toBe('closed');
    expect(closed.timeline.filter((e) => e.kind === 'letter_reprint')).toHaveLength(2);
  });

  it('a decision letter waits for approval, like any notice', async () => {
    const c = await create();
    expect(await rt.call('letters.recordPrinted', { caseId: c.id, kind: 'decision', mode: 'print' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await rt.call('letters.recordPrinted', { caseId: 999, kind: 'decision', mode: 'print' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('letters.preview and letters.batch (through buildNotice)', () => {
  it('every notice kind of the desk renders, prints and reads back in both languages', async () => {
    const a = await approvedDisclosure();
    const ext = await create({ memberName: '佐々木 望' });
    value(await rt.call('cases.extend', { id: ext.id, due: '2026-12-22', reason: '調査に時間を要するため' }));
    const paused = await create({ memberName: '中村 翔' });
    value(await rt.call('cases.pause', { id: paused.id, reasonKind: 'identity_documents', reason: '本人確認書類の提出待ち' }));
    const wd = await create({ memberName: '伊藤 誠' });
    value(await rt.call('cases.withdraw', { id: wd.id, reason: '本人から取下げの申出', written: true }));
    const rj = await create({ memberName: '小林 優' });
    await agent(); // a rejection is proposed by one person and approved by a supervisor (four eyes)
    value(await rt.call('cases.reject', { id: rj.id, ground: 'identity_not_verified', reason: '提出された書類で本人確認ができませんでした' }));
    await supervisor();
    value(await rt.call('cases.approve', { id: rj.id }));
    const list: Array<{ caseId: number; kind: NoticeKind; ref: string; name: string }> = [
      { caseId: ext.id, kind: 'acknowledgement', ref: ext.reference, name: '佐々木 望' },
      { caseId: paused.id, kind: 'documents_request', ref: paused.reference, name: '中村 翔' },
      { caseId: a.id, kind: 'decision', ref: a.reference, name: '山田 太郎' },
      { caseId: ext.id, kind: 'extension', ref: ext.reference, name: '佐々木 望' },
      { caseId: wd.id, kind: 'withdrawal', ref: wd.reference, name: '伊藤 誠' },
      { caseId: rj.id, kind: 'rejection', ref: rj.reference, name: '小林 優' },
    ];

    for (const l of list) {
      const doc = value(await rt.call('letters.preview', { caseId: l.caseId, kind: l.kind }));
      expect(doc).toMatchObject({ letters: 1, references: [l.ref], warnings: [], fileName: `${l.ref}-${l.kind}.pdf` });
      const bytes = await printer.pdf(doc.html);
      const text = (await pagesText(bytes)).join('').replace(/\s+/g, '');
      for (const s of [l.ref, `${l.name.replace(/\s+/g, '')}様`, '令和8年11月24日', '24November2026', '株式会社JUO', 'Englishtranslation(forreference;theJapanesetextprevails)', '12月29日～1月3日']) {
        expect([l.kind, s, text.includes(s)]).toEqual([l.kind, s, true]);
      }
      if (l.kind === 'decision') {
        expect(text).toContain('業務の適正な実施に著しい支障を及ぼすおそれ');
        expect(text).toContain('第6条');
        expect(text).toContain('Article6');
        expect(text).toContain('1,000円');
      }
      const all = await words(bytes);
      const nameWord = all.find((w) => w.page === 1 && w.text === l.name.split(' ')[0] && w.yMax < WINDOW.top + WINDOW.height);
      expect([l.kind, nameWord && nameWord.xMin > WINDOW.left && nameWord.xMax < WINDOW.left + WINDOW.width]).toEqual([l.kind, true]);
    }

    // All six as one batch: measured, then numbered within each letter.
    const letters = list.map(({ caseId, kind }) => ({ caseId, kind }));
    const measuring = value(await rt.call('letters.batch', { letters, measure: true }));
    const pageCounts = measuredPageCounts(await printer.pdf(measuring.html), letters.length);
    const batch = value(await rt.call('letters.batch', { letters, pageCounts }));
    expect(batch).toMatchObject({ letters: 6, references: list.map((l) => l.ref), fileName: 'letters-2026-11-24-6.pdf' });
    const pages = await pagesText(await printer.pdf(batch.html));
    // Duplex-safe: a letter with an odd page count is followed by a blank page (not after the last one).
    const expected = pageCounts.flatMap((n, i) => [...Array.from({ length: n }, (_, k) => `${k + 1} / ${n}`), ...(n % 2 === 1 && i < pageCounts.length - 1 ? ['blank'] : [])]);
    expect(pages.map((p) => (/このページは白紙です/.test(p) ? 'blank' : /(\d+)\s*\/\s*(\d+)\s*$/.exec(p.trimEnd())?.slice(1).join(' / ')))).toEqual(expected);

    // A notice the case does not call for is refused with the builder's reason.
    expect(await rt.call('letters.preview', { caseId: ext.id, kind: 'withdrawal' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Every rendering is in the audit trail (a batch once per letter), and the chain verifies.
    await rt.close();
    const desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    const rows = await desk.store.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'letter.render').execute();
    const purposes = rows.map((r) => (JSON.parse(r.detail) as { purpose: string }).purpose);
    expect(purposes.filter((p) => p === 'preview')).toHaveLength(6);
    expect(purposes.filter((p) => p === 'measure')).toHaveLength(6);
    expect(purposes.filter((p) => p === 'print')).toHaveLength(6);
    expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
    await lockDesk(desk);
    rt = await openRuntime(dir.path);
  });

  it('warns when there is no postal address to show in the window', async () => {
    const c = await create({ memberEmail: 'x@example.com', memberAddress: '', memberPostalCode: '', delivery: 'paper' });
    const doc = value(await rt.call('letters.preview', { caseId: c.id, kind: 'acknowledgement' }));
    expect(doc.warnings).toEqual([{ caseId: c.id, reference: c.reference, code: 'NO_POSTAL_ADDRESS' }]);
  });

  it('checks its input like every method: page counts per letter, no duplicates, a logged-in user', async () => {
    const c = await create();
    const letters = [{ caseId: c.id, kind: 'acknowledgement' as const }];
    expect(await rt.call('letters.batch', { letters, pageCounts: [1, 2] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'pageCounts' } });
    expect(await rt.call('letters.batch', { letters, pageCounts: [1], measure: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'measure' } });
    expect(await rt.call('letters.batch', { letters: [...letters, ...letters] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'letters.1' } });
    expect(await rt.call('letters.batch', { letters: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'letters' } });
    value(await rt.call('auth.lock', {}));
    expect(await rt.call('letters.preview', { caseId: c.id, kind: 'acknowledgement' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await rt.call('letters.ready', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('browser mode', () => {
  it('letters.print and letters.savePdf say to use the browser’s own print', async () => {
    const c = await create();
    for (const m of ['letters.print', 'letters.savePdf']) {
      expect(await rt.dispatch(m, { letters: [{ caseId: c.id, kind: 'acknowledgement' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { code: 'DESKTOP_ONLY' } } });
    }
  });

  it('the host serves the letter fonts (and nothing else under the route) to pages on its origin', async () => {
    const host = createHostServer({ runtime: rt, token: 'ab'.repeat(16), staticDir: dir.path });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
    try {
      const ok = await fetch(`${origin}/letters/fonts/noto-serif-jp-117-400-normal.woff2`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('font/woff2');
      expect(ok.headers.get('cache-control')).toMatch(/immutable/);
      expect(ok.headers.get('content-security-policy')).toBeTruthy();
      const bytes = new Uint8Array(await ok.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('wOF2');
      for (const bad of ['/letters/fonts/../../package.json', '/letters/fonts/%2e%2e%2fpackage.json', '/letters/fonts/noto-serif-jp-117-900-normal.woff2', '/letters/fonts/noto-serif-jp-117-400-normal.woff', '/letters/fonts/']) {
        expect([bad, (await fetch(`${origin}${bad}`)).status]).toEqual([bad, 404]);
      }
      // A page on another name that resolves to this port gets nothing (DNS rebinding), fonts included.
      const status = await new Promise<number>((resolve, reject) => {
        get(`${origin}/letters/fonts/noto-serif-jp-117-400-normal.woff2`, { headers: { Host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject);
      });
      expect(status).toBe(403);
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });
});

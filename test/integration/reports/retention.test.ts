// Retention: after a purge no purged value is left anywhere — not in the decrypted database file (free
// pages included), not in its WAL, not in a backup taken afterwards — the audit chain verifies, the report
// for the purged period is unchanged, a case on legal hold is untouched; SIGKILL mid-purge leaves every
// case purged whole or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { openRaw } from '../../../db/open.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, testDeskPaths, value } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { caseInputs, intakeInput, ARTICLE_11_DESK, DEFAULT_RETENTION_YEARS } from '../../../electron/contract/index.ts';
import { createCase } from '../../../electron/core/cases/intake.ts';
import * as actions from '../../../electron/core/cases/actions.ts';
import { draftsAfterCreate } from '../../../electron/core/mail/drafts.ts';
import { loadDeskCalendar } from '../../../electron/core/desk-calendar/store.ts';
import { buildReport } from '../../../electron/core/reports/report.ts';
import { previewPurge, runPurge } from '../../../electron/core/retention/purge.ts';
import { setLegalHold } from '../../../electron/core/retention/legal-hold.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { readSettings } from '../../../electron/core/settings/settings.ts';
import { writeBackup } from '../../../electron/core/backup/backup.ts';
import type { DeskCalendar } from '../../../electron/core/calendar/index.ts';
import { storeIncoming } from '../../../electron/core/inbox/store-mail.ts';
import { bounceMail } from '../../support/mail-corpus.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
let dir: { path: string; remove(): void };
let desk: UnlockedDesk;
let db: Kysely<DB>;
let calendar: DeskCalendar;
const supervisor = { username: SUPERVISOR.username, displayName: SUPERVISOR.displayName, role: 'supervisor' as const, mustChangePassword: false };
const P = <K extends keyof typeof caseInputs>(k: K, v: unknown) => caseInputs[k].parse(v) as never;
const ctx = (at: string) => ({ db, calendar, actor: supervisor, now: new Date(at) });

/** A case closed at `closeAt` whose every personal field carries `tag`, so a byte search finds any copy. */
async function closedCase(tag: string, arrivedAt: string, closeAt: string): Promise<number> {
  const input = intakeInput.parse({
    type: 'disclosure',
    kinds: ['records'],
    channel: 'email',
    arrivedAt,
    requesterKind: 'agent',
    requesterName: `${tag}-REQUESTER`,
    // The agent's own contact (issue 10) is personal data too: the purge clears it.
    requesterAddress: `${tag}-REQADDRESS`,
    requesterEmail: `${tag.toLowerCase()}-agent@example.jp`,
    memberName: `${tag}-NAME`,
    memberKana: 'ヤマダ',
    memberEmail: `${tag.toLowerCase()}@example.jp`,
    memberPostalCode: '160-0023',
    memberAddress: `${tag}-ADDRESS`,
    memberId: `${tag}-MEMBERID`,
    requestText: `${tag}-REQUEST`,
    delivery: 'electronic',
  });
  const at = (s: string) => new Date(Date.parse(s)).toISOString();
  const settings = await readSettings(db);
  const { id } = await db.transaction().execute(async (trx) => {
    const c = await createCase(trx, calendar, supervisor.username, new Date(Date.parse(arrivedAt) + 60_000), input);
    await draftsAfterCreate(trx, c.id, { calendar, actor: supervisor, now: new Date(Date.parse(arrivedAt) + 60_000), settings });
    return c;
  });
  await actions.startReview(ctx(at(arrivedAt)), P('startReview', { id }));
  await actions.recordIdentityCheck(ctx(at(arrivedAt)), P('recordIdentityCheck', { id, verified: true, documents: [{ type: 'passport', issuedOn: '2019-04-01', note: `${tag}-DOCNOTE` }], note: `${tag}-CHECKNOTE` }));
  await actions.addNote(ctx(at(arrivedAt)), P('addNote', { id, text: `${tag}-NOTE` }));
  await actions.recordFee(ctx(at(arrivedAt)), P('recordFee', { id, kind: 'payment', method: 'cash', amount: 1000, receivedOn: arrivedAt.slice(0, 10), note: `${tag}-FEENOTE` }));
  await actions.decide(ctx(at(arrivedAt)), P('decide', { id, outcome: 'disclosed_partial', grounds: ['harm_to_interests'], reasoning: `${tag}-REASONING` }));
  await db.updateTable('cases').set({ decided_by: 'someone-else' }).where('id', '=', id).execute(); // four eyes
  await actions.approve(ctx(at(arrivedAt)), P('approve', { id }));
  await actions.recordNotice(ctx(at(closeAt)), P('recordNotice', { id, kind: 'decision', channel: 'letter', note: `${tag}-NOTICENOTE` }));
  // The acknowledgement email nobody sent is dropped by the supervisor's decision (issue 10).
  await actions.close(ctx(at(closeAt)), P('close', { id, dropUnsent: true }));
  await mailFor(id, tag, closeAt);
  return id;
}

const CRLF = '\r\n';
/**
 * Mail kept with the case (issue 13): the member's reply after closing (its reference in the subject) with
 * an attachment, and a delivery report for the desk's message naming the member's address.
 */
async function mailFor(id: number, tag: string, closeAt: string): Promise<void> {
  const c = await db.selectFrom('cases').select('reference').where('id', '=', id).executeTakeFirstOrThrow();
  const when = new Date(Date.parse(closeAt) + 3_600_000);
  const b64 = (x: string) => Buffer.from(x, 'utf8').toString('base64');
  const reply = [
    `From: ${tag}-SENDER <${tag.toLowerCase()}-mail@example.jp>`,
    'To: privacy@juo.example',
    `Subject: Re: ${c.reference} ${tag}-SUBJECT`,
    `Date: ${when.toUTCString()}`,
    `Message-ID: <${tag.toLowerCase()}-reply@example.jp>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(`${tag}-MAILBODY 追伸です。`),
    '--b1',
    'Content-Type: application/pdf',
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${tag}-FILE.pdf"`,
    '',
    b64(`%PDF-1.4 ${tag}-ATTACHMENT`),
    '--b1--',
    '',
  ].join(CRLF);
  const stored = await storeIncoming(db, Buffer.from(reply, 'latin1'), { source: 'file' }, { now: when });
  expect(stored).toMatchObject({ status: 'attached', reference: c.reference });
  const sent = await db.selectFrom('outbox').select('message_id').where('case_id', '=', id).orderBy('id').executeTakeFirstOrThrow();
  const bounce = await storeIncoming(db, bounceMail(sent.message_id, `${tag.toLowerCase()}@example.jp`), { source: 'file' }, { now: when });
  expect(bounce).toMatchObject({ status: 'bounce', reference: c.reference });
}

beforeEach(async () => {
  dir = tempDir();
  const { rt } = await newDesk(dir.path);
  await rt.close();
  desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
  db = desk.store.db;
  calendar = await loadDeskCalendar(db);
});
afterEach(async () => {
  await lockDesk(desk).catch(() => {});
  dir.remove();
});

/** Every byte of the database decrypted: a copy re-keyed to no encryption (every page, free ones too). */
function decryptedBytes(dbFile: string, key: Buffer): Buffer {
  const copy = join(dir.path, 'plain.db');
  copyFileSync(dbFile, copy);
  const raw = openRaw(copy, key);
  raw.pragma("rekey = ''");
  raw.close();
  const bytes = readFileSync(copy);
  expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3'); // it really is plain text now
  return bytes;
}

const filesUnder = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));

describe('retention purge', () => {
  it('leaves no purged value in the decrypted file, the WAL or a new backup; audit verifies; reports unchanged; legal hold untouched', async () => {
    expect(DEFAULT_RETENTION_YEARS).toBe(3);
    const old = await closedCase('ZQOLD', '2022-06-06T10:00:00+09:00', '2022-06-20T10:00:00+09:00');
    const held = await closedCase('ZQHELD', '2022-06-07T10:00:00+09:00', '2022-06-21T10:00:00+09:00');
    const recent = await closedCase('ZQNEW', '2024-06-06T10:00:00+09:00', '2024-06-20T10:00:00+09:00');
    await setLegalHold({ db, actor: supervisor.username, now: NOW }, held, true, '訴訟対応のため');
    const period = { from: '2022-04-01', to: '2023-03-31' };
    const before = await buildReport({ db, calendar, now: NOW, warnDays: 3 }, period, { kind: 'desk' });
    expect([before.received, before.onTime + before.late]).toEqual([2, 2]);

    // Closed before 2023-03-02 (3 years before Mar 2 2026): only the old one; the held one is listed as kept.
    const preview = await previewPurge(db, NOW);
    expect(preview.cutoff).toBe('2023-03-02');
    expect(preview.cases.map((c) => c.id)).toEqual([old]);
    expect(preview.cases[0]!.fields).toEqual([
      'member_name', 'member_kana', 'member_email', 'member_postal_code', 'member_address', 'member_id', 'requester_name', 'requester_address', 'requester_email', 'request_text', 'reasoning',
      'notes', 'identity_documents', 'fee_notes', 'notice_notes', 'timeline_texts', 'outbox_messages', 'inbox_mail', 'search_text',
    ]);
    expect(preview.held.map((h) => h.id)).toEqual([held]);

    const result = await runPurge({ db, actor: supervisor.username, now: NOW });
    expect(result.purged.map((p) => p.id)).toEqual([old]);
    expect((await previewPurge(db, NOW)).cases).toEqual([]); // nothing left to purge: a second run changes nothing

    const paths = deskPaths(dir.path);
    // The WAL was checkpointed and truncated: no older copy of a page sits beside the database.
    expect(existsSync(`${paths.database}-wal`) ? statSync(`${paths.database}-wal`).size : 0).toBe(0);
    // The report for the purged period is the same; the audit chain verifies; the held and recent cases are whole.
    const after = await buildReport({ db, calendar, now: NOW, warnDays: 3 }, period, { kind: 'desk' });
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    // The audit details that held the member's words (the notice note, the address a mail went to) were
    // redacted through the log's own mechanism: one audit.redact row names the rows and the rule.
    const redactions = await db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'audit.redact').execute();
    expect(redactions).toHaveLength(1);
    expect(redactions[0]!.actor).toBe(supervisor.username);
    expect(JSON.parse(redactions[0]!.detail)).toMatchObject({ reason: `retention:${result.purged[0]!.reference}:3y`, seqs: expect.arrayContaining([expect.any(Number)]) });
    const rows = await db.selectFrom('cases').select(['id', 'member_name', 'reference', 'outcome', 'grounds', 'purged_at']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.member_name, r.outcome, r.grounds, r.purged_at !== null])).toEqual([
      [old, '', 'disclosed_partial', '["harm_to_interests"]', true],
      [held, 'ZQHELD-NAME', 'disclosed_partial', '["harm_to_interests"]', false],
      [recent, 'ZQNEW-NAME', 'disclosed_partial', '["harm_to_interests"]', false],
    ]);
    expect(await db.selectFrom('fee_entries').select(['case_id', 'amount']).where('case_id', '=', old).execute()).toEqual([{ case_id: old, amount: 1000 }]);

    // A backup taken now.
    const settings = await readSettings(db);
    const backupDir = join(dir.path, 'backups');
    (await import('node:fs')).mkdirSync(backupDir);
    const backup = await writeBackup({ paths, deskId: desk.deskId, dataKey: desk.dataKey, deskName: { ja: settings.desk.deskNameJa, en: ARTICLE_11_DESK.deskNameEn } }, backupDir, { now: NOW });
    const key = Buffer.from(desk.dataKey);
    await lockDesk(desk);

    const plain = decryptedBytes(paths.database, key);
    const backupDb = filesUnder(backupDir).find((f) => f.endsWith('desk.db'))!;
    expect(backup).toBeTruthy();
    const plainBackup = decryptedBytes(backupDb, key);
    const values = ['ZQOLD-NAME', 'zqold@example.jp', 'ZQOLD-ADDRESS', 'ZQOLD-MEMBERID', 'ZQOLD-REQUESTER', 'ZQOLD-REQUEST', 'ZQOLD-NOTE', 'ZQOLD-DOCNOTE', 'ZQOLD-CHECKNOTE', 'ZQOLD-FEENOTE', 'ZQOLD-NOTICENOTE', 'ZQOLD-REASONING',
      // the mail kept with the case: sender, subject, text, the attachment (decoded and as sent), the raw mail's Message-ID
      'ZQOLD-SENDER', 'zqold-mail@example.jp', 'ZQOLD-SUBJECT', 'ZQOLD-MAILBODY', 'ZQOLD-FILE', 'ZQOLD-ATTACHMENT', Buffer.from('%PDF-1.4 ZQOLD-ATTACHMENT').toString('base64'), 'zqold-reply@example.jp'];
    for (const v of values) {
      for (const [where, bytes] of [['database', plain], ['backup', plainBackup]] as const) {
        expect({ where, v, utf8: bytes.includes(Buffer.from(v, 'utf8')), utf16: bytes.includes(Buffer.from(v, 'utf16le')), lower: bytes.includes(Buffer.from(v.toLowerCase(), 'utf8')) }).toEqual({ where, v, utf8: false, utf16: false, lower: false });
      }
    }
    // The search finds no trace either: the trigram index was merged. And what was kept is still there.
    for (const kept of ['ZQHELD-NAME', 'ZQNEW-REQUEST', 'ZQHELD-MAILBODY', 'ZQHELD-ATTACHMENT', 'ZQNEW-SUBJECT']) expect({ kept, found: plain.includes(Buffer.from(kept)) }).toEqual({ kept, found: true });
    // The raw files on disk are encrypted: nothing readable at all (the test would be empty otherwise).
    for (const f of filesUnder(join(dir.path, 'desk'))) expect(readFileSync(f).includes(Buffer.from('ZQHELD-NAME'))).toBe(false);
    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
  }, 240_000); // under a loaded machine: builds cases, spawns processes; no timed assertion

  it('legal hold from the screen: a supervisor places it with a reason (timeline, audit), the case file and queue show it, the purge keeps the case; an agent cannot; lifted, the next purge removes it', async () => {
    const id = await closedCase('ZQHOLD', '2022-06-06T10:00:00+09:00', '2022-06-20T10:00:00+09:00');
    await lockDesk(desk);
    // The runtime's own daily purge may run at any moment: the clock starts before the case is past
    // retention and moves on only once the hold is in place.
    let now = new Date('2024-01-10T01:00:00Z');
    const rt = await openRuntime(dir.path, { now: () => now });
    try {
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      const { oneTimePassword } = value(await rt.call('accounts.create', { username: 'kato', displayName: '加藤', role: 'agent' }));
      // A hold says why: an empty reason is refused and changes nothing.
      expect(await rt.dispatch('retention.setLegalHold', { id, hold: true, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'reason' } });
      expect(await rt.call('retention.setLegalHold', { id: 99999, hold: true, reason: '訴訟' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: { code: 'CASE_NOT_FOUND', id: 99999 } } });
      value(await rt.call('retention.setLegalHold', { id, hold: true, reason: '訴訟対応（東京地裁）' }));
      const file = value(await rt.call('cases.get', { id }));
      expect(file.legalHold).toEqual({ since: '2024-01-10T01:00:00.000Z', by: SUPERVISOR.username, reason: '訴訟対応（東京地裁）' });
      // Two years on (the idle lock would close the session: log in again).
      value(await rt.call('auth.lock', {}));
      now = NOW;
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      expect(file.timeline.at(-1)).toMatchObject({ kind: 'legal_hold', actor: SUPERVISOR.username, data: { reason: '訴訟対応（東京地裁）' } });
      const row = (value(await rt.call('cases.list', { view: 'closed', pageSize: 50 }))).rows.find((r) => r.id === id)!;
      expect(row.legalHold).toBe(true);
      expect((value(await rt.call('retention.preview', {}))).held.map((h) => h.id)).toEqual([id]);
      expect((value(await rt.call('retention.purge', {}))).purged).toEqual([]);
      expect((value(await rt.call('cases.get', { id }))).case.memberName).toBe('ZQHOLD-NAME');

      // An agent sees the hold but cannot lift it.
      value(await rt.call('auth.lock', {}));
      value(await rt.call('auth.login', { username: 'kato', password: oneTimePassword }));
      value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: 'kato password 123' }));
      expect(await rt.call('retention.setLegalHold', { id, hold: false, reason: '終了' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      value(await rt.call('auth.lock', {}));
      value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
      value(await rt.call('retention.setLegalHold', { id, hold: false, reason: '訴訟終了' }));
      expect((value(await rt.call('cases.get', { id }))).legalHold).toBeNull();
      await rt.call('retention.purge', {}); // (or the daily purge got there first)
      expect((value(await rt.call('cases.get', { id }))).case.memberName).toBe('');
    } finally {
      await rt.close();
    }
    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    db = desk.store.db;
    const audit = await db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'case').where('entity_id', '=', String(id)).where('action', 'like', 'case.legal_hold%').orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'case.legal_hold', actor: SUPERVISOR.username },
      { action: 'case.legal_hold_lifted', actor: SUPERVISOR.username },
    ]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  }, 240_000); // under a loaded machine: builds cases, spawns processes; no timed assertion

  it('SIGKILL mid-purge: every case is purged whole or not at all, and the rest purge on the next run', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await closedCase(`ZK${String(i).padStart(2, '0')}`, '2021-06-07T10:00:00+09:00', '2021-06-21T10:00:00+09:00'));
    await lockDesk(desk);
    const child = spawn(process.execPath, ['test/support/purge-child.ts', dir.path, SUPERVISOR.username, SUPERVISOR.password, NOW.toISOString()], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committed: number[] = [];
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) if (/^\d+$/.test(l)) committed.push(Number(l));
        if (committed.length >= 5 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      });
      child.once('exit', () => resolve());
    });
    expect(committed.length).toBeGreaterThanOrEqual(5);
    expect(committed.length).toBeLessThan(40);

    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    db = desk.store.db;
    const state = async () => {
      const out = new Map<number, 'purged' | 'whole'>();
      for (const id of ids) {
        const c = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const notes = await db.selectFrom('case_notes').select('text').where('case_id', '=', id).execute();
        const outbox = await db.selectFrom('outbox').select(['to_address', 'body_text']).where('case_id', '=', id).execute();
        const search = await db.selectFrom('case_search').select('body').where('rowid', '=', id).executeTakeFirstOrThrow();
        const mail = await db.selectFrom('inbox_messages').select(['body_text', 'from_address']).where('case_id', '=', id).execute();
        const files = await db.selectFrom('inbox_attachments').innerJoin('inbox_messages', 'inbox_messages.id', 'inbox_attachments.message_id').select('inbox_attachments.id').where('inbox_messages.case_id', '=', id).execute();
        const audit = await db.selectFrom('audit_log').select('seq').where('action', '=', 'retention.purge').where('entity_id', '=', String(id)).execute();
        const purged = c.purged_at !== null && c.member_name === '' && c.request_text === '' && notes.length === 0 && outbox.every((o) => o.to_address === '' && o.body_text === '') && !search.body.includes('zk') && audit.length === 1 &&
          mail.length === 2 && mail.every((m) => m.body_text === '' && m.from_address === '') && files.length === 0;
        const whole = c.purged_at === null && c.member_name !== '' && c.request_text !== '' && notes.length === 1 && outbox.every((o) => o.to_address !== '' && o.body_text !== '') && search.body.includes('zk') && audit.length === 0 &&
          mail.length === 2 && mail.every((m) => m.body_text !== '' && m.from_address !== '') && files.length > 0;
        expect({ id, either: purged || whole }).toEqual({ id, either: true });
        out.set(id, purged ? 'purged' : 'whole');
      }
      return out;
    };
    const s = await state();
    for (const id of committed) expect(s.get(id)).toBe('purged');
    expect([...s.values()].filter((v) => v === 'whole').length).toBeGreaterThan(0);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    await runPurge({ db, actor: supervisor.username, now: NOW });
    expect([...(await state()).values()].every((v) => v === 'purged')).toBe(true);
  }, 240_000); // under a loaded machine: builds cases, spawns processes; no timed assertion

  it('desk purge --dry-run lists the case and its fields and changes nothing; --yes purges it', async () => {
    const old = await closedCase('ZQCLI', '2022-06-06T10:00:00+09:00', '2022-06-20T10:00:00+09:00');
    const reference = (await db.selectFrom('cases').select('reference').where('id', '=', old).executeTakeFirstOrThrow()).reference;
    await lockDesk(desk);
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['electron/cli/main.ts', 'purge', ...args, '--data-dir', dir.path, '--user', SUPERVISOR.username], { env: { ...process.env, PRIVACY_DESK_PASSWORD: SUPERVISOR.password } });
    const dry = await cli('--dry-run');
    expect(dry.stdout).toContain(`${reference}  closed 2022-06-20T01:00:00.000Z  name, kana, email, postal code, address, member id, requester name, requester address, requester email, request text, reasons, notes`);
    expect(dry.stdout).toContain('1 case would be purged; nothing was changed.');
    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    expect((await desk.store.db.selectFrom('cases').select('member_name').where('id', '=', old).executeTakeFirstOrThrow()).member_name).toBe('ZQCLI-NAME');
    await lockDesk(desk);
    expect((await cli('--yes')).stdout).toContain(`${reference}  purged\n1 case purged.`);
    await expect(cli()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Give exactly one of --dry-run and --yes.') });
    desk = (await unlockWithPassword(await testDeskPaths(dir.path), SUPERVISOR.username, SUPERVISOR.password))!;
    expect((await desk.store.db.selectFrom('cases').select(['member_name', 'purged_at']).where('id', '=', old).executeTakeFirstOrThrow()).member_name).toBe('');
  }, 240_000); // under a loaded machine: builds cases, spawns processes; no timed assertion
});

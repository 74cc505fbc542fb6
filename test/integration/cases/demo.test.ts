// "Started with --demo, an empty desk fills with realistic cases as soon as its supervisor is in: every
// status, every type, every kind of requester, built by the same moves staff make, with an audit chain
// that verifies. A desk that already has cases is never touched."
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { QueuePage } from '../../../electron/contract/index.ts';
import { caseStatuses, requestTypes, requesterKinds } from '../../../electron/contract/index.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { loadDeskCalendar } from '../../../electron/core/desk-calendar/store.ts';
import { DEMO_CASE_COUNT, seedDemoCases } from '../../../electron/core/cases/demo.ts';

let dir: { path: string; remove(): void };
let rt: DeskRuntime;
let logs: string[];
// Monday 2027-01-04 09:00 in Tokyo, right after the year-end closure: the hardest week to fit the
// demo's past working days into.
const NOW = Date.parse('2027-01-04T00:00:00Z');

beforeEach(async () => {
  dir = tempDir();
  logs = [];
  rt = (await newDesk(dir.path, { demo: true, now: () => new Date(NOW), log: (l) => logs.push(l) })).rt;
});
afterEach(async () => {
  await rt.close();
  dir.remove();
});

async function everyCase(): Promise<QueuePage['rows']> {
  const open = value(await rt.call('cases.list', { view: 'all_open', pageSize: 200 }));
  const closed = value(await rt.call('cases.list', { view: 'closed', pageSize: 200 }));
  return [...open.rows, ...closed.rows];
}

describe('--demo', () => {
  it('seeds an empty desk at set-up: every status and type, the queue lists them, the chain verifies', async () => {
    expect(logs).toEqual([`[desk] demo: ${DEMO_CASE_COUNT} demo cases added`]);
    const rows = await everyCase();
    expect(rows).toHaveLength(DEMO_CASE_COUNT);
    expect(DEMO_CASE_COUNT).toBeGreaterThanOrEqual(35);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(caseStatuses));
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(requestTypes));
    // References in order of arrival, like real intake.
    const byRef = [...rows].sort((a, b) => a.reference.localeCompare(b.reference));
    expect(byRef.map((r) => r.arrivedAt)).toEqual([...byRef].map((r) => r.arrivedAt).sort());

    const urgencies = new Set(rows.map((r) => r.urgency));
    for (const u of ['overdue', 'paused', 'normal', 'done']) expect(urgencies).toContain(u);
    expect(rows.filter((r) => r.legalMarkState === 'near').length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.assignee === SUPERVISOR.username)).toBe(true);
    expect(rows.some((r) => r.assignee === null)).toBe(true);
    expect(rows.some((r) => /^[A-Z]/.test(r.memberName) && /^[\u30a0-\u30ff]/.test(r.memberKana))).toBe(true);

    const overdue = value(await rt.call('cases.list', { view: 'overdue' }));
    expect(overdue.total).toBeGreaterThanOrEqual(2);

    // The case files hold what a desk sees day to day.
    const files = await Promise.all(rows.map(async (r) => value(await rt.call('cases.get', { id: r.id }))));
    expect(new Set(files.map((f) => f.case.requesterKind))).toEqual(new Set(requesterKinds));
    const warnings = new Set(files.flatMap((f) => f.warnings.map((w) => w.code)));
    for (const w of ['FEE_SHORT', 'STALE_CERTIFICATE', 'LEGAL_MARK_NEAR', 'LEGAL_MARK_PASSED']) expect(warnings).toContain(w);
    expect(files.some((f) => f.deadline.extended)).toBe(true);
    expect(files.some((f) => f.deadline.history.some((h) => h.type === 'resume'))).toBe(true);
    expect(files.some((f) => f.notes.length > 0)).toBe(true);
    expect(files.some((f) => /[a-z]{4,} [a-z]{4,}/.test(f.case.requestText))).toBe(true); // a few in English
    const decided = files.filter((f) => f.case.decidedBy !== null && f.case.approvedBy !== null);
    expect(decided.length).toBeGreaterThan(5);
    for (const f of decided) expect(f.case.decidedBy).not.toBe(f.case.approvedBy); // four eyes
    // Every timeline runs forward in time, and nothing happened after "now".
    for (const f of files) {
      const times = f.timeline.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(NOW);
    }

    // The colleague who decided exists as a disabled account without a key slot: no password anywhere.
    const accounts = value(await rt.call('accounts.list', {}));
    expect(accounts).toContainEqual(expect.objectContaining({ username: 'tanaka', disabled: true, role: 'agent' }));
    expect(await rt.call('auth.login', { username: 'tanaka', password: 'anything at all' })).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });

    await rt.close();
    const desk = await unlockDirect(dir.path);
    try {
      expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
      expect((await desk.store.db.selectFrom('accounts').select('slot_id').where('username', '=', 'tanaka').executeTakeFirstOrThrow()).slot_id).toBeNull();
    } finally {
      await lockDesk(desk);
    }
    rt = await openRuntime(dir.path);
  });

  it('never seeds a desk that has cases, and seeds once per run', async () => {
    await rt.close();
    // A second run with --demo on a desk that now has cases: left alone.
    logs = [];
    rt = await openRuntime(dir.path, { demo: true, now: () => new Date(NOW), log: (l) => logs.push(l) });
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    value(await rt.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));
    expect(logs).toEqual(['[desk] demo: the desk already has cases; no demo cases added']);
    expect(await everyCase()).toHaveLength(DEMO_CASE_COUNT);

    await rt.close();
    const desk = await unlockDirect(dir.path);
    try {
      const calendar = await loadDeskCalendar(desk.store.db);
      const actor = { username: SUPERVISOR.username, role: 'supervisor' as const };
      await expect(seedDemoCases({ db: desk.store.db, calendar, actor, now: new Date(NOW) })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(seedDemoCases({ db: desk.store.db, calendar, actor: { ...actor, role: 'agent' }, now: new Date(NOW) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await lockDesk(desk);
    }
    rt = await openRuntime(dir.path);
  });
});

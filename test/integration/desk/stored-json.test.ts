// A value the desk stored as JSON that no longer reads as JSON (a damaged page, a hand edit): the desk
// answers with a code naming the column (STORED_VALUE_UNREADABLE, a STORAGE_DAMAGED refusal a person can
// act on), never INTERNAL or the parser's English words, and the stored text is left as it was.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { intake } from '../../support/mail-desk.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';

const dirs: Array<{ remove(): void }> = [];
const runtimes: DeskRuntime[] = [];
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((r) => r.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

describe('stored JSON that does not read', () => {
  it('a timeline event, then a setting: STORED_VALUE_UNREADABLE naming the column; the text is untouched; the rest of the desk works', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    const { id } = value(await rt.call('cases.create', intake(1)));
    const other = value(await rt.call('cases.create', intake(2)));
    value(await rt.call('cases.pause', { id, reasonKind: 'fee', reason: '手数料の到着待ち' }));
    value(await rt.call('settings.update', { replyTargetDays: { inquiry: 4, complaint: 6 } }));
    await rt.close();

    const damaged = { event: '{"reasonKind":"fee","reason":"手数料の', setting: '{"inquiry":4,' };
    const edit = async (change: (db: Awaited<ReturnType<typeof unlockDirect>>['store']['db']) => Promise<unknown>) => {
      const d = await unlockDirect(dir.path);
      await change(d.store.db);
      await lockDesk(d);
    };
    const login = async () => {
      const r = await openRuntime(dir.path);
      runtimes.push(r);
      return { r, login: await r.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }) };
    };

    // A timeline event: the case file says which value is damaged; the desk and other cases work.
    await edit((db) => sql`UPDATE case_events SET data = ${damaged.event} WHERE case_id = ${id} AND kind = 'pause'`.execute(db));
    const first = await login();
    value(first.login);
    const refused = await first.r.call('cases.get', { id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED', reason: { code: 'STORED_VALUE_UNREADABLE', column: 'case_events.data' } } });
    // The message names the column, never the parser's words or the value itself.
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.message).toContain('case_events.data');
    expect(refused.error.message).not.toMatch(/JSON at position|Unexpected|手数料/);
    expect(value(await first.r.call('cases.get', { id: other.id })).case.reference).toBe(other.reference);
    expect(value(await first.r.call('cases.list', { view: 'all_open' })).total).toBe(2);
    await first.r.close();

    // A setting every session reads: the log-in itself is refused with the code, not INTERNAL.
    await edit((db) => sql`UPDATE settings SET value = ${damaged.setting} WHERE key = 'replyTargetDays'`.execute(db));
    const second = await login();
    expect(second.login).toMatchObject({ ok: false, error: { code: 'STORAGE_DAMAGED', reason: { code: 'STORED_VALUE_UNREADABLE', column: 'settings.value' } } });
    await second.r.close();

    // Nothing rewrote the damaged text.
    const after = await unlockDirect(dir.path);
    const event = await sql<{ data: string }>`SELECT data FROM case_events WHERE case_id = ${id} AND kind = 'pause'`.execute(after.store.db);
    const setting = await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'replyTargetDays'`.execute(after.store.db);
    expect([event.rows[0]?.data, setting.rows[0]?.value]).toEqual([damaged.event, damaged.setting]);
    await lockDesk(after);
  });
});

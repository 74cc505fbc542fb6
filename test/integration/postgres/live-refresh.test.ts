// Live refresh on a shared desk: a change on one PC is announced by the server (NOTIFY at commit) and the
// other PC's `desk.changes` names it — the kind and the case id, nothing personal — so its open screens
// refresh what changed. The listener reconnects by itself and then says "everything" (changes may have
// been missed). A local desk says it is not shared.
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, withAdmin, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { DeskChanges } from '../../../electron/contract/index.ts';

let database: TestDatabase;
const dirs = [tempDir('pd-live-a-'), tempDir('pd-live-b-'), tempDir('pd-live-local-')];
const runtimes: DeskRuntime[] = [];
afterAll(async () => {
  for (const rt of runtimes) await rt.close();
  await database?.drop();
  for (const d of dirs) d.remove();
});

/** Asks until the answer is past `since` (the announcement travels through the server asynchronously). */
async function changesAfter(rt: DeskRuntime, since: number, until: (c: DeskChanges) => boolean = () => true): Promise<DeskChanges> {
  for (;;) {
    const c = value(await rt.call('desk.changes', { since }));
    if (c.cursor > since && until(c)) return c;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live refresh of a shared desk', () => {
  it('a case taken in on PC B is named on PC A (kind and id only); after the listener is cut it comes back and says "everything"', async () => {
    database = await freshDatabase(await testPostgres());
    const server = { target: parseDatabaseUrl(database.url), password: database.password };
    const { rt: a } = await newDesk(dirs[0]!.path, { server });
    runtimes.push(a);
    const b = await openRuntime(dirs[1]!.path, { server });
    runtimes.push(b);
    value(await b.call('auth.login', { username: SUPERVISOR.username, password: SUPERVISOR.password }));

    // What the server announces, as any listener on the database sees it.
    const spy = new pg.Client({ host: server.target.host, port: server.target.port, database: server.target.database, user: server.target.user, password: server.password });
    const heard: string[] = [];
    await spy.connect();
    spy.on('notification', (m) => heard.push(m.payload ?? ''));
    await spy.query('LISTEN desk_change');

    const start = value(await a.call('desk.changes', { since: 0 }));
    expect(start).toMatchObject({ shared: true, all: false });
    const made = value(await b.call('cases.create', intake(1, { memberName: '秘密 花子', memberEmail: 'himitsu@example.jp' })));
    const seen = await changesAfter(a, start.cursor, (c) => c.cases.includes(made.id));
    expect(seen).toMatchObject({ shared: true, all: false });
    expect(seen.kinds).toContain('case');

    while (!heard.some((p) => p.includes(`"id" : ${made.id}`) || p.includes(`"id":${made.id}`))) await new Promise((r) => setTimeout(r, 50));
    for (const p of heard) {
      expect(p).toMatch(/^\{"kind" ?: ?"[a-z]+", ?"id" ?: ?(\d+|null)\}$/);
      expect(p).not.toContain('秘密');
      expect(p).not.toContain('himitsu');
    }
    await spy.end();

    // The server drops PC A's listening connection: A listens again by itself and says "everything".
    const before = value(await a.call('desk.changes', { since: seen.cursor }));
    await withAdmin(await testPostgres(), (c) => c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN desk_change' AND application_name = 'privacy-desk'`, [database.name]));
    const after = await changesAfter(a, before.cursor, (c) => c.all);
    expect(after).toMatchObject({ shared: true, all: true });
    // And it hears colleagues again.
    const next = value(await b.call('cases.create', intake(2)));
    expect((await changesAfter(a, after.cursor, (c) => c.cases.includes(next.id))).kinds).toContain('case');
  }, 120_000);

  it('a local desk is not shared: nothing to follow', async () => {
    const { rt } = await newDesk(dirs[2]!.path);
    runtimes.push(rt);
    expect(value(await rt.call('desk.changes', { since: 0 }))).toEqual({ shared: false, cursor: 0, all: false, kinds: [], cases: [] });
  });
});

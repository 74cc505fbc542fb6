// The PostgreSQL the shared-desk tests run against is a real server: its own cluster on 127.0.0.1, a
// password required over TCP, pg_trgm available, one database per test.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase, PG_DESK_ROLE, withAdmin } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';

const access = await testPostgres();

describe('the test PostgreSQL cluster', () => {
  it('is a real server on loopback that checks passwords and offers pg_trgm', async () => {
    expect(access.host).toBe('127.0.0.1');
    expect(access.port).not.toBe(5432);
    const version = await withAdmin(access, async (c) => (await c.query('SHOW server_version_num')).rows[0].server_version_num as string);
    expect(Number(version)).toBeGreaterThanOrEqual(130000);
    const listen = await withAdmin(access, async (c) => (await c.query('SHOW listen_addresses')).rows[0].listen_addresses as string);
    expect(listen).toBe('127.0.0.1');

    const db = await freshDatabase(access);
    try {
      const wrong = new pg.Client({ host: access.host, port: access.port, user: PG_DESK_ROLE, password: 'not the password', database: db.name });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
      const c = new pg.Client({ host: access.host, port: access.port, user: PG_DESK_ROLE, password: db.password, database: db.name });
      await c.connect();
      try {
        await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        const sim = await c.query(`SELECT similarity('佐藤花子', '佐藤花') > 0 AS ok`);
        expect(sim.rows[0].ok).toBe(true);
        expect((await c.query('SELECT current_user AS u')).rows[0].u).toBe(PG_DESK_ROLE);
      } finally {
        await c.end();
      }
    } finally {
      await db.drop();
    }
  });
});

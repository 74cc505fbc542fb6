// A shared desk's server going away mid-session: the screens get "the shared desk cannot be reached"
// (SHARED_DESK_UNREACHABLE), nothing is lost, and once the server answers again the desk carries on by
// itself — no new login, no restart. The fault is real network loss between the desk and a real server:
// the desk connects through a TCP relay on 127.0.0.1 that the test cuts (every connection reset, nothing
// listening) and then restores on the same port.
import { afterAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { freshDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { freePort } from '../../support/smtp.ts';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { parseDatabaseUrl } from '../../../db/postgres.ts';
import type { Input } from '../../../electron/contract/index.ts';

/** A relay from `port` to the cluster that can drop off the network and come back on the same port. */
async function relay(to: number) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = async () => {
    server = net.createServer((inbound) => {
      const outbound = net.connect(to, '127.0.0.1');
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((ok) => server!.listen(port, '127.0.0.1', () => ok()));
  };
  await listen();
  return {
    port,
    async cut() {
      const closed = new Promise<void>((ok) => server!.close(() => ok()));
      for (const s of sockets) s.resetAndDestroy();
      await closed;
    },
    restore: listen,
  };
}

const intake = {
  type: 'disclosure', channel: 'post', arrivedAt: '2026-11-24T09:30:00+09:00', requesterKind: 'member', memberName: '山田 太郎', memberKana: 'やまだ たろう',
  memberEmail: 'taro@example.jp', memberPostalCode: '160-0023', memberAddress: '東京都新宿区西新宿1-1-1', requestText: '登録情報の開示を求めます。', delivery: 'paper',
} satisfies Input<'cases.create'>;

const dir = tempDir('pd-away-');
afterAll(() => dir.remove());

describe('the shared desk server goes away mid-session', () => {
  it('calls answer SHARED_DESK_UNREACHABLE while it is away; when it is back the same session carries on, nothing lost', async () => {
    const access = await testPostgres();
    const database = await freshDatabase(access);
    const link = await relay(access.port);
    const target = parseDatabaseUrl(`postgres://pd_desk@127.0.0.1:${link.port}/${database.name}`);
    const { rt } = await newDesk(dir.path, { server: { target, password: database.password } });
    try {
      const { reference } = value(await rt.call('cases.create', intake));

      await link.cut();
      const unreachable = { ok: false, error: { code: 'UNAVAILABLE', reason: { code: 'SHARED_DESK_UNREACHABLE', host: '127.0.0.1', port: link.port } } };
      expect(await rt.call('cases.list', { view: 'all_open' })).toMatchObject(unreachable);
      expect(await rt.call('cases.create', { ...intake, memberName: '鈴木 一郎' })).toMatchObject(unreachable);
      // The message a person (or the CLI) reads says what happened and that nothing was lost.
      const r = await rt.call('cases.list', { view: 'all_open' });
      expect(r.ok ? '' : r.error.message).toContain('cannot be reached');

      await link.restore();
      // Still logged in: the next call opens a new connection by itself.
      const rows = value(await rt.call('cases.list', { view: 'all_open' })).rows;
      expect(rows.map((row) => row.reference)).toEqual([reference]);
      value(await rt.call('cases.create', { ...intake, memberName: '鈴木 一郎' }));
      expect(value(await rt.call('cases.list', { view: 'all_open' })).total).toBe(2);
    } finally {
      await rt.close();
    }
    try {
      // One linear audit chain: the refused create left no row, and none is missing.
      const desk = (await unlockWithPassword(deskPaths(dir.path, { target, password: database.password }), SUPERVISOR.username, SUPERVISOR.password))!;
      try {
        expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
      } finally {
        await lockDesk(desk);
      }
    } finally {
      await link.cut().catch(() => undefined);
      await database.drop();
    }
  }, 120_000);
});

// Several PCs, one outbox: two desk processes (real child processes, test/support/shared-desk-child.ts) on
// one shared desk send its queued mail to a loopback SMTP server. What a desk lead checks afterwards: every
// member got their mail once (one Message-ID each, none twice), every case shows the notice once, the
// audit chain verifies; and a PC killed in the middle of a transaction left nothing half-written behind
// while the other PC carried on.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshDatabase, type TestDatabase } from '../../support/postgres.ts';
import { testPostgres } from '../../support/postgres-run.ts';
import { mailDesk, type MailDesk } from '../../support/mail-desk.ts';
import { startSmtp, parseMail, type TestSmtp } from '../../support/smtp.ts';
import { SUPERVISOR } from '../../support/desk.ts';
import { formatDatabaseUrl, parseDatabaseUrl } from '../../../db/postgres.ts';
import { deskPaths, type SharedDeskServer } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword, type UnlockedDesk } from '../../../electron/core/vault/vault.ts';
import { writeMailSettings } from '../../../electron/core/mail/mail-settings.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';

const child = fileURLToPath(new URL('../../support/shared-desk-child.ts', import.meta.url));
const cleanup: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

interface SharedMailDesk {
  m: MailDesk;
  database: TestDatabase;
  server: SharedDeskServer;
  url: string;
  smtp: TestSmtp;
}

/** A shared desk with `n` cases whose acknowledgements are queued, pointed at a fresh loopback SMTP server. */
async function sharedMailDesk(n: number, onAccepted?: () => void): Promise<SharedMailDesk> {
  const database = await freshDatabase(await testPostgres());
  cleanup.push(() => database.drop());
  const server = { target: parseDatabaseUrl(database.url), password: database.password };
  const m = await mailDesk(n, true, { server });
  cleanup.push(() => m.dir.remove());
  await m.rt.close();
  const smtp = await startSmtp({ onAccepted });
  cleanup.push(() => smtp.close());
  const desk = await open({ m, server });
  try {
    await writeMailSettings(desk.store.db, { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', password: '' }, SUPERVISOR.username, m.clock.now());
  } finally {
    await lockDesk(desk);
  }
  return { m, database, server, url: formatDatabaseUrl(server.target), smtp };
}

async function open(d: { m: MailDesk; server: SharedDeskServer }): Promise<UnlockedDesk> {
  const desk = await unlockWithPassword(deskPaths(d.m.dir.path, d.server), SUPERVISOR.username, SUPERVISOR.password);
  if (!desk) throw new Error('cannot unlock');
  return desk;
}

interface Pc {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line matching `re` (rejects if the process exits first). */
  line(re: RegExp): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

function startPc(mode: 'drain' | 'hold', d: SharedMailDesk): Pc {
  const proc = spawn(process.execPath, [child, mode, d.m.dir.path, d.url, SUPERVISOR.username], {
    env: { ...process.env, PRIVACY_DESK_DATABASE_PASSWORD: d.database.password, PD_STAFF_PASSWORD: SUPERVISOR.password },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  cleanup.push(() => proc.exitCode === null && proc.signalCode === null && proc.kill('SIGKILL'));
  let out = '';
  let err = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
  return {
    proc,
    exited,
    line: (re) =>
      new Promise((ok, fail) => {
        const look = () => {
          const hit = re.exec(out);
          if (hit) {
            proc.stdout.off('data', look);
            ok(hit);
          }
        };
        proc.stdout.on('data', look);
        look();
        void exited.then((code) => fail(new Error(`the ${mode} PC exited (${code}) before ${re}: ${out}\n${err}`)));
      }),
  };
}

/** The Message-IDs the mail server accepted, in order. */
const receivedIds = async (smtp: TestSmtp) => Promise.all(smtp.received.map(async (r) => (await parseMail(r.raw)).messageId ?? '')).then((ids) => ids.map((id) => `<${id.replace(/^<|>$/g, '')}>`));

describe('two PCs send one outbox', () => {
  it('200 queued mails, two desk processes draining at once: each mail sent exactly once, each notice recorded once', async () => {
    const d = await sharedMailDesk(200);
    const pcs = [startPc('drain', d), startPc('drain', d)];
    await Promise.all(pcs.map((pc) => pc.line(/^ready$/m)));
    for (const pc of pcs) pc.proc.stdin.write('go\n');
    const done = await Promise.all(pcs.map(async (pc) => JSON.parse((await pc.line(/^done (.*)$/m))[1]!) as { sent: number }));
    expect(await Promise.all(pcs.map((pc) => pc.exited))).toEqual([0, 0]);
    const split = done.map((x) => x.sent);
    console.info(`[two PCs, 200 mails] sent by PC A: ${split[0]}, by PC B: ${split[1]}`);
    expect(split[0]! + split[1]!).toBe(200);

    const ids = await receivedIds(d.smtp);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);

    const desk = await open(d);
    try {
      const rows = await desk.store.db.selectFrom('outbox').select(['id', 'state', 'message_id', 'possibly_duplicated', 'case_id']).execute();
      expect(rows).toHaveLength(200);
      expect(rows.filter((r) => r.state !== 'sent' || r.possibly_duplicated !== 0)).toEqual([]);
      expect(new Set(rows.map((r) => r.message_id))).toEqual(new Set(ids));
      const notices = await desk.store.db.selectFrom('notices').select(['case_id']).where('channel', '=', 'mail').execute();
      expect(notices).toHaveLength(200);
      expect(new Set(notices.map((n) => n.case_id)).size).toBe(200);
      expect(await verifyAudit(desk.store.db)).toMatchObject({ ok: true });
    } finally {
      await lockDesk(desk);
    }
  }, 600_000);

  it('a PC SIGKILLed in the middle of a transaction: the other carries on, nothing of the killed one is half-written', async () => {
    let firstAccepted: () => void = () => {};
    const accepted = new Promise<void>((ok) => (firstAccepted = ok));
    const d = await sharedMailDesk(20, () => firstAccepted());
    const caseCount = 20;

    // PC K claims a message and takes a case in, in one transaction it never commits (holding the
    // reference and audit locks and the claimed row).
    const k = startPc('hold', d);
    const held = await k.line(/^holding (\S+) (\S+)$/m);
    const heldReference = held[1]!;
    const heldMessageId = held[2]!;
    // PC D drains the outbox meanwhile; it skips the claimed message and waits on the audit lock.
    const pcD = startPc('drain', d);
    await pcD.line(/^ready$/m);
    pcD.proc.stdin.write('go\n');
    await accepted; // D is mid-way: a mail went out
    k.proc.kill('SIGKILL');
    expect(await k.exited).toBeNull();

    const done = JSON.parse((await pcD.line(/^done (.*)$/m))[1]!) as { sent: number };
    expect(await pcD.exited).toBe(0);
    expect(done.sent).toBe(caseCount);
    const ids = await receivedIds(d.smtp);
    expect(ids).toHaveLength(caseCount);
    expect(new Set(ids).size).toBe(caseCount);
    expect(ids.filter((id) => id === heldMessageId)).toHaveLength(1); // the killed PC's claim went back to the queue

    const desk = await open(d);
    try {
      const db = desk.store.db;
      // The intake K was writing does not exist: no case, no event, no search row, no audit row.
      expect(await db.selectFrom('cases').select('id').where('reference', '=', heldReference).execute()).toEqual([]);
      expect(await db.selectFrom('cases').select('id').where('member_name', '=', '書きかけ 花子').execute()).toEqual([]);
      const cases = await db.selectFrom('cases').select(['id', 'reference']).orderBy('reference').execute();
      expect(cases).toHaveLength(caseCount);
      expect((await db.selectFrom('case_events').select('data').execute()).filter((e) => JSON.stringify(e.data).includes(heldReference))).toEqual([]);
      expect(await db.selectFrom('audit_log').select('seq').where('detail', 'like', `%${heldReference}%`).execute()).toEqual([]);
      const searchRows = await db.selectFrom('case_search').select('rowid').execute();
      expect(new Set(searchRows.map((r) => r.rowid))).toEqual(new Set(cases.map((c) => c.id)));
      // Nothing left claimed; each mail sent once and recorded once.
      const rows = await db.selectFrom('outbox').select(['state', 'claimed_by', 'possibly_duplicated']).execute();
      expect(rows.filter((r) => r.state !== 'sent' || r.claimed_by !== null || r.possibly_duplicated !== 0)).toEqual([]);
      expect(await db.selectFrom('notices').select('id').where('channel', '=', 'mail').execute()).toHaveLength(caseCount);
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
      // The next intake takes the number the killed one never got to keep: references stay gapless.
      expect(cases.at(-1)!.reference).toBe(`PD-2026-${String(caseCount).padStart(5, '0')}`);
      expect(heldReference).toBe(`PD-2026-${String(caseCount + 1).padStart(5, '0')}`);
    } finally {
      await lockDesk(desk);
    }
  }, 600_000);
});

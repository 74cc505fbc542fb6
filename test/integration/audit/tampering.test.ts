// The thirteen ways an attacker holding the data key (every staff member, or a disabled one with an old
// key-slot file) tampers with the audit log, each on its own copy of one desk. Every one is caught by
// `audit verify` given an anchor (the chain's head kept outside the database: here the "SEQ:HASH" line a
// report prints); the ones a log can show by itself are caught without one; the three that leave a
// consistent log (a cut end with the counter reset, an older copy put back, a replaced file) pass
// without an anchor, which is why anchors exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, openRuntime, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { runCli } from '../../support/run-cli.ts';
import { appendForged, auditRows, dropGuards, rewriteLog, systemPrivateKey } from '../../support/audit-attacker.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { auditHead, verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { formatAnchor, parseAnchor } from '../../../electron/core/audit/anchors.ts';
import { openUserSlot, readKeySlots, userSlot } from '../../../electron/core/keys/key-slots.ts';
import { openDatabase } from '../../../db/open.ts';
import { signHash } from '../../../electron/core/audit/signing-keys.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { AuditProblemCode, AuditVerdict } from '../../../electron/contract/index.ts';
import type { RawDatabase } from '../../../db/open.ts';

const TANAKA = { username: 'tanaka', password: 'tanaka long password 1' };
const BOB = { username: 'bob', password: 'bob long password 22' };

const dirs: Array<{ path: string; remove(): void }> = [];
const dir = (): string => {
  const d = tempDir('pd-tamper-');
  dirs.push(d);
  return d.path;
};

let original: string;
let older: string; // the same desk, copied before its last rows were written
let replacement: string; // another desk altogether, same supervisor name and password
let bobOldSlots: string; // bob's key-slot file as it was before he was disabled
let anchor: string;
let rows: number;

const login = async (rt: DeskRuntime, username: string, password: string) => value(await rt.call('auth.login', { username, password }));

async function newAgent(rt: DeskRuntime, who: { username: string; password: string }): Promise<void> {
  const { oneTimePassword } = value(await rt.call('accounts.create', { username: who.username, displayName: who.username, role: 'agent' }));
  await rt.call('auth.lock', {});
  await login(rt, who.username, oneTimePassword);
  value(await rt.call('auth.changePassword', { currentPassword: oneTimePassword, newPassword: who.password }));
  await rt.call('auth.lock', {});
  await login(rt, SUPERVISOR.username, SUPERVISOR.password);
}

/** The personal keys a person can unwrap from a key-slot file with their password. */
async function keysFrom(slotsPath: string, who: { username: string; password: string }) {
  const file = readKeySlots(slotsPath);
  const opened = await openUserSlot(file.deskId, userSlot(file, who.username)!, Buffer.from(who.password, 'utf8'));
  if (!opened?.signingKey) throw new Error(`no keys for ${who.username}`);
  return opened as { dataKey: Buffer; signingKey: Buffer };
}

/** A copy of the desk, changed as an attacker would (tanaka's data key and keys, plus the system key). */
async function tampered(attack: (raw: RawDatabase, keys: Map<string, Buffer>) => void | Promise<void>, from = original): Promise<string> {
  const path = dir();
  cpSync(from, path, { recursive: true });
  const tanaka = await keysFrom(join(path, 'desk', 'keyslots.json'), TANAKA);
  const store = openDatabase(join(path, 'desk', 'desk.db'), tanaka.dataKey);
  try {
    dropGuards(store.raw);
    await attack(store.raw, new Map([[TANAKA.username, tanaka.signingKey], ['@system', systemPrivateKey(store.raw)]]));
  } finally {
    await store.close();
  }
  return path;
}

async function verdictOf(path: string, withAnchor: boolean): Promise<AuditVerdict> {
  const desk = await unlockDirect(path);
  try {
    return await verifyAudit(desk.store.db, withAnchor ? [parseAnchor(anchor)!] : []);
  } finally {
    await lockDesk(desk);
  }
}

const seqOf = (raw: RawDatabase, action: string, actor: string, nth = 0): number =>
  auditRows(raw).filter((r) => r.action === action && r.actor === actor)[nth]!.seq;

beforeAll(async () => {
  original = dir();
  const { rt } = await newDesk(original);
  for (const name of ['山田 太郎', '佐藤 一郎', 'Tran Van Minh']) {
    value(
      await rt.call('cases.create', {
        type: 'disclosure',
        channel: 'email',
        arrivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        requesterKind: 'member',
        memberName: name,
        memberEmail: 'member@example.jp',
        requestText: '保有個人データの開示を求めます。',
        delivery: 'electronic',
      }),
    );
  }
  await newAgent(rt, TANAKA);
  await newAgent(rt, BOB);
  bobOldSlots = readFileSync(join(original, 'desk', 'keyslots.json'), 'utf8');
  for (const who of [TANAKA, BOB, SUPERVISOR]) {
    await rt.call('auth.lock', {});
    await login(rt, who.username, who.password);
    for (const id of [1, 2, 3]) value(await rt.call('cases.get', { id }));
  }
  await rt.close();
  older = dir();
  cpSync(original, older, { recursive: true });

  const again = await openRuntime(original);
  await login(again, SUPERVISOR.username, SUPERVISOR.password);
  value(await again.call('accounts.disable', { username: BOB.username }));
  value(await again.call('cases.get', { id: 1 }));
  await again.close();

  const desk = await unlockDirect(original);
  const v = await verifyAudit(desk.store.db);
  anchor = formatAnchor((await auditHead(desk.store.db))!);
  await lockDesk(desk);
  expect(v).toMatchObject({ ok: true });
  rows = v.rows;

  replacement = dir();
  const other = await newDesk(replacement);
  for (let i = 0; i < rows; i++) await other.rt.call('settings.get', {}); // (reads write no rows)
  await other.rt.close();
}, 120_000);
afterAll(() => dirs.splice(0).forEach((d) => d.remove()));

type Expect = { code: AuditProblemCode; seq?: number } | 'undetected';
const scenarios: Array<{ name: string; make: () => Promise<string>; alone: () => Expect }> = [];
const expected = new Map<string, Expect>();
function scenario(name: string, make: () => Promise<{ path: string; alone: Expect }>) {
  let alone: Expect = 'undetected';
  scenarios.push({
    name,
    make: async () => {
      const r = await make();
      alone = r.alone;
      expected.set(name, alone);
      return r.path;
    },
    alone: () => alone,
  });
}

scenario('1 edit a row', async () => {
  let seq = 0;
  const path = await tampered((raw) => {
    seq = seqOf(raw, 'case.view', SUPERVISOR.username);
    raw.prepare(`UPDATE audit_log SET detail = '{"reference":"PD-2026-99999"}' WHERE seq = ?`).run(seq);
  });
  return { path, alone: { code: 'AUDIT_DETAIL_CHANGED', seq } };
});
scenario('2 delete a row in the middle', async () => {
  let seq = 0;
  const path = await tampered((raw) => {
    seq = seqOf(raw, 'case.view', TANAKA.username);
    raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
  });
  return { path, alone: { code: 'AUDIT_SEQ_GAP', seq: seq + 1 } };
});
scenario('3 delete the last row', async () => {
  const path = await tampered((raw) => void raw.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'));
  return { path, alone: { code: 'AUDIT_TAIL_REMOVED', seq: rows } };
});
scenario('4 delete the last three rows', async () => {
  const path = await tampered((raw) => void raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(rows - 3));
  return { path, alone: { code: 'AUDIT_TAIL_REMOVED', seq: rows - 2 } };
});
scenario('5 swap two rows', async () => {
  let a = 0;
  const path = await tampered((raw) => {
    a = seqOf(raw, 'case.view', TANAKA.username, 0);
    const b = seqOf(raw, 'case.view', TANAKA.username, 2);
    raw.exec(`CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (${a}, ${b});
      UPDATE audit_log SET (at, actor, action, entity, entity_id, detail, prev_hash, hash, detail_hash, signer, signature, public_key) =
        (SELECT at, actor, action, entity, entity_id, detail, prev_hash, hash, detail_hash, signer, signature, public_key FROM t WHERE t.seq = ${a + b} - audit_log.seq)
      WHERE seq IN (${a}, ${b});`);
  });
  return { path, alone: { code: 'AUDIT_CHAIN_LINK', seq: a } };
});
scenario('6 insert a forged row (and recompute the chain after it)', async () => {
  let at = 0;
  const path = await tampered((raw, keys) => {
    const all = auditRows(raw);
    at = seqOf(raw, 'case.view', SUPERVISOR.username);
    const forged = { ...all[at - 1]!, action: 'case.close', detail: '{"reason":"forged"}', signer: SUPERVISOR.username };
    rewriteLog(raw, [...all.slice(0, at - 1), forged, ...all.slice(at - 1)], keys);
    // Signed with tanaka's own key under sato's name: the best he can do without sato's password.
    const row = auditRows(raw)[at - 1]!;
    raw.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(signHash(keys.get(TANAKA.username)!, row.hash), at);
  });
  return { path, alone: { code: 'AUDIT_BAD_SIGNATURE', seq: at } };
});
scenario('7 edit a row and recompute the whole chain', async () => {
  let seq = 0;
  const path = await tampered((raw, keys) => {
    const all = auditRows(raw);
    seq = seqOf(raw, 'case.view', SUPERVISOR.username);
    all[seq - 1] = { ...all[seq - 1]!, entity_id: '2' };
    rewriteLog(raw, all, keys);
  });
  return { path, alone: { code: 'AUDIT_BAD_SIGNATURE', seq } };
});
scenario('8 delete the case.view rows and renumber', async () => {
  const path = await tampered((raw, keys) => rewriteLog(raw, auditRows(raw).filter((r) => !(r.action === 'case.view' && r.actor === TANAKA.username)), keys));
  return { path, alone: { code: 'AUDIT_BAD_SIGNATURE' } };
});
scenario('9 cut the end and reset sqlite_sequence', async () => {
  const path = await tampered((raw) => {
    raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(rows - 2);
    raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(rows - 2);
  });
  return { path, alone: 'undetected' };
});
scenario('10 restore an older copy over the desk', async () => {
  const path = dir();
  cpSync(older, path, { recursive: true });
  return { path, alone: 'undetected' };
});
scenario('11 replace the file with another desk', async () => {
  const path = dir();
  cpSync(replacement, path, { recursive: true });
  return { path, alone: 'undetected' };
});
scenario('12 forge a row as another user (with the desk key)', async () => {
  const path = await tampered((raw, keys) =>
    appendForged(raw, { actor: SUPERVISOR.username, action: 'account.disable', entity: 'account', entity_id: TANAKA.username, detail: '{}' }, '@system', keys.get('@system')!),
  );
  return { path, alone: { code: 'AUDIT_WRONG_SIGNER', seq: rows + 1 } };
});
scenario('13 forge a row with an old key-slot file', async () => {
  const path = dir();
  cpSync(original, path, { recursive: true });
  const old = join(path, 'bob-old-keyslots.json');
  writeFileSync(old, bobOldSlots);
  const bob = await keysFrom(old, BOB);
  // Disabling him re-keyed the desk: his old data key opens nothing any more …
  expect(() => openDatabase(join(path, 'desk', 'desk.db'), bob.dataKey)).toThrow(/does not open with this key/);
  // … so he needs a colleague who can open it; the row signed with his old signing key is still refused.
  const tanaka = await keysFrom(join(path, 'desk', 'keyslots.json'), TANAKA);
  const store = openDatabase(join(path, 'desk', 'desk.db'), tanaka.dataKey);
  try {
    appendForged(store.raw, { actor: BOB.username, action: 'case.view', entity: 'case', entity_id: '1', detail: '{"reference":"x"}' }, BOB.username, bob.signingKey);
  } finally {
    await store.close();
  }
  return { path, alone: { code: 'AUDIT_REVOKED_SIGNER', seq: rows + 1 } };
});

describe('thirteen ways to tamper with the audit log', () => {
  const made = new Map<string, string>();

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const path = await s.make();
    made.set(s.name, path);
    const alone = await verdictOf(path, false);
    const want = s.alone();
    if (want === 'undetected') expect(alone).toMatchObject({ ok: true });
    else expect(alone).toMatchObject({ ok: false, problem: { code: want.code, ...(want.seq !== undefined ? { seq: want.seq } : {}) } });
    // With the anchor every one is caught.
    expect(await verdictOf(path, true)).toMatchObject({ ok: false });
  }, 60_000);

  it('the untouched desk verifies, with and without its anchor', async () => {
    expect(await verdictOf(original, false)).toMatchObject({ ok: true, rows });
    expect(await verdictOf(original, true)).toMatchObject({ ok: true, rows });
  });

  it('`audit verify --anchor` and `db check --anchor` say BROKEN and exit 1 for every one; OK for the untouched desk', async () => {
    const anchored = (path: string) => runCli(['audit', 'verify', '--data-dir', path, '--user', SUPERVISOR.username, '--anchor', anchor], SUPERVISOR.password);
    expect(await anchored(original)).toEqual({ code: 0, stdout: `OK (${rows} rows)\n`, stderr: '' });
    const names = [...made.keys()];
    expect(names).toHaveLength(13);
    for (let i = 0; i < names.length; i += 3) {
      const batch = names.slice(i, i + 3);
      const runs = await Promise.all(batch.map((n) => anchored(made.get(n)!)));
      runs.forEach((r, j) => expect(r, batch[j]).toMatchObject({ code: 1, stdout: expect.stringMatching(/^BROKEN at row \d+: /) }));
    }
    const tail = made.get('3 delete the last row')!;
    expect((await runCli(['audit', 'verify', '--data-dir', tail, '--user', SUPERVISOR.username], SUPERVISOR.password)).stdout).toBe(
      `BROKEN at row ${rows}: rows ${rows} to ${rows} at the end of the log were removed. (${rows - 1} rows checked.)\n`,
    );
    const reset = made.get('9 cut the end and reset sqlite_sequence')!;
    // One at a time: each takes the data folder's lock.
    const plain = await runCli(['audit', 'verify', '--data-dir', reset, '--user', SUPERVISOR.username], SUPERVISOR.password);
    const check = await runCli(['db', 'check', '--data-dir', reset, '--user', SUPERVISOR.username, '--anchor', anchor], SUPERVISOR.password);
    expect(plain).toMatchObject({ code: 0 });
    expect(check).toMatchObject({ code: 1, stdout: expect.stringMatching(new RegExp(`PROBLEM audit: row ${rows - 2} is broken: the log ends at row ${rows - 2} but the anchor is at row ${rows}`)) });
  }, 300_000);

  it('--help, and an unknown subcommand is a usage error', async () => {
    const [help, bad] = await Promise.all([runCli(['audit', '--help']), runCli(['audit', 'fix', '--data-dir', original, '--user', SUPERVISOR.username])]);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: npm run desk -- audit verify/) });
    expect(bad.code).toBe(2);
  });
});

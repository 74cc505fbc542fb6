// Shared fixtures for the backup tests: a desk with cases holding a known plaintext, the data key from a
// slot, every byte under a folder, and the cases table as rows to compare.
import { sqliteStore } from '../../db/open.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskRuntime } from '../../electron/core/runtime.ts';
import { deskPaths } from '../../electron/core/storage/data-dir.ts';
import { openSlot, readKeySlots, userSlot } from '../../electron/core/keys/key-slots.ts';
import { SUPERVISOR, value } from './desk.ts';
import { unlockDirect } from './tables.ts';
import { lockDesk } from '../../electron/core/vault/vault.ts';
import type { Input } from '../../electron/contract/index.ts';

/** A member name no SQLite page, header or manifest would hold by chance. */
export const KNOWN_MEMBER = 'Zbigniew Przybyszewski-Okonkwo';

export const INTAKE = {
  type: 'disclosure',
  channel: 'post',
  arrivedAt: '2026-11-24T09:30:00+09:00',
  requesterKind: 'member',
  memberName: KNOWN_MEMBER,
  memberKana: 'ズビグニェフ',
  memberEmail: 'zbigniew.okonkwo@example.com',
  memberPostalCode: '160-0023',
  memberAddress: '東京都新宿区西新宿1-1-1',
  requestText: '登録情報と第三者提供の記録の開示を求めます。',
  delivery: 'paper',
} satisfies Input<'cases.create'>;

export async function createCases(rt: DeskRuntime, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = value(await rt.call('cases.create', { ...INTAKE, memberEmail: `member${i}.okonkwo@example.com` }));
    ids.push(id);
  }
  return ids;
}

/** The data key, from the supervisor's slot (the caller wipes it). */
export async function dataKeyOf(dataDir: string, username = SUPERVISOR.username, password = SUPERVISOR.password): Promise<Buffer> {
  const slots = readKeySlots(deskPaths(dataDir).keySlots);
  const key = await openSlot(slots.deskId, userSlot(slots, username)!, Buffer.from(password, 'utf8'));
  if (!key) throw new Error('wrong password for the test desk');
  return key;
}

/** Every file under a folder, concatenated: to search for bytes that must not be there. */
export function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else parts.push(readFileSync(p));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

/** Every row of the cases table, in id order. */
export async function caseRows(dataDir: string, username?: string, password?: string): Promise<unknown[]> {
  const desk = await unlockDirect(dataDir, username, password);
  try {
    return sqliteStore(desk.store).raw.prepare('SELECT * FROM cases ORDER BY id').all();
  } finally {
    await lockDesk(desk);
  }
}

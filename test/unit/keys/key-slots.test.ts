// "A staff member's key slot opens only with that person's password, only under that person's name,
// only in that desk — and it carries its own scrypt cost, so the cost can be raised later."
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeRecoverySlot,
  makeUserSlot,
  newKeySlotFile,
  openSlot,
  readKeySlots,
  recoverySlot,
  userSlot,
  withoutUserSlot,
  withSlot,
  writeKeySlots,
  type KeySlotFile,
} from '../../../electron/core/keys/key-slots.ts';
import { DEFAULT_SCRYPT } from '../../../electron/core/keys/wrap.ts';
import { tempDir, TEST_KDF } from '../../support/desk.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const pw = (s: string) => Buffer.from(s, 'utf8');

async function slotFile(cost = TEST_KDF) {
  const d = tempDir();
  dirs.push(d);
  const path = join(d.path, 'keyslots.json');
  const dataKey = randomBytes(32);
  const recovery = randomBytes(32);
  let file: KeySlotFile = newKeySlotFile();
  file = withSlot(file, await makeUserSlot(file.deskId, 'sato', 'sato password 1', dataKey, cost));
  file = withSlot(file, await makeUserSlot(file.deskId, 'tanaka', 'tanaka password 1', dataKey, cost));
  file = withSlot(file, await makeRecoverySlot(file.deskId, recovery, dataKey));
  writeKeySlots(path, file);
  return { path, dataKey, recovery };
}

describe('key slots', () => {
  it('the right password gives the data key; a wrong one (or a near miss) gives null', async () => {
    const { path, dataKey } = await slotFile();
    const file = readKeySlots(path);
    const sato = userSlot(file, 'sato')!;
    expect((await openSlot(file.deskId, sato, pw('sato password 1')))?.equals(dataKey)).toBe(true);
    for (const wrong of ['sato password 2', 'Sato password 1', 'sato password 1 ', '', 'tanaka password 1']) {
      expect(await openSlot(file.deskId, sato, pw(wrong)), wrong).toBeNull();
    }
  });

  it('the recovery slot opens with the recovery secret only', async () => {
    const { path, dataKey, recovery } = await slotFile();
    const file = readKeySlots(path);
    expect((await openSlot(file.deskId, recoverySlot(file)!, recovery))?.equals(dataKey)).toBe(true);
    expect(await openSlot(file.deskId, recoverySlot(file)!, randomBytes(32))).toBeNull();
  });

  it('the file on disk holds neither the data key nor any password', async () => {
    const { path, dataKey } = await slotFile();
    const text = readFileSync(path, 'utf8');
    for (const secret of [dataKey.toString('hex'), dataKey.toString('base64'), 'sato password 1', 'tanaka password 1']) expect(text).not.toContain(secret);
  });

  it('a slot copied under another user name (the file edited) does not unwrap: the name is bound in', async () => {
    const { path } = await slotFile();
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { slots: Array<{ kind: string; username: string | null }> };
    // Someone who knows tanaka's password edits the file so that tanaka's slot claims to be sato's.
    raw.slots = raw.slots.filter((s) => s.username !== 'sato');
    raw.slots.find((s) => s.username === 'tanaka')!.username = 'sato';
    writeFileSync(path, JSON.stringify(raw));
    const file = readKeySlots(path);
    const forged = userSlot(file, 'sato')!;
    expect(forged).toBeDefined();
    expect(await openSlot(file.deskId, forged, pw('tanaka password 1'))).toBeNull();
    // Renamed back, the same bytes open again: it was the name that refused, not damage.
    expect(await openSlot(file.deskId, { ...forged, username: 'tanaka' }, pw('tanaka password 1'))).not.toBeNull();
  });

  it('a slot moved to another desk, or turned into another kind, does not unwrap', async () => {
    const { path } = await slotFile();
    const file = readKeySlots(path);
    const sato = userSlot(file, 'sato')!;
    expect(await openSlot(newKeySlotFile().deskId, sato, pw('sato password 1'))).toBeNull();
    expect(await openSlot(file.deskId, { ...sato, id: 'another-id' }, pw('sato password 1'))).toBeNull();
    expect(await openSlot(file.deskId, { ...sato, kind: 'recovery', username: null }, pw('sato password 1'))).toBeNull();
  });

  it('each slot keeps the scrypt cost it was made with, and opens with it whatever the current default', async () => {
    const cheap = { N: 2 ** 10, r: 8, p: 1 };
    const { path, dataKey } = await slotFile(cheap);
    const file = readKeySlots(path);
    const sato = userSlot(file, 'sato')!;
    expect(sato.kdf).toMatchObject({ name: 'scrypt', ...cheap });
    if (sato.kdf.name !== 'scrypt') throw new Error('not a scrypt slot');
    expect(Buffer.from(sato.kdf.salt, 'base64')).toHaveLength(16);
    // Not the default cost: opening used the slot's own parameters.
    expect(cheap.N).not.toBe(DEFAULT_SCRYPT.N);
    expect((await openSlot(file.deskId, sato, pw('sato password 1')))?.equals(dataKey)).toBe(true);
    // A slot whose stored cost was changed derives another key: it does not open.
    expect(await openSlot(file.deskId, { ...sato, kdf: { ...sato.kdf, N: 2 ** 11 } }, pw('sato password 1'))).toBeNull();
  });

  it('a new slot uses the architecture’s cost by default (scrypt N=2^17, r=8, p=1)', async () => {
    const slot = await makeUserSlot(newKeySlotFile().deskId, 'sato', 'sato password 1', randomBytes(32));
    expect(slot.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });

  it('replacing and removing a user slot leaves the others as they were', async () => {
    const { path, dataKey } = await slotFile();
    const file = readKeySlots(path);
    const replaced = withSlot(file, await makeUserSlot(file.deskId, 'sato', 'sato password 2', dataKey, TEST_KDF));
    expect(replaced.slots.filter((s) => s.username === 'sato')).toHaveLength(1);
    expect(userSlot(replaced, 'tanaka')).toEqual(userSlot(file, 'tanaka'));
    expect(recoverySlot(replaced)).toEqual(recoverySlot(file));
    const removed = withoutUserSlot(replaced, 'sato');
    expect(userSlot(removed, 'sato')).toBeUndefined();
    expect(removed.slots).toHaveLength(2);
  });
});

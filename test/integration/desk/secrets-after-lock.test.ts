// "After the desk locks, the data key is not left in memory as a string: it only ever lived in Buffers,
// which are zeroed on lock." What V8 cannot promise (strings the caller typed, copies the garbage collector
// moved) is in the README's "Secrets in memory".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { deskPaths } from '../../../electron/core/storage/data-dir.ts';
import { lockDesk, unlockWithPassword } from '../../../electron/core/vault/vault.ts';
import { rekeyDesk } from '../../../electron/core/rekey/rekey.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  vi.restoreAllMocks();
  dirs.splice(0).forEach((d) => d.remove());
});

/** Every hex string any Buffer was turned into while `work` ran. */
async function hexStringsDuring<T>(work: () => Promise<T>): Promise<{ result: T; hex: string[] }> {
  const spy = vi.spyOn(Buffer.prototype, 'toString');
  try {
    const result = await work();
    const hex = spy.mock.calls.flatMap((args, i) => (args[0] === 'hex' ? [String(spy.mock.results[i]?.value)] : []));
    return { result, hex };
  } finally {
    spy.mockRestore();
  }
}

describe('the data key after lock', () => {
  it('unlocking, re-keying and locking never write the data key (old or new) as a hex string, and lock zeroes it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { rt } = await newDesk(dir.path);
    value(await rt.dispatch('auth.lock', {}));
    await rt.close();
    const paths = deskPaths(dir.path);

    const opened = await hexStringsDuring(() => unlockWithPassword(paths, SUPERVISOR.username, SUPERVISOR.password));
    const desk = opened.result!;
    const oldKey = Buffer.from(desk.dataKey).toString('hex');
    expect(opened.hex.filter((h) => h.includes(oldKey))).toEqual([]);

    const rekeyed = await hexStringsDuring(() => rekeyDesk(paths, desk, { actor: SUPERVISOR.username, reason: 'supervisor', now: new Date() }));
    const newKey = Buffer.from(desk.dataKey).toString('hex');
    expect(newKey).not.toBe(oldKey);
    expect(rekeyed.hex.filter((h) => h.includes(oldKey) || h.includes(newKey))).toEqual([]);

    const held = desk.dataKey;
    await lockDesk(desk);
    expect(held.equals(Buffer.alloc(32))).toBe(true);

    // And the desk still opens with the key applied as bytes.
    const again = await unlockWithPassword(paths, SUPERVISOR.username, SUPERVISOR.password);
    expect(again).not.toBeNull();
    await lockDesk(again!);
  });
});

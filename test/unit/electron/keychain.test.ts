// The desktop app's OS keychain for a connection profile (electron/main/keychain.ts): safeStorage's
// Linux fallback `basic_text` is no encryption (a key built into Chromium), so it must seal nothing.
import { describe, expect, it } from 'vitest';
import { safeStorageKeychain } from '../../../electron/main/keychain.ts';

function storage(backend: 'basic_text' | 'gnome_libsecret', available = true) {
  const sealed = new Map<string, string>();
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (plain: string) => {
      const key = `sealed-${sealed.size}`;
      sealed.set(key, plain);
      return Buffer.from(key);
    },
    decryptStringAsync: async (b: Buffer) => {
      const plain = sealed.get(b.toString());
      if (plain === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { result: plain, shouldReEncrypt: false };
    },
  };
}

describe('safeStorageKeychain', () => {
  it('seals and opens through a real keyring; the sealed form is not the secret', async () => {
    const k = safeStorageKeychain(storage('gnome_libsecret'), 'linux');
    const sealed = await k.seal('db secret');
    expect(sealed).not.toBeNull();
    expect(Buffer.from(sealed!, 'base64').toString()).not.toContain('db secret');
    expect(await k.open(sealed!)).toBe('db secret');
  });

  it("seals nothing with Linux's basic_text fallback or without encryption; a copy that does not open is null", async () => {
    expect(await safeStorageKeychain(storage('basic_text'), 'linux').seal('db secret')).toBeNull();
    expect(await safeStorageKeychain(storage('gnome_libsecret', false), 'linux').seal('db secret')).toBeNull();
    expect(await safeStorageKeychain(storage('gnome_libsecret'), 'linux').open(Buffer.from('from another account').toString('base64'))).toBeNull();
    // On Windows and macOS the backend name is Linux-only and not consulted.
    expect(await safeStorageKeychain(storage('basic_text'), 'win32').seal('db secret')).not.toBeNull();
  });
});

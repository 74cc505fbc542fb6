// The OS keychain for a connection profile (core/shared-desk/connection-profile.ts `Keychain`), over
// Electron's safeStorage: DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux. On Linux
// without a real keyring safeStorage falls back to `basic_text` — a key compiled into Chromium, i.e. the
// password in the clear for anyone who reads the file — so that backend seals nothing and the profile keeps
// only the per-person copies. Pure apart from the safeStorage object it is given (typed by Electron's own API).
import type { SafeStorage } from 'electron';
import type { Keychain } from '../core/shared-desk/connection-profile.ts';

type Storage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export function safeStorageKeychain(storage: Storage, platform: NodeJS.Platform = process.platform): Keychain {
  const usable = async () => (await storage.isAsyncEncryptionAvailable()) && (platform !== 'linux' || storage.getSelectedStorageBackend() !== 'basic_text');
  return {
    async seal(secret) {
      if (!(await usable())) return null;
      try {
        return (await storage.encryptStringAsync(secret)).toString('base64');
      } catch {
        return null;
      }
    },
    async open(sealed) {
      if (!(await usable())) return null;
      try {
        return (await storage.decryptStringAsync(Buffer.from(sealed, 'base64'))).result;
      } catch {
        return null; // another PC or OS account, or an altered copy
      }
    },
  };
}

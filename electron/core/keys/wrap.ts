// The data key never touches disk in the clear: each key slot holds it wrapped (AES-256-GCM) under a
// key derived from a password (scrypt) or from the recovery key (HKDF; it is already 256 random bits).
// The KDF parameters live in the slot, so they can be raised later without breaking older slots.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}
export interface HkdfParams {
  name: 'hkdf-sha256';
  salt: string; // base64
}
export type KdfParams = ScryptParams | HkdfParams;

export interface WrappedKey {
  alg: 'A256GCM';
  iv: string; // base64, 12 bytes
  tag: string; // base64, 16 bytes
  ct: string; // base64
}

/** ARCHITECTURE.md: scrypt N=2^17 r=8 p=1 (about 128 MiB and a few hundred ms per unlock). */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newScryptParams(cost: { N: number; r: number; p: number } = DEFAULT_SCRYPT): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function newHkdfParams(): HkdfParams {
  return { name: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
}

export async function deriveKey(secret: Buffer, params: KdfParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  if (params.name === 'hkdf-sha256') {
    return Buffer.from(hkdfSync('sha256', secret, salt, 'privacy-desk recovery slot', 32));
  }
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Returns null when the key-encryption key is wrong (or the slot was tampered with): the tag fails. */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// Sealing the data key to a key slot without that person's password, so a re-key can hand every
// remaining slot the new data key. Each slot owns an X25519 key pair: the public half sits in the slot in
// the clear, the private half is wrapped under the slot's password (or recovery) key. Sealing = an
// ephemeral X25519 key agreement with the slot's public key, HKDF-SHA256, AES-256-GCM (the AAD binds
// desk, slot and purpose). Opening needs the slot's private key, so only its holder can.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { unwrapKey, wrapKey, type WrappedKey } from './wrap.ts';

export interface SealedKey {
  /** The ephemeral X25519 public key (SPKI DER, base64). */
  epk: string;
  wrapped: WrappedKey;
}

export interface BoxKeyPair {
  publicKey: string; // SPKI DER, base64
  privateKey: Buffer; // PKCS#8 DER
}

export function newBoxKeyPair(): BoxKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }) };
}

function sharedKey(privateDer: Buffer, publicB64: string, aad: string): Buffer {
  const secret = diffieHellman({
    privateKey: createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: Buffer.from(publicB64, 'base64'), format: 'der', type: 'spki' }),
  });
  try {
    return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `privacy-desk sealed key ${aad}`, 32));
  } finally {
    secret.fill(0);
  }
}

export function seal(recipientPublicKey: string, secret: Buffer, aad: string): SealedKey {
  const eph = newBoxKeyPair();
  const k = sharedKey(eph.privateKey, recipientPublicKey, aad);
  try {
    return { epk: eph.publicKey, wrapped: wrapKey(k, secret, aad) };
  } finally {
    k.fill(0);
    eph.privateKey.fill(0);
  }
}

/** The sealed secret, or null when this private key is not the recipient's (or the box was altered). */
export function unseal(recipientPrivateKey: Buffer, sealed: SealedKey, aad: string): Buffer | null {
  let k: Buffer;
  try {
    k = sharedKey(recipientPrivateKey, sealed.epk, aad);
  } catch {
    return null;
  }
  try {
    return unwrapKey(k, sealed.wrapped, aad);
  } finally {
    k.fill(0);
  }
}

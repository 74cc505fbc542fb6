// Ed25519 signing keys for the audit log (node:crypto). A person's private key lives wrapped in their
// key slot and, while they are logged in, in a TEMP table of the open connection (memory only:
// temp_store=MEMORY), so that every audit row written on that connection, inside a transaction or not,
// is signed by the person who acted without threading a key through every call. The table dies with
// the connection when the desk locks. The desk's system key lives in audit_keys, inside the encrypted file.
import { dropSigners, getSigner, putSigner } from '../../../db/signer-table.ts';
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export const SYSTEM_SIGNER = '@system';

export interface SigningKeyPair {
  /** SPKI DER, base64: what the audit log records. */
  publicKey: string;
  /** PKCS#8 DER: zero it once wrapped or loaded. */
  privateKey: Buffer;
}

export function newSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export const publicKeyObject = (spkiBase64: string): KeyObject => createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });

export function signHash(privateKeyDer: Buffer, hashHex: string): string {
  const key = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(hashHex, 'hex'), key).toString('base64');
}

export function signatureHolds(publicKey: KeyObject, hashHex: string, signature: string | null): boolean {
  if (!signature) return false;
  try {
    return verify(null, Buffer.from(hashHex, 'hex'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

type Db = Kysely<DB> | Transaction<DB>;

/** Makes `username`'s private key available to sign the rows this connection writes as them. */
export async function loadSigner(db: Db, username: string, privateKeyDer: Buffer): Promise<void> {
  await putSigner(db, username, privateKeyDer);
}

/** The loaded private key of `username`, or null (nobody logged in as them on this connection). */
export async function loadedSigner(db: Db, username: string): Promise<Buffer | null> {
  return getSigner(db, username);
}

export async function forgetSigners(db: Db): Promise<void> {
  await dropSigners(db);
}

// The key-slot file sits beside the encrypted database: the only thing readable before login.
// It holds no secret in the clear; each slot is the data key wrapped for one staff member (or the
// recovery key). The slot's AAD binds it to this desk, its kind, its id and its user, so a slot
// copied under another name does not unwrap.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { withSecretBytes } from './secret-bytes.ts';
import { DeskError } from '../errors.ts';
import { newBoxKeyPair, seal, unseal, type SealedKey } from './sealed-box.ts';
import { deriveKey, newHkdfParams, newScryptParams, unwrapKey, wrapKey, type KdfParams, type WrappedKey } from './wrap.ts';

/** A key wrapped under a slot's key (wrap.ts); also the connection profile's (core/shared-desk/connection-profile.ts). */
export const wrappedSchema = z.object({ alg: z.literal('A256GCM'), iv: z.string(), tag: z.string(), ct: z.string() });
export const kdfSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
]);
const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  username: z.string().nullable(),
  createdAt: z.string(),
  kdf: kdfSchema,
  /** Slots made before sealing: the data key wrapped directly under the slot's key. */
  wrapped: wrappedSchema.optional(),
  /**
   * The slot's X25519 key pair (private half wrapped under the slot's key) and the data key sealed to its
   * public half (sealed-box.ts): a re-key hands this slot a new data key without its password.
   */
  box: z.object({ publicKey: z.string(), private: wrappedSchema, sealed: z.object({ epk: z.string(), wrapped: wrappedSchema }) }).optional(),
  /** The person's Ed25519 audit-signing private key (PKCS#8), wrapped under the same key; absent on slots made before signing. */
  signing: wrappedSchema.optional(),
});
const fileSchema = z.object({ format: z.literal(1), deskId: z.string(), slots: z.array(slotSchema) });

export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotFile = z.infer<typeof fileSchema>;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

function aad(deskId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>): string {
  return JSON.stringify(['privacy-desk/keyslot/v1', deskId, slot.kind, slot.id, slot.username]);
}

function signingAad(deskId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>): string {
  return JSON.stringify(['privacy-desk/keyslot/v1/signing', deskId, slot.kind, slot.id, slot.username]);
}

const boxAad = (deskId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>) => JSON.stringify(['privacy-desk/keyslot/v1/box', deskId, slot.kind, slot.id, slot.username]);
const sealAad = (deskId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>) => JSON.stringify(['privacy-desk/keyslot/v1/sealed', deskId, slot.kind, slot.id, slot.username]);

/** A slot's box: a new X25519 pair, its private half wrapped under kek, the data key sealed to it. */
function newBox(deskId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>, kek: Buffer, dataKey: Buffer): NonNullable<KeySlot['box']> {
  const pair = newBoxKeyPair();
  try {
    return { publicKey: pair.publicKey, private: wrapKey(kek, pair.privateKey, boxAad(deskId, slot)), sealed: seal(pair.publicKey, dataKey, sealAad(deskId, slot)) };
  } finally {
    pair.privateKey.fill(0);
  }
}

function openDataKey(deskId: string, slot: KeySlot, kek: Buffer): Buffer | null {
  if (slot.box) {
    const priv = unwrapKey(kek, slot.box.private as WrappedKey, boxAad(deskId, slot));
    if (!priv) return null;
    try {
      return unseal(priv, slot.box.sealed as SealedKey, sealAad(deskId, slot));
    } finally {
      priv.fill(0);
    }
  }
  return slot.wrapped ? unwrapKey(kek, slot.wrapped as WrappedKey, aad(deskId, slot)) : null;
}

/** The slot handed a new data key (a re-key), or null for a slot made before sealing (it cannot take one). */
export function resealSlot(deskId: string, slot: KeySlot, newDataKey: Buffer): KeySlot | null {
  if (!slot.box) return null;
  return { ...slot, box: { ...slot.box, sealed: seal(slot.box.publicKey, newDataKey, sealAad(deskId, slot)) } };
}

export function readKeySlots(path: string): KeySlotFile {
  if (!existsSync(path)) {
    throw new DeskError({ code: 'KEYSLOTS_MISSING', path });
  }
  return parseKeySlots(readFileSync(path, 'utf8'), path);
}

/** A key-slot file's text (keyslots.json, or a shared desk's desk_key_slots row), checked; `where` names it in errors. */
export function parseKeySlots(text: string, where: string): KeySlotFile {
  const path = where;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DeskError({ code: 'KEYSLOTS_DAMAGED', path });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DeskError({ code: 'KEYSLOTS_DAMAGED', path });
  }
  return parsed.data;
}

export function writeKeySlots(path: string, file: KeySlotFile): void {
  writeFileAtomic(path, JSON.stringify(file, null, 2) + '\n');
}

export function newKeySlotFile(): KeySlotFile {
  return { format: 1, deskId: randomUUID(), slots: [] };
}

export async function makeUserSlot(deskId: string, username: string, password: string, dataKey: Buffer, cost?: KdfCost, signingKey?: Buffer): Promise<KeySlot> {
  const slot = { id: randomUUID(), kind: 'user' as const, username, createdAt: new Date().toISOString(), kdf: newScryptParams(cost) as KdfParams };
  const kek = await withSecretBytes(password, (secret) => deriveKey(secret, slot.kdf));
  try {
    return { ...slot, box: newBox(deskId, slot, kek, dataKey), ...(signingKey ? { signing: wrapKey(kek, signingKey, signingAad(deskId, slot)) } : {}) };
  } finally {
    kek.fill(0);
  }
}

/** The data key and the person's signing key (null on a slot made before signing), or null when the secret is wrong. */
export async function openUserSlot(deskId: string, slot: KeySlot, secret: Buffer): Promise<{ dataKey: Buffer; signingKey: Buffer | null } | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    const dataKey = openDataKey(deskId, slot, kek);
    if (!dataKey) return null;
    const signingKey = slot.signing ? unwrapKey(kek, slot.signing as WrappedKey, signingAad(deskId, slot)) : null;
    return { dataKey, signingKey };
  } finally {
    kek.fill(0);
  }
}

/**
 * The same slot (same id) brought up to date at login, when its secret is at hand: a box instead of a
 * direct wrap (so a re-key can reach it), and a signing key if one is given.
 */
export async function upgradeSlot(deskId: string, slot: KeySlot, secret: Buffer, dataKey: Buffer, signingKey?: Buffer): Promise<KeySlot> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    const { wrapped: _direct, ...rest } = slot;
    void _direct;
    return { ...rest, box: slot.box ?? newBox(deskId, slot, kek, dataKey), ...(signingKey ? { signing: wrapKey(kek, signingKey, signingAad(deskId, slot)) } : {}) };
  } finally {
    kek.fill(0);
  }
}

export async function makeRecoverySlot(deskId: string, secret: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const slot = { id: randomUUID(), kind: 'recovery' as const, username: null, createdAt: new Date().toISOString(), kdf: newHkdfParams() as KdfParams };
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return { ...slot, box: newBox(deskId, slot, kek, dataKey) };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the secret is wrong. */
export async function openSlot(deskId: string, slot: KeySlot, secret: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return openDataKey(deskId, slot, kek);
  } finally {
    kek.fill(0);
  }
}

export const userSlot = (file: KeySlotFile, username: string) =>
  file.slots.find((s) => s.kind === 'user' && s.username === username);
/**
 * A slot for a user name the file does not hold: a copy of a real user slot (its scrypt cost, its box)
 * under a fresh salt, so opening it takes the same scrypt work and the same unwrap, and fails. An unknown
 * or disabled name must cost as much time as a wrong password, or the login screen tells who has an account.
 */
export function decoySlot(file: KeySlotFile, username: string): KeySlot {
  const model = file.slots.find((s) => s.kind === 'user' && s.kdf.name === 'scrypt');
  const kdf = model?.kdf.name === 'scrypt' ? { ...model.kdf, salt: randomBytes(16).toString('base64') } : newScryptParams();
  const filler = { alg: 'A256GCM' as const, iv: randomBytes(12).toString('base64'), tag: randomBytes(16).toString('base64'), ct: randomBytes(48).toString('base64') };
  return { ...(model ?? { createdAt: new Date(0).toISOString(), wrapped: filler }), id: randomUUID(), kind: 'user', username, kdf };
}

export const recoverySlot = (file: KeySlotFile) => file.slots.find((s) => s.kind === 'recovery');

export function withSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  const others = file.slots.filter((s) => !(s.kind === slot.kind && s.username === slot.username));
  return { ...file, slots: [...others, slot] };
}

export function withoutUserSlot(file: KeySlotFile, username: string): KeySlotFile {
  return { ...file, slots: file.slots.filter((s) => !(s.kind === 'user' && s.username === username)) };
}

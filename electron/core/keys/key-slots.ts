// The key-slot file sits beside the encrypted database: the only thing readable before login.
// It holds no secret in the clear; each slot is the data key wrapped for one staff member (or the
// recovery key). The slot's AAD binds it to this desk, its kind, its id and its user, so a slot
// copied under another name does not unwrap.
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import { DeskError } from '../errors.ts';
import { deriveKey, newHkdfParams, newScryptParams, unwrapKey, wrapKey, type KdfParams, type WrappedKey } from './wrap.ts';

const wrappedSchema = z.object({ alg: z.literal('A256GCM'), iv: z.string(), tag: z.string(), ct: z.string() });
const kdfSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  z.object({ name: z.literal('hkdf-sha256'), salt: z.string() }),
]);
const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  username: z.string().nullable(),
  createdAt: z.string(),
  kdf: kdfSchema,
  wrapped: wrappedSchema,
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

export function readKeySlots(path: string): KeySlotFile {
  if (!existsSync(path)) {
    throw new DeskError({ code: 'KEYSLOTS_MISSING', path });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
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
  const kek = await deriveKey(Buffer.from(password, 'utf8'), slot.kdf);
  try {
    return { ...slot, wrapped: wrapKey(kek, dataKey, aad(deskId, slot)), ...(signingKey ? { signing: wrapKey(kek, signingKey, signingAad(deskId, slot)) } : {}) };
  } finally {
    kek.fill(0);
  }
}

/** The data key and the person's signing key (null on a slot made before signing), or null when the secret is wrong. */
export async function openUserSlot(deskId: string, slot: KeySlot, secret: Buffer): Promise<{ dataKey: Buffer; signingKey: Buffer | null } | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    const dataKey = unwrapKey(kek, slot.wrapped as WrappedKey, aad(deskId, slot));
    if (!dataKey) return null;
    const signingKey = slot.signing ? unwrapKey(kek, slot.signing as WrappedKey, signingAad(deskId, slot)) : null;
    return { dataKey, signingKey };
  } finally {
    kek.fill(0);
  }
}

/** The same slot (same id, same data-key wrap) with a signing key added: enrolling a pre-signing account. */
export async function withSigningKey(deskId: string, slot: KeySlot, secret: Buffer, signingKey: Buffer): Promise<KeySlot> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return { ...slot, signing: wrapKey(kek, signingKey, signingAad(deskId, slot)) };
  } finally {
    kek.fill(0);
  }
}

export async function makeRecoverySlot(deskId: string, secret: Buffer, dataKey: Buffer): Promise<KeySlot> {
  const slot = { id: randomUUID(), kind: 'recovery' as const, username: null, createdAt: new Date().toISOString(), kdf: newHkdfParams() as KdfParams };
  const kek = await deriveKey(secret, slot.kdf);
  return { ...slot, wrapped: wrapKey(kek, dataKey, aad(deskId, slot)) };
}

/** The data key, or null when the secret is wrong. */
export async function openSlot(deskId: string, slot: KeySlot, secret: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  return unwrapKey(kek, slot.wrapped as WrappedKey, aad(deskId, slot));
}

export const userSlot = (file: KeySlotFile, username: string) =>
  file.slots.find((s) => s.kind === 'user' && s.username === username);
export const recoverySlot = (file: KeySlotFile) => file.slots.find((s) => s.kind === 'recovery');

export function withSlot(file: KeySlotFile, slot: KeySlot): KeySlotFile {
  const others = file.slots.filter((s) => !(s.kind === slot.kind && s.username === slot.username));
  return { ...file, slots: [...others, slot] };
}

export function withoutUserSlot(file: KeySlotFile, username: string): KeySlotFile {
  return { ...file, slots: file.slots.filter((s) => !(s.kind === 'user' && s.username === username)) };
}

// A PC pointed at a shared desk once (issue 17): `<data folder>/connection.json`, written by IT staff with
// `npm run desk -- connect` (electron/cli/commands/connect.ts), read by `npm start`, `npm run serve` and the
// desktop app when no --database-url is given. It holds:
// - the database URL as parsed (user, host, port, database, CA file): never a password;
// - the desk's id (from its key slots), so a profile is never used for another desk;
// - per staff member connected on this PC, the database password wrapped under a key derived from that
//   person's desk password: the key slots' own KDF (scrypt, at the cost of the person's desk slot, kept in
//   the slot) and AEAD (AES-256-GCM, keys/wrap.ts). The AAD binds the desk, the URL and the user name, so a
//   slot copied under another name — or a URL edited to point at another server — does not unwrap, and the
//   password is never sent to a server IT did not name;
// - optionally, in the desktop app, a copy sealed by the OS keychain (Electron's safeStorage; the `Keychain`
//   below is implemented in electron/main, the core never imports Electron).
// The file is 0600 in the per-user folder (its place: storage/data-dir.ts `connectionProfile`). It is the one owner of "which PC may open which shared desk".
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { kdfSchema, wrappedSchema, type KdfCost, type KeySlot } from '../keys/key-slots.ts';
import { deriveKey, DEFAULT_SCRYPT, newScryptParams, unwrapKey, wrapKey, type KdfParams } from '../keys/wrap.ts';
import { withSecretBytes } from '../keys/secret-bytes.ts';
import { writePrivateFile } from '../storage/private-file.ts';
import { DeskError } from '../errors.ts';
import { parseDatabaseUrl, SharedDeskError } from '../../../db/postgres.ts';
import { deskPaths, type SharedDeskServer } from '../storage/data-dir.ts';

const slotSchema = z.object({ username: z.string(), createdAt: z.string(), kdf: kdfSchema, wrapped: wrappedSchema });
const profileSchema = z.object({
  format: z.literal(1),
  url: z.string(),
  deskId: z.string(),
  slots: z.array(slotSchema),
  /** `connect --keychain`: the desktop app may keep an OS-keychain copy (any staff member of the desk may then log in on this PC account). */
  useKeychain: z.boolean().optional(),
  /** That copy, sealed by Electron's safeStorage (base64); only the desktop app on this PC account opens it. */
  keychain: z.string().optional(),
});

export type ConnectionProfile = z.infer<typeof profileSchema>;
export type ProfileSlot = z.infer<typeof slotSchema>;

/** The OS keychain as the desktop app offers it (electron/main/keychain.ts over safeStorage); absent elsewhere. */
export interface Keychain {
  /** The secret sealed for this OS account (base64), or null when the keychain cannot seal (no real keyring). */
  seal(secret: string): Promise<string | null>;
  /** The sealed secret, or null when it does not open here (another PC or account, or altered). */
  open(sealed: string): Promise<string | null>;
}

/** The profile, or null when this data folder has none; CONNECTION_PROFILE_DAMAGED when it is not one. */
export function readConnectionProfile(path: string): ConnectionProfile | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new DeskError({ code: 'CONNECTION_PROFILE_DAMAGED', path });
  }
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) throw new DeskError({ code: 'CONNECTION_PROFILE_DAMAGED', path });
  return parsed.data;
}

/** Written whole (a temporary file renamed over it), 0600 from the start. */
export function writeConnectionProfile(path: string, profile: ConnectionProfile): void {
  writePrivateFile(path, JSON.stringify(profile, null, 2) + '\n');
}

export function removeConnectionProfile(path: string): boolean {
  if (!existsSync(path)) return false;
  rmSync(path);
  return true;
}

/**
 * The shared desk a profile names, its password not yet known: it is unwrapped at each login (DeskSession)
 * and forgotten when the desk locks. The URL is checked by the same rules as --database-url (TLS off this PC).
 */
export function profileServer(profile: ConnectionProfile, path: string): SharedDeskServer {
  try {
    return { target: parseDatabaseUrl(profile.url), password: '', profile: path };
  } catch (e) {
    if (e instanceof SharedDeskError) throw new DeskError(e.problem);
    throw e;
  }
}

/**
 * The shared desk this data folder's profile names (its password still unknown), or undefined for a folder
 * IT never connected: `npm start`, `npm run serve` and the desktop app use it when no --database-url is given.
 */
export function profiledServer(dataDir: string): SharedDeskServer | undefined {
  const path = deskPaths(dataDir).connectionProfile;
  const profile = readConnectionProfile(path);
  return profile ? profileServer(profile, path) : undefined;
}

const aad = (profile: Pick<ConnectionProfile, 'deskId' | 'url'>, username: string) => JSON.stringify(['privacy-desk/connection/v1', profile.deskId, profile.url, username]);

/** The scrypt cost of a person's desk slot: their profile slot costs the same to derive, no less. */
export function costOfSlot(slot: KeySlot | undefined): KdfCost {
  return slot?.kdf.name === 'scrypt' ? { N: slot.kdf.N, r: slot.kdf.r, p: slot.kdf.p } : DEFAULT_SCRYPT;
}

/** The database password wrapped for one person under their desk password. */
export async function wrapDatabasePassword(profile: Pick<ConnectionProfile, 'deskId' | 'url'>, username: string, staffPassword: string, databasePassword: string, cost: KdfCost): Promise<ProfileSlot> {
  const kdf: KdfParams = newScryptParams(cost);
  const kek = await withSecretBytes(staffPassword, (secret) => deriveKey(secret, kdf));
  const plain = Buffer.from(databasePassword, 'utf8');
  try {
    return { username, createdAt: new Date().toISOString(), kdf, wrapped: wrapKey(kek, plain, aad(profile, username)) };
  } finally {
    kek.fill(0);
    plain.fill(0);
  }
}

export function withProfileSlot(profile: ConnectionProfile, slot: ProfileSlot): ConnectionProfile {
  return { ...profile, slots: [...profile.slots.filter((s) => s.username !== slot.username), slot] };
}

export function withoutProfileSlot(profile: ConnectionProfile, username: string): ConnectionProfile {
  return { ...profile, slots: profile.slots.filter((s) => s.username !== username) };
}

/**
 * The database password this person's desk password unwraps: `slot` says whether the profile holds one for
 * the name at all. A name without a slot costs the same scrypt work (a decoy: a real slot's cost under a
 * fresh salt), so the time taken says nothing either way.
 */
export async function openDatabasePassword(profile: ConnectionProfile, username: string, staffPassword: string): Promise<{ slot: boolean; password: string | null }> {
  const slot = profile.slots.find((s) => s.username === username);
  const model = slot ?? profile.slots[0];
  const kdf: KdfParams = slot ? slot.kdf : model?.kdf.name === 'scrypt' ? { ...model.kdf, salt: randomBytes(16).toString('base64') } : newScryptParams();
  const kek = await withSecretBytes(staffPassword, (secret) => deriveKey(secret, kdf));
  try {
    if (!slot) return { slot: false, password: null };
    const plain = unwrapKey(kek, slot.wrapped, aad(profile, username));
    if (!plain) return { slot: true, password: null };
    const password = plain.toString('utf8');
    plain.fill(0);
    return { slot: true, password };
  } finally {
    kek.fill(0);
  }
}

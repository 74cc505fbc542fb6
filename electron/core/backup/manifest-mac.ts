// A backup proves its own manifest: each field carries an HMAC-SHA256 under a key derived (HKDF) from the
// desk's data key, so only a key holder can write a manifest that restore accepts, and a changed field
// (the desk's name, the schema, the date, the case count, a file's checksum, the audit head) is refused
// by name. One MAC per field rather than one for the whole: the refusal can say which field was changed.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { BackupManifest } from './manifest.ts';

/** deskId first: it salts the key, so a changed desk id fails every field and is named first. */
export const MAC_FIELDS = ['deskId', 'deskName', 'schema', 'appVersion', 'createdAt', 'cases', 'files', 'audit'] as const;
export type MacField = (typeof MAC_FIELDS)[number];

function macKey(dataKey: Buffer, deskId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(deskId, 'utf8'), 'privacy-desk backup manifest', 32));
}

const macOf = (key: Buffer, field: MacField, value: unknown): string =>
  createHmac('sha256', key)
    .update(JSON.stringify([field, value ?? null]))
    .digest('hex');

export function manifestMac(manifest: Omit<BackupManifest, 'mac'>, dataKey: Buffer): NonNullable<BackupManifest['mac']> {
  const key = macKey(dataKey, manifest.deskId);
  try {
    return { alg: 'HMAC-SHA256', fields: Object.fromEntries(MAC_FIELDS.map((f) => [f, macOf(key, f, manifest[f])])) };
  } finally {
    key.fill(0);
  }
}

/** The first manifest field whose MAC does not hold ('mac' when there is none), or null when all hold. */
export function alteredManifestField(manifest: BackupManifest, dataKey: Buffer): MacField | 'mac' | null {
  if (!manifest.mac) return 'mac';
  const key = macKey(dataKey, manifest.deskId);
  try {
    for (const f of MAC_FIELDS) {
      const want = Buffer.from(macOf(key, f, manifest[f]), 'hex');
      const got = Buffer.from(manifest.mac.fields[f] ?? '', 'hex');
      if (got.length !== want.length || !timingSafeEqual(got, want)) return f;
    }
    return null;
  } finally {
    key.fill(0);
  }
}

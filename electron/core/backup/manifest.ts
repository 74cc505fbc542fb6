// manifest.json of a backup folder: what the backup is (which desk, which schema, which app, when, how
// many cases) and the SHA-256 and size of each of its files. It holds no personal data: the desk's
// name is the company's desk, and the case count is a number.
import { z } from 'zod';

export const MANIFEST_FORMAT = 'privacy-desk-backup/1';
export const BACKUP_FILES = ['desk.db', 'keyslots.json'] as const;
export type BackupFile = (typeof BACKUP_FILES)[number];

const fileEntry = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) }).strict();

export const manifestSchema = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    deskId: z.string().min(1),
    deskName: z.object({ ja: z.string(), en: z.string() }).strict(),
    /** Applied migration names, in order: a backup with one this version does not know is refused. */
    schema: z.object({ version: z.number().int().min(0), migrations: z.array(z.string()) }).strict(),
    appVersion: z.string(),
    createdAt: z.string(),
    cases: z.number().int().min(0),
    files: z.object({ 'desk.db': fileEntry, 'keyslots.json': fileEntry }).strict(),
  })
  .strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

// manifest.json of a backup folder: what the backup is (which desk, which schema, which app, when, how
// many cases) and the SHA-256 and size of each of its files. It holds no personal data: the desk's
// name is the company's desk, and the case count is a number.
import { z } from 'zod';
import { auditHeadSchema } from '../../contract/index.ts';

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
    /** The audit log's head in this copy: an anchor `audit verify --anchor BACKUP` checks the live desk against. */
    audit: auditHeadSchema.nullable().optional(),
    /** Per-field HMAC-SHA256 under a key derived from the data key (manifest-mac.ts). */
    mac: z.object({ alg: z.literal('HMAC-SHA256'), fields: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) }).strict().optional(),
  })
  .strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

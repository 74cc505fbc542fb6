// The retention methods of the contract (core/retention): how long a closed case keeps its personal data,
// the legal hold that keeps the purge away, the preview of exactly what a purge removes, the purge itself,
// and the backups older than the retention period (listed for a supervisor to destroy). Fields are codes,
// worded by the renderer's catalogs and the CLI.
import { z } from 'zod';
import { caseId } from './cases.ts';
import { requiredText } from './fields.ts';

export const DEFAULT_RETENTION_YEARS = 3;
export const retentionYears = z.number().int().min(1, 'At least 1 year.').max(10, 'At most 10 years.');

/** What the purge removes from a case, as codes. */
export const purgeFields = [
  'member_name',
  'member_kana',
  'member_email',
  'member_postal_code',
  'member_address',
  'member_id',
  'requester_name',
  'requester_postal_code',
  'requester_address',
  'requester_email',
  'requester_phone',
  'request_text',
  'reasoning',
  'alternative_measure',
  'closure_reason',
  'notes',
  'identity_documents',
  'fee_notes',
  'notice_notes',
  'timeline_texts',
  'outbox_messages',
  'inbox_mail',
  'search_text',
] as const;
export type PurgeField = (typeof purgeFields)[number];

export const retentionInputs = {
  get: z.object({}).strict(),
  update: z.object({ years: retentionYears }).strict(),
  preview: z.object({}).strict(),
  purge: z.object({}).strict(),
  /** Placing or lifting a hold says why (a litigation, a regulator's inquiry): it is on the timeline and in the audit log. */
  setLegalHold: z.object({ id: caseId, hold: z.boolean(), reason: requiredText(500) }).strict(),
} as const;

/** A case on legal hold: the retention purge leaves it whole until a supervisor lifts the hold. */
export interface LegalHold {
  since: string;
  by: string | null;
  reason: string;
}

export interface RetentionView {
  years: number;
  /** Closed before this Japan date: past retention today. */
  cutoff: string;
  /** Backups of this desk in the backup folder taken before the cutoff: a supervisor destroys them. */
  oldBackups: Array<{ name: string; takenAt: string }>;
}

export interface PurgeCandidate {
  id: number;
  reference: string;
  closedAt: string;
  fields: PurgeField[];
}

export interface PurgePreview {
  cutoff: string;
  years: number;
  cases: PurgeCandidate[];
  /** Closed before the cutoff but kept: on legal hold. */
  held: Array<{ id: number; reference: string }>;
}

export interface PurgeResult {
  purged: Array<{ id: number; reference: string }>;
}

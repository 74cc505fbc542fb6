// The CLI's English for audit-log problems (contract/audit.ts); the renderer words the same codes in ja/en.
import type { AuditProblem, AuditProblemCode } from '../contract/index.ts';

const WORDS: Record<AuditProblemCode, (p: AuditProblem) => string> = {
  AUDIT_CHAIN_START: () => 'the first row does not start the chain (rows before it were removed)',
  AUDIT_CHAIN_LINK: () => 'it does not follow the row before it (a row was removed, inserted or moved)',
  AUDIT_SEQ_GAP: () => 'row numbers are not consecutive here (rows were removed or renumbered)',
  AUDIT_CONTENT_CHANGED: () => 'its content was changed after it was written',
  AUDIT_DETAIL_CHANGED: () => 'its detail was changed after it was written',
  AUDIT_REDACTION_UNRECORDED: () => 'its detail was blanked without a recorded redaction',
  AUDIT_BAD_SIGNATURE: () => 'its signature does not match (the row was forged or recomputed)',
  AUDIT_UNKNOWN_SIGNER: () => 'it is signed by a key the log never introduced (a forged row)',
  AUDIT_WRONG_SIGNER: () => 'it is not signed by the person it names (a forged row)',
  AUDIT_REVOKED_SIGNER: () => 'it is signed by a person after their account was disabled',
  AUDIT_UNSIGNED_ROW: () => 'it is unsigned but comes after signed rows (a forged row)',
  AUDIT_TAIL_REMOVED: (p) => `rows ${p.seq} to ${p.expectedSeq ?? p.seq} at the end of the log were removed`,
  AUDIT_ANCHOR_BEYOND_END: (p) => `the log ends at row ${p.seq} but the anchor is at row ${p.expectedSeq ?? '?'} (its end was cut off, or an older copy was put back)`,
  AUDIT_ANCHOR_MISMATCH: (p) => `row ${p.expectedSeq ?? p.seq} is not the row the anchor recorded (the log was rewritten or the file replaced)`,
};

export const auditProblemText = (p: AuditProblem): string => WORDS[p.code](p);

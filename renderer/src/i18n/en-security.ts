// The English texts of issue 14's security features; key for key the same as ja-security.ts (tsc checks it).
import type { SecurityKey } from './ja-security.ts';

export const enSecurity: Record<SecurityKey, string> = {
  'password.weak.tooShort': 'Use at least 12 characters.',
  'password.weak.common': 'It is close to a commonly used password or a combination of common words, so it is easy to guess.',
  'password.weak.repeated': 'Repeated characters or sequences (like 1234 or aaaa) are easy to guess.',
  'password.weak.guessable': 'It is easy to guess. Make it longer and less predictable, for example four or more unrelated words.',
  'password.weak.personal': 'A password may not contain the user name or the person’s name.',
  'audit.problem.AUDIT_CHAIN_START': 'the first row does not start the chain (rows before it were removed)',
  'audit.problem.AUDIT_CHAIN_LINK': 'it does not follow the row before it (a row was removed, inserted or moved)',
  'audit.problem.AUDIT_SEQ_GAP': 'row numbers are not consecutive here (rows were removed or renumbered)',
  'audit.problem.AUDIT_CONTENT_CHANGED': 'its content was changed after it was written',
  'audit.problem.AUDIT_DETAIL_CHANGED': 'its detail was changed after it was written',
  'audit.problem.AUDIT_REDACTION_UNRECORDED': 'its detail was blanked without a recorded redaction',
  'audit.problem.AUDIT_BAD_SIGNATURE': 'its signature does not match (a forged or recomputed row)',
  'audit.problem.AUDIT_UNKNOWN_SIGNER': 'it is signed by a key the log never introduced (a forged row)',
  'audit.problem.AUDIT_WRONG_SIGNER': 'it is not signed by the person it names (a forged row)',
  'audit.problem.AUDIT_REVOKED_SIGNER': 'it is signed by a person after their account was disabled',
  'audit.problem.AUDIT_UNSIGNED_ROW': 'it is unsigned but comes after signed rows (a forged row)',
  'audit.problem.AUDIT_TAIL_REMOVED': 'rows {seq} to {expectedSeq} at the end of the log were removed',
  'audit.problem.AUDIT_ANCHOR_BEYOND_END': 'the log ends at row {seq} but the anchor is at row {expectedSeq} (its end was cut off, or an older copy was put back)',
  'audit.problem.AUDIT_ANCHOR_MISMATCH': 'row {expectedSeq} is not the row the anchor recorded (the log was rewritten or the file replaced)',
  'rekey.disableNote': 'Disabling this account re-encrypts the database under a new key. Backups taken before keep the old key, and this person’s old password still opens them: look after the backups you keep.',
  'rekey.now': 'Re-key now',
  'rekey.nowConfirm': 'The database will be re-encrypted under a new key. Everyone’s password keeps working. Earlier backups keep the old key.',
  'rekey.done': 'Switched to a new key ({slots} key slots). Earlier backups keep the old key.',
  'export.notEncrypted': 'The saved file is NOT encrypted: it holds personal information in plain text. Keep it on an encrypted drive, give it only to those who need it, and delete it when done (it is saved readable by your account on this PC only).',
};

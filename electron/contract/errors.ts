// Errors cross the contract as data, never as thrown objects: the renderer shows `message` (or its own
// catalog text for `code`) and, when `field` is set, puts it beside that form field.
export const errorCodes = [
  'INVALID_INPUT', // input failed the contract's schema; `field` names the first field at fault
  'UNKNOWN_METHOD',
  'FORBIDDEN', // caller is not allowed (wrong role, foreign frame, bad token)
  'LOCKED', // the desk is locked: log in first
  'NOT_SET_UP', // no desk in this data folder yet
  'ALREADY_SET_UP',
  'AUTH_FAILED', // wrong user name or password
  'AUTH_THROTTLED', // too many wrong passwords for this account: wait `retryAfterSeconds`
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'DESK_TOO_NEW', // the database was written by a newer version of Privacy Desk
  'DATA_DIR_BUSY', // another running instance holds the data folder
  'DATA_DIR_UNUSABLE',
  'STORAGE_DAMAGED', // database or key-slot file unreadable
  'INTERNAL',
  'BACKUP_MANIFEST_ALTERED', // a backup's manifest field no longer matches its MAC: params.manifestField names it
  'DISK_FULL', // the disk is full: nothing was saved; params.path is where space must be freed
  'PASSWORD_WEAK', // a new password refused: params.reason (PasswordWeakness)
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  field: string;
  message: string;
}

export interface DeskErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  /** Values the catalogs word the code with (a manifest field, a path, a weakness reason). */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };

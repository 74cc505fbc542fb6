// Errors cross the contract as data, never as thrown objects. `code` is the category a program reacts to;
// `reason` is what a person is told (codes.ts): the renderer words it from its catalogs and, when `field`
// is set, puts it beside that form field. `message` is the reason in English for logs, the CLI and tests
// (contract/english.ts); no screen shows it and no code branches on it.
import type { Reason } from './codes.ts';
import type { FieldIssue } from './field-problems.ts';
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
  'UNAVAILABLE', // the shared desk's database server cannot be reached now (it reconnects by itself)
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];


export interface DeskErrorData {
  code: ErrorCode;
  reason: Reason;
  message: string;
  field?: string;
  /** INVALID_INPUT from the schema: every refused field with its problem as a code (field-problems.ts). */
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskErrorData };

/** Whether a value that crossed a process boundary (IPC) has a Result's shape; the value itself is the method's, unchecked. */
export const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && 'ok' in v && (v.ok === true ? 'value' in v : v.ok === false && 'error' in v && typeof v.error === 'object' && v.error !== null);

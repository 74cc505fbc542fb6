import { z } from 'zod';

// The shared desk (a desk on a PostgreSQL server, issue 17): what can go wrong reaching it, and the
// conflict a version check reports. Parameters are facts (host, port, database, user names, times).
export type SharedDeskProblem =
  /** The database URL is not postgres://USER@HOST[:PORT]/DATABASE (or carries a password: passwords never go in it). */
  | { code: 'SHARED_DESK_URL_INVALID'; problem: 'scheme' | 'host' | 'database' | 'user' | 'port' | 'password_in_url' | 'parameter'; parameter?: string }
  /** A server other than this PC is reached only over TLS with a verified certificate (a CA file). */
  | { code: 'SHARED_DESK_TLS_REQUIRED'; host: string }
  | { code: 'SHARED_DESK_CA_UNREADABLE'; path: string }
  /** No database password was given (PRIVACY_DESK_DATABASE_PASSWORD or the prompt). */
  | { code: 'SHARED_DESK_PASSWORD_MISSING' }
  | { code: 'SHARED_DESK_HOST_UNKNOWN'; host: string }
  /** The server does not answer (down, wrong port, network): "the shared desk cannot be reached". */
  | { code: 'SHARED_DESK_UNREACHABLE'; host: string; port: number }
  | { code: 'SHARED_DESK_AUTH_FAILED'; host: string; user: string }
  /** The server refused TLS, or its certificate did not verify against the CA file. */
  | { code: 'SHARED_DESK_TLS_FAILED'; host: string; cause: 'refused' | 'certificate' }
  /** The database holds tables but is not a Privacy Desk (nothing is written to it). */
  | { code: 'SHARED_DESK_NOT_A_DESK'; database: string }
  /** This operation works on a local desk only (its data folder's files). */
  | { code: 'SHARED_DESK_UNSUPPORTED'; operation: 'rekey' | 'backup_restore_here' }
  /**
   * A desk copied between a local file and a server (move-to-server, a shared desk's backup) did not come
   * out the same: a table the other side lacks, different columns, a target that already holds rows, or
   * rows that differ after the copy. Nothing of the copy was kept.
   */
  | { code: 'SHARED_DESK_COPY_MISMATCH'; table: string; problem: 'table_missing' | 'columns' | 'target_not_empty' | 'rows' }
  /** move-to-server: the database already holds a desk (it is never overwritten). */
  | { code: 'SHARED_DESK_MOVE_TARGET_HAS_DESK'; database: string }
  /** This local desk was moved onto a server (`to`: its URL, without password) at `at`; it is kept as it was then. */
  | { code: 'DESK_MOVED_TO_SERVER'; to: string; at: string }
  /** A secret the desk keeps sealed on the server (db/secret-columns.ts) does not open with its key: altered there. */
  | { code: 'SHARED_DESK_SECRET_UNREADABLE'; column: 'audit_keys.private_key' | 'mail_settings.password' | 'mailbox_settings.password' }
  /**
   * This PC's connection profile (core/shared-desk/connection-profile.ts) holds no copy of the database
   * password for this person: IT staff connect them on this PC (`desk connect --user NAME`) once.
   */
  | { code: 'CONNECTION_PROFILE_NO_SLOT'; username: string }
  /** The PC's connection profile (`path`) cannot be read as one: nothing was sent to any server. */
  | { code: 'CONNECTION_PROFILE_DAMAGED'; path: string };

/** Someone else changed the case since this person read it (the version column): reload, never overwrite. */
export type CaseChangedConflict = { code: 'CASE_CHANGED'; reference: string; by: string | null; byName: string | null; at: string };

/** What a committed change on a shared desk was about (PostgreSQL migration 0010 announces it). */
export const CHANGE_KINDS = ['case', 'outbox', 'inbox', 'calendar', 'settings', 'accounts', 'views'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** desk.changes: what colleagues changed since announcement number `since` (0 at first: just the number). */
export const deskChangesInput = z.object({ since: z.number().int().min(0) }).strict();

/**
 * `shared` false on a local desk (nothing to follow). `all`: more changed than is known (a reconnect, a long
 * absence): reload everything shown. Otherwise the kinds that changed and the ids of the cases that did.
 */
export interface DeskChanges {
  shared: boolean;
  cursor: number;
  all: boolean;
  kinds: ChangeKind[];
  cases: number[];
}

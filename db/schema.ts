// Table types for kysely: one interface per table, as the tables stand after the newest migration.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface AccountsTable {
  username: string;
  display_name: string;
  role: 'agent' | 'supervisor';
  /** The key slot this account may unlock with; a slot from an old copy of the slot file is refused. */
  slot_id: string | null;
  disabled: ColumnType<number, number | undefined, number>;
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: string;
  last_login_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  updated_by: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string; // JSON: before/after for changes
  prev_hash: string;
  hash: string;
}

export interface DB {
  accounts: AccountsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type AuditRow = Selectable<AuditLogTable>;

// The desk's mailbox (IMAP), next to the SMTP settings and kept the same way: its own table inside the
// encrypted database; the password is written here and read only by the fetcher, never returned (the
// renderer learns only whether one is set), and the audit row says it changed, never what to.
import { openColumn, sealColumn } from '../../../db/secret-columns.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailboxSettingsView } from '../../contract/index.ts';
import { DEFAULT_MAX_MESSAGE_MB } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface MailboxConfig {
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  user: string;
  password: string;
  folder: string;
  afterFetch: 'move' | 'seen';
  moveTo: string;
  maxMessageBytes: number;
  /** Changes whenever the settings are saved: a refused login is tried again only after that. */
  version: string;
}

const MB = 1024 * 1024;

export async function readMailboxConfig(db: Db): Promise<MailboxConfig | null> {
  const row = await db.selectFrom('mailbox_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row || row.host === '') return null;
  return { host: row.host, port: row.port, tls: row.tls, user: row.username, password: openColumn(db, 'mailbox_settings.password', row.password), folder: row.folder, afterFetch: row.after_fetch, moveTo: row.move_to, maxMessageBytes: row.max_message_bytes, version: row.updated_at };
}

/** The size limit for any incoming mail (IMAP or .eml), whether or not a mailbox is set up. */
export async function maxMessageBytes(db: Db): Promise<number> {
  const row = await db.selectFrom('mailbox_settings').select('max_message_bytes').where('id', '=', 1).executeTakeFirst();
  return row?.max_message_bytes ?? DEFAULT_MAX_MESSAGE_MB * MB;
}

export async function mailboxSettingsView(db: Db): Promise<MailboxSettingsView> {
  const row = await db.selectFrom('mailbox_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    configured: (row?.host ?? '') !== '',
    host: row?.host ?? '',
    port: row?.port ?? 993,
    tls: row?.tls ?? 'tls',
    user: row?.username ?? '',
    passwordSet: (row?.password ?? '') !== '',
    folder: row?.folder ?? 'INBOX',
    afterFetch: row?.after_fetch ?? 'seen',
    moveTo: row?.move_to ?? 'Processed',
    maxMessageMb: Math.round((row?.max_message_bytes ?? DEFAULT_MAX_MESSAGE_MB * MB) / MB),
  };
}

export interface MailboxSettingsInput {
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  user: string;
  password?: string | undefined;
  folder: string;
  afterFetch: 'move' | 'seen';
  moveTo: string;
  maxMessageMb: number;
}

export async function writeMailboxSettings(db: Db, input: MailboxSettingsInput, actor: string | null, now: Date): Promise<void> {
  const before = await db.selectFrom('mailbox_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  // Kept as stored when not given; a new one sealed on a shared desk (db/secret-columns.ts).
  const password = input.password === undefined ? (before?.password ?? '') : sealColumn(db, 'mailbox_settings.password', input.password);
  const passwordChanged = input.password !== undefined && input.password !== (before ? openColumn(db, 'mailbox_settings.password', before.password) : '');
  const at = now.toISOString();
  const version = before && before.updated_at >= at ? new Date(Date.parse(before.updated_at) + 1).toISOString() : at;
  const row = {
    host: input.host,
    port: input.port,
    tls: input.tls,
    username: input.user,
    password,
    folder: input.folder,
    after_fetch: input.afterFetch,
    move_to: input.moveTo,
    max_message_bytes: input.maxMessageMb * MB,
    updated_at: version,
    updated_by: actor,
  };
  await db
    .insertInto('mailbox_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  const shown = (r: typeof row | undefined) => (r ? { host: r.host, port: r.port, tls: r.tls, user: r.username, folder: r.folder, afterFetch: r.after_fetch, moveTo: r.move_to, maxMessageBytes: r.max_message_bytes } : null);
  await appendAudit(db, { actor, action: 'mailbox.settings.update', entity: 'settings', entityId: 'mailbox', detail: { before: shown(before), after: shown(row), passwordChanged } }, now);
}

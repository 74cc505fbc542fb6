// The desk's mail server (SMTP). Kept in its own table inside the encrypted database, never in the
// general settings (which the renderer reads): the password is written here and read only by the
// sender; the renderer learns only whether one is set. The audit row says the password changed, never what to.
import { openColumn, sealColumn } from '../../../db/secret-columns.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DeskSettings, MailSettingsView, MailTlsMode } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface MailConfig {
  host: string;
  port: number;
  tls: MailTlsMode;
  user: string;
  password: string;
  /** Changes whenever the settings are saved: the sender rebuilds its transport, and a refused login is retried. */
  version: string;
}

export async function readMailConfig(db: Db): Promise<MailConfig | null> {
  const row = await db.selectFrom('mail_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row || row.host === '') return null;
  return { host: row.host, port: row.port, tls: row.tls, user: row.username, password: openColumn(db, 'mail_settings.password', row.password), version: row.updated_at };
}

export async function mailSettingsView(db: Db, settings: DeskSettings): Promise<MailSettingsView> {
  const row = await db.selectFrom('mail_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    host: row?.host ?? '',
    port: row?.port ?? 587,
    tls: row?.tls ?? 'starttls',
    user: row?.username ?? '',
    passwordSet: (row?.password ?? '') !== '',
    configured: (row?.host ?? '') !== '',
    from: settings.desk.email,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

export interface MailSettingsInput {
  host: string;
  port: number;
  tls: MailTlsMode;
  user: string;
  /** undefined: keep the stored password. */
  password?: string | undefined;
}

export async function writeMailSettings(db: Db, input: MailSettingsInput, actor: string | null, now: Date): Promise<void> {
  const before = await db.selectFrom('mail_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  // Kept as stored when not given; a new one sealed on a shared desk (db/secret-columns.ts).
  const password = input.password === undefined ? (before?.password ?? '') : sealColumn(db, 'mail_settings.password', input.password);
  const passwordChanged = input.password !== undefined && input.password !== (before ? openColumn(db, 'mail_settings.password', before.password) : '');
  const at = now.toISOString();
  // updated_at is the version the sender watches: make sure it moves even within one millisecond.
  const version = before && before.updated_at >= at ? new Date(Date.parse(before.updated_at) + 1).toISOString() : at;
  const row = { host: input.host, port: input.port, tls: input.tls, username: input.user, password, updated_at: version, updated_by: actor };
  await db
    .insertInto('mail_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
  const shown = (r: { host: string; port: number; tls: string; username: string } | undefined) => (r ? { host: r.host, port: r.port, tls: r.tls, user: r.username } : null);
  await appendAudit(
    db,
    {
      actor,
      action: 'mail.settings.update',
      entity: 'settings',
      entityId: 'mail',
      detail: { before: shown(before), after: shown({ ...row }), passwordChanged },
    },
    now,
  );
}

// The outbox, mail and notice-text methods of the contract: thin calls into core/mail and core/notices,
// each change in one transaction; sending wakes the sender at once.
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { MailStatus, MethodsOf, NoticePreview, OutboxMessage, SessionUser } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { cancelMessage, getOutbox, listOutbox, outboxCounts, queueMessage, retryMessage, updateMessage } from '../mail/outbox.ts';
import { mailSettingsView, readMailConfig, writeMailSettings } from '../mail/mail-settings.ts';
import { oldestQueuedAt } from '../mail/queue-store.ts';
import type { MailService } from '../mail/service.ts';
import { buildNotice } from '../notices/build-notice.ts';
import { noticeEmail } from '../notices/email-text.ts';
import { listTemplates, saveTemplate } from '../notices/template-store.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type MailMethod = MethodsOf<'outbox' | 'mail' | 'notices'>;

export function mailHandlers(ctx: DeskContext, mail: MailService): HandlerMap<MailMethod> {
  /** Runs one outbox change in a transaction, wakes the sender if asked, and returns the message as it now stands. */
  const change =
    (run: (db: Transaction<DB>, input: { id: number }, user: SessionUser) => Promise<void>, kick = false) =>
    async (input: { id: number }, user: SessionUser): Promise<OutboxMessage> => {
      await ctx.db().transaction().execute((trx) => run(trx, input, user));
      if (kick) mail.kick();
      return getOutbox(ctx.db(), input.id, mail.status().nextTryAt);
    };

  return {
    'outbox.list': async (input) => listOutbox(ctx.db(), input, mail.status().nextTryAt),
    'outbox.get': async ({ id }, user) => {
      const message = await getOutbox(ctx.db(), id, mail.status().nextTryAt);
      // The text of a notice is a member's personal information: every view is recorded.
      await appendAudit(ctx.db(), { actor: user.username, action: 'outbox.view', entity: 'outbox', entityId: String(id), detail: { reference: message.reference } }, ctx.now());
      return message;
    },
    'outbox.update': async (input, user) => change((db, _i, u) => updateMessage(db, input, u.username, ctx.now()))(input, user),
    'outbox.send': async (input, user) => change((db, { id }, u) => queueMessage(db, id, u.username, ctx.now(), input.copy), true)(input, user),
    'outbox.retry': change((db, { id }, user) => retryMessage(db, id, user.username, ctx.now()), true),
    'outbox.cancel': async (input, user) => change((db, { id }, u) => cancelMessage(db, id, input.reason, u.username, ctx.now(), input.as))(input, user),
    'mail.status': async (): Promise<MailStatus> => {
      const db = ctx.db();
      const s = mail.status();
      const configured = (await readMailConfig(db)) !== null;
      return {
        ...s,
        connection: configured ? (s.connection === 'not_configured' ? 'unknown' : s.connection) : 'not_configured',
        counts: await outboxCounts(db),
        oldestQueuedAt: await oldestQueuedAt(db),
      };
    },
    'mail.getSettings': async () => mailSettingsView(ctx.db(), await ctx.settings()),
    'mail.updateSettings': async (input, user) => {
      await ctx.db().transaction().execute((trx) => writeMailSettings(trx, input, user.username, ctx.now()));
      mail.settingsChanged();
      return mailSettingsView(ctx.db(), await ctx.settings());
    },
    'mail.sendTest': async ({ to }, user) => {
      const result = await mail.sendTest(ctx.db(), to);
      await appendAudit(ctx.db(), { actor: user.username, action: 'mail.test', entity: 'settings', entityId: 'mail', detail: { sent: result.sent } }, ctx.now());
      return result;
    },
    'notices.templates': async () => listTemplates(await ctx.settings()),
    'notices.saveTemplate': async (input, user) => ctx.db().transaction().execute((trx) => saveTemplate(trx, input, user.username, ctx.now())),
    'notices.preview': async ({ caseId, kind }, user): Promise<NoticePreview> => {
      const settings = await ctx.settings();
      const file = await loadCaseFile(ctx.db(), await ctx.calendar(), user, ctx.now(), caseId, settings.legalMarkWarnDays);
      const content = buildNotice({ kind, file, settings, issuedAt: ctx.now() });
      const email = noticeEmail(content);
      await appendAudit(ctx.db(), { actor: user.username, action: 'notice.preview', entity: 'case', entityId: String(caseId), detail: { reference: file.case.reference, kind } }, ctx.now());
      return { content, email: { to: file.case.memberEmail || null, subject: email.subject, body: email.body } };
    },
  } satisfies HandlerMap<MailMethod>;
}

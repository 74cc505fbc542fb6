// The Inbox, case-thread and mailbox methods of the contract: thin calls into core/inbox. Every view of a
// mail's text or an attachment is audited like a case view.
import type { MethodsOf, SessionUser } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { createCase } from '../cases/intake.ts';
import { caseRow } from '../cases/records.ts';
import { draftsAfterCreate } from '../mail/drafts.ts';
import { importEmls } from '../inbox/import-eml.ts';
import { caseThread, getAttachment, getInboxMessage, listInbox } from '../inbox/inbox-view.ts';
import { mailboxSettingsView, writeMailboxSettings } from '../inbox/mailbox-settings.ts';
import type { InboxService } from '../inbox/service.ts';
import { attachToCase, dismissMail } from '../inbox/triage.ts';
import type { DeskContext } from './desk-context.ts';
import type { HandlerMap } from './handler.ts';

type InboxMethod = MethodsOf<'inbox' | 'mailbox'>;

export function inboxHandlers(ctx: DeskContext, inbox: InboxService): HandlerMap<InboxMethod> {
  const view = async (id: number, user: SessionUser) => {
    const message = await getInboxMessage(ctx.db(), id);
    await appendAudit(ctx.db(), { actor: user.username, action: 'inbox.view', entity: message.caseId === null ? 'inbox' : 'case', entityId: String(message.caseId ?? id), detail: { inboxId: id, reference: message.reference } }, ctx.now());
    return message;
  };
  return {
    'inbox.list': async (input) => listInbox(ctx.db(), input),
    'inbox.get': async ({ id }, user) => view(id, user),
    'inbox.attachment': async ({ id, attachmentId }, user) => {
      const { caseId, ...a } = await getAttachment(ctx.db(), id, attachmentId);
      await appendAudit(ctx.db(), { actor: user.username, action: 'inbox.attachment.view', entity: caseId === null ? 'inbox' : 'case', entityId: String(caseId ?? id), detail: { inboxId: id, attachmentId } }, ctx.now());
      return a;
    },
    'inbox.createCase': async ({ id, intake }, user) => {
      const calendar = await ctx.calendar();
      const settings = await ctx.settings();
      return ctx
        .db()
        .transaction()
        .execute(async (db) => {
          const now = ctx.now();
          const created = await createCase(db, calendar, user.username, now, intake);
          await attachToCase(db, id, created.id, 'created', user.username, now);
          await draftsAfterCreate(db, created.id, { calendar, actor: user, now, settings });
          return created;
        });
    },
    'inbox.attach': async ({ id, caseId }, user) => {
      await ctx.db().transaction().execute((db) => attachToCase(db, id, caseId, 'staff', user.username, ctx.now()));
      return view(id, user);
    },
    'inbox.dismiss': async ({ id, reason }, user) => {
      await ctx.db().transaction().execute((db) => dismissMail(db, id, reason, user.username, ctx.now()));
      return getInboxMessage(ctx.db(), id);
    },
    'inbox.importFiles': async ({ files }, user) => {
      const out = await importEmls(ctx.db(), files.map((f) => ({ file: f.name, raw: Buffer.from(f.base64, 'base64') })), ctx.now());
      await appendAudit(ctx.db(), { actor: user.username, action: 'inbox.import', entity: 'inbox', detail: { files: files.length, statuses: out.map((r) => r.status) } }, ctx.now());
      return out;
    },
    'inbox.thread': async ({ caseId }, user) => {
      const thread = await caseThread(ctx.db(), caseId);
      await appendAudit(ctx.db(), { actor: user.username, action: 'case.thread.view', entity: 'case', entityId: String(caseId), detail: { reference: (await caseRow(ctx.db(), caseId)).reference } }, ctx.now());
      return thread;
    },
    'mailbox.status': async () => inbox.status(ctx.db()),
    'mailbox.fetchNow': async () => {
      inbox.kick();
      return inbox.status(ctx.db());
    },
    'mailbox.getSettings': async () => mailboxSettingsView(ctx.db()),
    'mailbox.updateSettings': async (input, user) => {
      await ctx.db().transaction().execute((trx) => writeMailboxSettings(trx, input, user.username, ctx.now()));
      inbox.settingsChanged();
      return mailboxSettingsView(ctx.db());
    },
  } satisfies HandlerMap<InboxMethod>;
}

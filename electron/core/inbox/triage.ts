// What a person does with a mail in the Inbox: make a case of it (the intake form prefilled and checked
// by them; the mail becomes the case's first correspondence), attach it to an existing case, or set it
// aside as not a request (kept, with a reason). Each in the caller's transaction, with the case's
// timeline event and the audit row.
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DismissReason } from '../../contract/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { caseRow, recordEvent } from '../cases/records.ts';
import { DeskError } from '../errors.ts';
import { inboxRow } from './inbox-view.ts';

type Trx = Transaction<DB>;

async function waiting(db: Trx, id: number) {
  const row = await inboxRow(db, id);
  if (row.status === 'attached') throw new DeskError({ code: 'INBOX_ALREADY_ATTACHED' });
  return row;
}

export async function attachToCase(db: Trx, id: number, caseId: number, rule: 'staff' | 'created', actor: string, now: Date): Promise<void> {
  const mail = await waiting(db, id);
  const c = await caseRow(db, caseId);
  const at = now.toISOString();
  await db
    .updateTable('inbox_messages')
    .set({ status: 'attached', case_id: caseId, attached_by_rule: rule, dismiss_reason: null, after_close: c.status === 'closed' ? 1 : 0, handled_by: actor, handled_at: at })
    .where('id', '=', id)
    .execute();
  await recordEvent(db, caseId, c.reference, actor, now, {
    kind: 'mail_received',
    data: { inboxId: id, arrivedAt: mail.arrived_at, rule, automatic: mail.kind === 'auto_reply', afterClose: c.status === 'closed', attachments: 0 },
  });
}

export async function dismissMail(db: Trx, id: number, reason: DismissReason, actor: string, now: Date): Promise<void> {
  await waiting(db, id);
  await db.updateTable('inbox_messages').set({ status: 'dismissed', dismiss_reason: reason, handled_by: actor, handled_at: now.toISOString() }).where('id', '=', id).execute();
  await appendAudit(db, { actor, action: 'inbox.dismiss', entity: 'inbox', entityId: String(id), detail: { reason } }, now);
}

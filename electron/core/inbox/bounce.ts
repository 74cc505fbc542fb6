// A bounce of a notice the desk sent: that notice was not delivered. Recorded once per bounce mail, with
// the server's words: in outbox_bounces, on the outbox message (a sent message becomes `bounced` with the
// server's words as its last error — not `failed`, which is the desk's own tries not getting through; from
// `bounced` staff correct the address and retry, or send the notice by letter) and on the case's timeline.
// The email no longer counts as the notice (core/notices/delivery.ts): the case file lists the notice as
// bounced, to be sent by letter, and the letter printed for it is the notice record, not a copy.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { recordEvent } from '../cases/records.ts';
import { storeCode } from '../codes/stored.ts';
import type { DeliveryReport } from './delivery-report.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function markBounced(db: Db, bounced: { outboxId: number; caseId: number; reference: string }, inboxId: number, report: DeliveryReport, at: Date): Promise<void> {
  await db.insertInto('outbox_bounces').values({ outbox_id: bounced.outboxId, inbox_message_id: inboxId, status: report.status, diagnostic: report.diagnostic, at: at.toISOString() }).execute();
  // Only a message the server took: one still queued or being sent is the sender's to settle.
  const failure = storeCode({ code: 'MAIL_BOUNCED', status: report.status, diagnostic: report.diagnostic.slice(0, 1000) });
  await db.updateTable('outbox').set({ state: 'bounced', last_error: failure, updated_at: at.toISOString() }).where('id', '=', bounced.outboxId).where('state', '=', 'sent').execute();
  const notice = await db.selectFrom('outbox').select(['notice_kind']).where('id', '=', bounced.outboxId).executeTakeFirstOrThrow();
  const c = await db.selectFrom('cases').select(['member_address']).where('id', '=', bounced.caseId).executeTakeFirstOrThrow();
  await recordEvent(db, bounced.caseId, bounced.reference, null, at, {
    kind: 'mail_bounced',
    data: { outboxId: bounced.outboxId, inboxId, noticeKind: notice.notice_kind, status: report.status, diagnostic: report.diagnostic, byLetter: c.member_address.trim() !== '' },
  });
}

/** Whether a delivery report says the mail was not delivered (a 4.x.x "delayed" report is not a bounce). */
export function isFailure(report: DeliveryReport): boolean {
  return report.action === 'failed' || report.status.startsWith('5');
}

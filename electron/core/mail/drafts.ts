// Which case changes write an email draft, in the SAME transaction as the change (so a notice is never
// lost between the case moving and its email existing). Drafts are never sent by themselves: an agent
// reviews, edits and sends each one (outbox.send). A case without an email address gets no draft (its
// notices go as letters).
//
//   case created                       → acknowledgement draft (受付のお知らせ)
//   paused for identity documents/fee  → documents/fee request draft (書類・手数料のお願い); replaces an unsent one
//   decided                            → decision notice draft for that outcome; an unsent earlier decision
//                                        notice is cancelled ("replaced by a new decision"). It can be sent
//                                        only once a supervisor approved the decision (four eyes).
//   approved                           → the decision draft again, if none is pending or sent (it was cancelled)
//   returned for revision              → unsent decision notices cancelled
//   extended                           → extension notice draft (期限延長のお知らせ)
//   withdrawn (written withdrawal, or   → withdrawal notice draft; unsent decision, acknowledgement and
//     a proposed one approved)             documents drafts cancelled
//   rejected (a proposed rejection      → rejection notice draft; unsent acknowledgement and documents drafts cancelled
//     approved by another supervisor)
//   closed                             → nothing by itself: closing with unsent owed notices asks a person,
//                                        who drops them (cancelled: case_closed, by that person)
// Cancel reasons are codes (DraftCancelled), with who caused them (outbox.cancelled_by).
// Pausing for a clarification, cases imported or seeded as demos, and training cases write no draft.
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { isContactType, type DraftCancelled, type NoticeKind } from '../../contract/index.ts';
import { isDeskError } from '../errors.ts';
import { settleMessages } from '../notices/delivery.ts';
import { attachRequestForm } from './attachments.ts';
import { draftNotice, hasMessage, queueMessage, type DraftContext } from './outbox.ts';

/** A draft the case does not allow (nothing outstanding to ask for …) is simply not written. */
async function draft(db: Transaction<DB>, caseId: number, kind: NoticeKind, ctx: DraftContext): Promise<number | null> {
  // A training or test case never gets mail: its address may be a real person's (issue 16).
  const c = await db.selectFrom('cases').select('training').where('id', '=', caseId).executeTakeFirst();
  if (c?.training === 1) return null;
  try {
    const id = await draftNotice(db, caseId, kind, ctx);
    // The "how to make a request" answer by email goes with the request form PDF, when the desk has one.
    if (id !== null && kind === 'reply' && (await db.selectFrom('cases').select('reply_template').where('id', '=', caseId).executeTakeFirst())?.reply_template === 'how_to_request') {
      await attachRequestForm(db, id);
    }
    return id;
  } catch (e) {
    if (!isDeskError(e) || e.code !== 'CONFLICT') throw e;
    return null;
  }
}

/**
 * The acknowledgement draft. With the desk setting "send acknowledgements automatically" on, it is queued
 * at once (sent when the desk is online), in the name of the person who took the request in.
 */
export async function draftsAfterCreate(db: Transaction<DB>, caseId: number, ctx: DraftContext): Promise<void> {
  // An inquiry or complaint (issue 19) is answered within days by its reply: no acknowledgement first.
  const c = await db.selectFrom('cases').select('type').where('id', '=', caseId).executeTakeFirst();
  if (c && isContactType(c.type)) return;
  const id = await draft(db, caseId, 'acknowledgement', ctx);
  if (id !== null && ctx.settings.notices?.autoSendAcknowledgements === true) await queueMessage(db, id, ctx.actor.username, ctx.now);
}

export async function draftsAfterMove(action: string, db: Transaction<DB>, input: { id: number; reasonKind?: unknown }, ctx: DraftContext): Promise<void> {
  const id = input.id;
  const now = ctx.now;
  const by = ctx.actor.username;
  const cancelPending = (kinds: NoticeKind[], reason: DraftCancelled['reason'], states?: Array<'draft' | 'queued' | 'failed'>) => settleMessages(db, id, kinds, reason, by, now, states);
  switch (action) {
    case 'pause':
      if (input.reasonKind === 'identity_documents' || input.reasonKind === 'fee') {
        await cancelPending(['documents_request'], 'superseded', ['draft']);
        await draft(db, id, 'documents_request', ctx);
      }
      return;
    case 'decide':
      await cancelPending(['decision'], 'superseded');
      await draft(db, id, 'decision', ctx);
      return;
    case 'approve': {
      // Approving a proposed rejection or withdrawal ends the case that way (four eyes on every final answer).
      const status = await statusOf(db, id);
      if (status === 'rejected') return afterRejected(db, id, ctx);
      if (status === 'withdrawn') return afterWithdrawn(db, id, ctx);
      if (await isContact(db, id)) {
        if (!(await hasMessage(db, id, 'reply', ['draft', 'queued', 'sending', 'sent']))) await draft(db, id, 'reply', ctx);
        return;
      }
      if (!(await hasMessage(db, id, 'decision', ['draft', 'queued', 'sending', 'sent']))) await draft(db, id, 'decision', ctx);
      return;
    }
    case 'returnForRevision':
      await cancelPending(['decision', 'reply'], 'decision_returned');
      return;
    // Issue 19: an inquiry's answer is drafted at once; a complaint's when a supervisor approves it (above).
    case 'answer':
      await cancelPending(['reply'], 'superseded');
      if ((await statusOf(db, id)) === 'approved') await draft(db, id, 'reply', ctx);
      return;
    case 'extend':
      await draft(db, id, 'extension', ctx);
      return;
    case 'withdraw':
      // With the member's written withdrawal the case is withdrawn now; otherwise it is only proposed
      // (a pending decision is replaced by the proposal, and the notice waits for the approval).
      if ((await statusOf(db, id)) === 'withdrawn') return afterWithdrawn(db, id, ctx);
      await cancelPending(['decision'], 'superseded');
      return;
    case 'reject':
      // Only proposed: the rejection notice is drafted when another supervisor approves it.
      return;
    // Closing cancels nothing by itself: cases.close asks a person first (core/notices/delivery.ts).
    default:
      return;
  }
}

async function isContact(db: Transaction<DB>, id: number): Promise<boolean> {
  const c = await db.selectFrom('cases').select('type').where('id', '=', id).executeTakeFirst();
  return c !== undefined && isContactType(c.type);
}

async function statusOf(db: Transaction<DB>, id: number): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

async function afterWithdrawn(db: Transaction<DB>, id: number, ctx: DraftContext): Promise<void> {
  await settleMessages(db, id, ['decision'], 'withdrawn', ctx.actor.username, ctx.now);
  await settleMessages(db, id, ['acknowledgement', 'documents_request'], 'withdrawn', ctx.actor.username, ctx.now, ['draft']);
  await draft(db, id, 'withdrawal', ctx);
}

async function afterRejected(db: Transaction<DB>, id: number, ctx: DraftContext): Promise<void> {
  await settleMessages(db, id, ['acknowledgement', 'documents_request'], 'rejected', ctx.actor.username, ctx.now, ['draft']);
  await draft(db, id, 'rejection', ctx);
}

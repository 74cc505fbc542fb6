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
//   closed                             → drafts still unsent are cancelled (queued ones still go out)
// Pausing for a clarification, cases imported or seeded as demos, and training cases write no draft.
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { NoticeKind } from '../../contract/index.ts';
import { isDeskError } from '../errors.ts';
import { cancelPending, draftNotice, hasMessage, type DraftContext } from './outbox.ts';

/** A draft the case does not allow (nothing outstanding to ask for …) is simply not written. */
async function draft(db: Transaction<DB>, caseId: number, kind: NoticeKind, ctx: DraftContext): Promise<void> {
  // A training or test case never gets mail: its address may be a real person's (issue 16).
  const c = await db.selectFrom('cases').select('training').where('id', '=', caseId).executeTakeFirst();
  if (c?.training === 1) return;
  try {
    await draftNotice(db, caseId, kind, ctx);
  } catch (e) {
    if (!isDeskError(e) || e.code !== 'CONFLICT') throw e;
  }
}

export async function draftsAfterCreate(db: Transaction<DB>, caseId: number, ctx: DraftContext): Promise<void> {
  await draft(db, caseId, 'acknowledgement', ctx);
}

export async function draftsAfterMove(action: string, db: Transaction<DB>, input: { id: number; reasonKind?: unknown }, ctx: DraftContext): Promise<void> {
  const id = input.id;
  const now = ctx.now;
  switch (action) {
    case 'pause':
      if (input.reasonKind === 'identity_documents' || input.reasonKind === 'fee') {
        await cancelPending(db, id, ['documents_request'], 'superseded', now, ['draft']);
        await draft(db, id, 'documents_request', ctx);
      }
      return;
    case 'decide':
      await cancelPending(db, id, ['decision'], 'superseded', now);
      await draft(db, id, 'decision', ctx);
      return;
    case 'approve': {
      // Approving a proposed rejection or withdrawal ends the case that way (four eyes on every final answer).
      const status = await statusOf(db, id);
      if (status === 'rejected') return afterRejected(db, id, ctx);
      if (status === 'withdrawn') return afterWithdrawn(db, id, ctx);
      if (!(await hasMessage(db, id, 'decision', ['draft', 'queued', 'sending', 'sent']))) await draft(db, id, 'decision', ctx);
      return;
    }
    case 'returnForRevision':
      await cancelPending(db, id, ['decision'], 'decision_returned', now);
      return;
    case 'extend':
      await draft(db, id, 'extension', ctx);
      return;
    case 'withdraw':
      // With the member's written withdrawal the case is withdrawn now; otherwise it is only proposed
      // (a pending decision is replaced by the proposal, and the notice waits for the approval).
      if ((await statusOf(db, id)) === 'withdrawn') return afterWithdrawn(db, id, ctx);
      await cancelPending(db, id, ['decision'], 'superseded', now);
      return;
    case 'reject':
      // Only proposed: the rejection notice is drafted when another supervisor approves it.
      return;
    case 'close':
      await cancelPending(db, id, ['acknowledgement', 'documents_request', 'decision', 'extension', 'withdrawal', 'rejection'], 'case_closed', now, ['draft']);
      return;
    default:
      return;
  }
}

async function statusOf(db: Transaction<DB>, id: number): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

async function afterWithdrawn(db: Transaction<DB>, id: number, ctx: DraftContext): Promise<void> {
  await cancelPending(db, id, ['decision'], 'withdrawn', ctx.now);
  await cancelPending(db, id, ['acknowledgement', 'documents_request'], 'withdrawn', ctx.now, ['draft']);
  await draft(db, id, 'withdrawal', ctx);
}

async function afterRejected(db: Transaction<DB>, id: number, ctx: DraftContext): Promise<void> {
  await cancelPending(db, id, ['acknowledgement', 'documents_request'], 'rejected', ctx.now, ['draft']);
  await draft(db, id, 'rejection', ctx);
}

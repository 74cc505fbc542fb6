// The reply a paused case may resume on, one rule for the two places that need it: the case's
// correspondence offers it (inbox-view.ts caseThread), and cases.resume on the requester's reply accepts
// only that mail (core/cases/actions.ts). While the case waits for the requester, it is the first mail from
// a person (not an automatic reply, not a bounce) on the case that arrived at or after the last pause.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CaseStatus, CaseThread } from '../../contract/index.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function resumeOffer(db: Db, c: { id: number; status: CaseStatus }): Promise<CaseThread['resumeOffer']> {
  if (c.status !== 'awaiting_requester') return null;
  const pausedAt = await db.selectFrom('case_events').select('at').where('case_id', '=', c.id).where('kind', '=', 'pause').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let replies = db.selectFrom('inbox_messages').select(['id', 'arrived_at']).where('case_id', '=', c.id).where('kind', '=', 'mail');
  if (pausedAt) replies = replies.where('arrived_at', '>=', pausedAt.at);
  const reply = await replies.orderBy('arrived_at').orderBy('id').limit(1).executeTakeFirst();
  return reply ? { inboxId: reply.id, arrivedAt: reply.arrived_at } : null;
}

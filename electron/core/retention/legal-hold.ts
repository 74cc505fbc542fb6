// Legal hold (issue 16): a supervisor keeps a case from the retention purge — a litigation, a regulator's
// inquiry — and says why. purge.ts never touches a held case; this module places, lifts and reads the hold.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { LegalHold } from '../../contract/retention.ts';
import { DeskError } from '../errors.ts';
import { recordEvent, type Db } from '../cases/records.ts';
import { fromJson } from '../../../db/json.ts';

export interface HoldContext {
  db: Kysely<DB>;
  actor: string;
  now: Date;
}

/**
 * A supervisor puts a case on legal hold (or lifts it), saying why: the purge leaves a held case alone.
 * The change is a timeline event (`legal_hold` / `legal_hold_lifted`, with the reason) and so an audit
 * row (`case.legal_hold`, `case.legal_hold_lifted`). Asking for the state the case is already in changes nothing.
 */
export async function setLegalHold(ctx: HoldContext, id: number, hold: boolean, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (db) => {
    const row = await db.selectFrom('cases').select(['reference', 'legal_hold']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new DeskError({ code: 'CASE_NOT_FOUND', id });
    if (row.legal_hold === (hold ? 1 : 0)) return;
    await db.updateTable('cases').set({ legal_hold: hold ? 1 : 0 }).where('id', '=', id).execute();
    await recordEvent(db, id, row.reference, ctx.actor, ctx.now, { kind: hold ? 'legal_hold' : 'legal_hold_lifted', data: { reason } });
  });
}

/** The hold a case is under: the latest placing event of a held case. */
export async function legalHoldOf(db: Db, id: number, held: boolean): Promise<LegalHold | null> {
  if (!held) return null;
  const e = await db.selectFrom('case_events').select(['at', 'actor', 'data']).where('case_id', '=', id).where('kind', '=', 'legal_hold').orderBy('id', 'desc').limit(1).executeTakeFirst();
  // A hold set before holds had reasons (or straight in the database) still shows as a hold.
  if (!e) return { since: '', by: null, reason: '' };
  const d = fromJson(e.data, 'case_events.data');
  return { since: e.at, by: e.actor, reason: typeof d.reason === 'string' ? d.reason : '' };
}

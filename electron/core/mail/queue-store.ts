// The sender's side of the outbox table: claiming a message, settling it after a try, and taking back
// the claims of a sender that died. Each write is one statement or one transaction whose first
// statement writes, so two senders (two connections, two processes) never both own a message.
import { isPostgres } from '../../../db/dialect.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB, OutboxRow } from '../../../db/schema.ts';
import type { MailFailure } from '../../contract/index.ts';
import { storeCode } from '../codes/stored.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { recordNotice } from '../cases/actions.ts';
import { mailEventFacts } from '../notices/mailed-notice.ts';
import { deliveredNotice } from '../notices/delivery.ts';
import { caseRow, recordEvent } from '../cases/records.ts';
import { isDeskError } from '../errors.ts';

type Db = Kysely<DB>;

/** queued → sending for the first due message (in the order they were queued), only if it is still queued. */
export async function claimNext(db: Db | Transaction<DB>, senderId: string, now: Date): Promise<OutboxRow | undefined> {
  const at = now.toISOString();
  const next = db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'queued')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', at)]))
    .orderBy('queued_at')
    .orderBy('id')
    .limit(1)
    // Several PCs' senders on a shared desk: each takes the first message no other is taking right now.
    .$if(isPostgres(db), (q) => q.forUpdate().skipLocked());
  return db
    .updateTable('outbox')
    .set({ state: 'sending', claimed_by: senderId, claimed_at: at, updated_at: at })
    .where('id', '=', next)
    .where('state', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
}

/** When the queue next has something due: null when nothing is queued. '' when something is due now. */
export async function nextDue(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.min<string | null>(eb.fn.coalesce('next_attempt_at', eb.val(''))).as('due'))
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return row?.due ?? null;
}

export async function oldestQueuedAt(db: Db): Promise<string | null> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.min<string | null>('queued_at').as('at')).where('state', 'in', ['queued', 'sending']).executeTakeFirst();
  return row?.at ?? null;
}

/** Back to the queue after a temporary failure (or while the server cannot be reached). */
export async function requeue(db: Db, senderId: string, row: OutboxRow, now: Date, change: { attempts: number; serverAttempts: number; nextAttemptAt: string | null; lastError: MailFailure }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: 'queued', claimed_by: null, claimed_at: null, attempts: change.attempts, server_attempts: change.serverAttempts, next_attempt_at: change.nextAttemptAt, last_error: storeCode(change.lastError), updated_at: now.toISOString() })
    .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .where('claimed_by', '=', senderId)
    .execute();
}

/** Failed for good (a permanent refusal, or the tries used up): visible in the outbox and on the case. */
export async function markFailed(db: Db, senderId: string, row: OutboxRow, now: Date, change: { attempts: number; serverAttempts: number; lastError: MailFailure }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const u = await trx
      .updateTable('outbox')
      .set({ state: 'failed', claimed_by: null, claimed_at: null, attempts: change.attempts, server_attempts: change.serverAttempts, next_attempt_at: null, last_error: storeCode(change.lastError), updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .where('claimed_by', '=', senderId)
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) === 0) return;
    const c = await caseRow(trx, row.case_id);
    await recordEvent(trx, c.id, c.reference, null, now, {
      kind: 'mail_failed',
      data: { outboxId: row.id, noticeKind: row.notice_kind, attempts: change.attempts, failure: change.lastError },
    });
  });
}

/**
 * Sent: the "sent" mark and the notice recorded on the case, in one transaction (the same path as
 * cases.recordNotice, channel mail: a final notice moves the case to notified and allows closing).
 * `marked` is false when this sender no longer held the claim (it was taken back as stale): the new
 * holder resends. With `claimNext`, the next message is claimed in the same commit: one durable write
 * per message instead of two, and still never more than one message claimed and not yet accepted.
 */
export async function markSent(
  db: Db,
  senderId: string,
  row: OutboxRow,
  now: Date,
  attempts: number,
  ctx: { calendar: DeskCalendar; roles: Map<string, 'agent' | 'supervisor'>; claimNext: boolean },
): Promise<{ marked: boolean; next: OutboxRow | undefined }> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const u = await trx
      .updateTable('outbox')
      .set({ state: 'sent', sent_at: at, claimed_by: null, claimed_at: null, attempts, next_attempt_at: null, last_error: null, updated_at: at })
      .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .where('claimed_by', '=', senderId)
      .executeTakeFirst();
    const marked = Number(u.numUpdatedRows) > 0;
    if (marked) await recordMailNotice(trx, row, ctx.calendar, ctx.roles, now);
    return { marked, next: ctx.claimNext ? await claimNext(trx, senderId, now) : undefined };
  });
}

async function recordMailNotice(trx: Transaction<DB>, row: OutboxRow, calendar: DeskCalendar, roles: Map<string, 'agent' | 'supervisor'>, now: Date): Promise<void> {
  const actor = row.queued_by ?? row.created_by;
  let role = roles.get(actor);
  if (!role) {
    role = (await trx.selectFrom('accounts').select('role').where('username', '=', actor).executeTakeFirst())?.role ?? 'agent';
    roles.set(actor, role);
  }
  const kind = row.notice_kind;
  // The notice points at this message (address, Message-ID, resend flag); the screens word it.
  const mail = { outboxId: row.id, to: row.to_address, messageId: row.message_id, resent: row.possibly_duplicated === 1 };
  // The person who queued it confirmed a copy if the notice had already gone another way (outbox.send).
  try {
    await recordNotice({ db: trx, calendar, actor: { username: actor, role }, now }, { id: row.case_id, kind, channel: 'mail', note: '', copy: true }, { mail });
  } catch (e) {
    if (!isDeskError(e) || (e.code !== 'CONFLICT' && e.code !== 'FORBIDDEN')) throw e;
    // The case moved on while the email was on its way (it was closed, or changed): the email did go
    // out, so it is recorded, without moving the case.
    const c = await caseRow(trx, row.case_id);
    const copy = (await deliveredNotice(trx, c.id, kind)) !== undefined;
    await trx.insertInto('notices').values({ case_id: c.id, kind, channel: 'mail', copy: copy ? 1 : 0, note: '', outbox_id: row.id, recorded_by: actor, recorded_at: now.toISOString() }).execute();
    await recordEvent(trx, c.id, c.reference, actor, now, { kind: copy ? 'notice_copy' : 'notice', data: { kind, channel: 'mail', note: '', ...mailEventFacts(mail), statusUnchanged: e.reason } });
  }
}

/**
 * A message found in `sending` when a sender starts was claimed by a sender that stopped (a crash, a
 * kill, a lock that could not wait) after — or before — the server accepted it: it is queued again with
 * possibly_duplicated set and resent with the same Message-ID, and the case timeline says so.
 */
export async function recoverClaims(db: Db, senderId: string, now: Date, claimedBefore: Date | null): Promise<OutboxRow[]> {
  const stale = await db
    .selectFrom('outbox')
    .select('id')
    .where('state', '=', 'sending')
    .where('claimed_by', '!=', senderId)
    .$if(claimedBefore !== null, (q) => q.where('claimed_at', '<=', claimedBefore!.toISOString()))
    .execute();
  if (stale.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const rows = await trx
      .updateTable('outbox')
      .set((eb) => ({ state: 'queued', claimed_by: null, claimed_at: null, possibly_duplicated: 1, next_attempt_at: null, attempts: eb('attempts', '+', 1), updated_at: at }))
      .where('id', 'in', stale.map((s) => s.id))
      .where('state', '=', 'sending')
      .where('claimed_by', '!=', senderId)
      .returningAll()
      .execute();
    for (const r of rows) {
      const c = await caseRow(trx, r.case_id);
      await recordEvent(trx, c.id, c.reference, null, now, {
        kind: 'mail_possibly_duplicated',
        data: {
          outboxId: r.id,
          noticeKind: r.notice_kind,
          messageId: r.message_id,
        },
      });
    }
    return rows;
  });
}

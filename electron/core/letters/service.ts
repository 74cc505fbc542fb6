// Letters on the desk's cases: which are ready to print, the letter of one case, and recording a printed
// letter on its case (through the same path as cases.recordNotice, channel 'letter').
//
// "Ready to print" (letters.ready) — a notice the desk owes a member who is answered on paper:
//   on paper:   the member gave no email address, or (disclosure) asked for a paper copy;
//   owed:       decision     the decision is approved (status approved) — the answer;
//               withdrawal   the case is withdrawn (status withdrawn);
//               rejection    the case is rejected (status rejected);
//               acknowledgement  the case is still before a decision (received, awaiting requester,
//                                in review) and no acknowledgement was recorded on any channel;
//               documents_request the case waits for the requester and no such notice was recorded since
//                                 the latest pause;
//               extension    the due date was extended and no extension notice was recorded since
//                            the latest extension (case not yet notified).
// A case with an email address goes by email (the outbox) and is not listed; its letter can still be
// previewed and printed from the case file. Recording the letter (letters.recordPrinted) takes it off.
import type { CaseFile, CaseStatus, DeskSettings, LetterWarning, NoticeKind, ReadyLetter, RequestType, SessionUser } from '../../contract/index.ts';
import { finalNoticeKinds, type NoticeChannel } from '../../contract/index.ts';
import { japanDateOf } from '../calendar/index.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { recordNotice, type ActionContext } from '../cases/actions.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { caseRow, recordEvent, type Db } from '../cases/records.ts';
import { DeskError } from '../errors.ts';
import { buildNotice } from '../notices/build-notice.ts';
import type { Letter, LetterContext } from './render.ts';

/** Who a letter is addressed to: the member, or the representative or agent who made the request. */
export function letterContextOf(file: CaseFile, settings: DeskSettings): LetterContext {
  const c = file.case;
  const name = c.requesterKind !== 'member' && c.requesterName ? c.requesterName : c.memberName;
  return {
    desk: settings.desk,
    member: { name, postalCode: c.memberPostalCode, address: c.memberAddress },
    reference: c.reference,
    businessHours: settings.businessHours,
  };
}

export interface LetterSource {
  db: Db;
  calendar: DeskCalendar;
  user: SessionUser;
  now: Date;
  settings: DeskSettings;
}

/** The letter of one notice of one case, with what the desk should know before mailing it. */
export async function letterOf(src: LetterSource, caseId: number, kind: NoticeKind): Promise<{ letter: Letter; warnings: LetterWarning[]; reference: string }> {
  const file = await loadCaseFile(src.db, src.calendar, src.user, src.now, caseId, src.settings.legalMarkWarnDays);
  const content = buildNotice({ kind, file, settings: src.settings, issuedAt: src.now });
  const ctx = letterContextOf(file, src.settings);
  const warnings: LetterWarning[] = [];
  const c = file.case;
  if (c.memberAddress.trim() === '' || c.memberPostalCode.trim() === '') {
    warnings.push({
      caseId,
      reference: c.reference,
      code: 'NO_POSTAL_ADDRESS',
    });
  }
  return { letter: { content, ctx }, warnings, reference: c.reference };
}

/** Every rendering of a member's letter is recorded, like opening the case file. */
export async function auditLetterView(db: Db, actor: string, now: Date, caseId: number, reference: string, kind: NoticeKind, purpose: 'preview' | 'print' | 'measure'): Promise<void> {
  await appendAudit(db, { actor, action: 'letter.render', entity: 'case', entityId: String(caseId), detail: { reference, kind, purpose } }, now);
}

const BEFORE_DECISION: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review'];
const FINAL_OF: Partial<Record<CaseStatus, NoticeKind>> = { approved: 'decision', withdrawn: 'withdrawal', rejected: 'rejection' };
const LISTED: readonly CaseStatus[] = [...BEFORE_DECISION, 'approved', 'withdrawn', 'rejected'];

/** The letters ready to print (see the head of this file), oldest first. */
export async function readyLetters(db: Db): Promise<ReadyLetter[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'reference', 'type', 'status', 'member_name', 'member_email', 'member_postal_code', 'member_address', 'delivery', 'created_at', 'approved_at', 'updated_at'])
    .where('status', 'in', LISTED as CaseStatus[])
    .where((eb) => eb.or([eb('member_email', '=', ''), eb('delivery', '=', 'paper')]))
    .execute();
  const out: ReadyLetter[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ids = chunk.map((r) => r.id);
    const notices = await db.selectFrom('notices').select(['case_id', 'kind', 'recorded_at']).where('case_id', 'in', ids).execute();
    const events = await db
      .selectFrom('case_events')
      .select(['case_id', 'kind', 'at'])
      .where('case_id', 'in', ids)
      .where('kind', 'in', ['pause', 'extend', 'withdrawn', 'rejected', 'approval'])
      .orderBy('id')
      .execute();
    for (const r of chunk) {
      const status = r.status as CaseStatus;
      const mine = notices.filter((n) => n.case_id === r.id);
      const lastEvent = (kind: string) => events.filter((e) => e.case_id === r.id && e.kind === kind).at(-1)?.at ?? null;
      const recordedSince = (kind: NoticeKind, since: string | null) => mine.some((n) => n.kind === kind && (since === null || n.recorded_at >= since));
      const base = {
        caseId: r.id,
        reference: r.reference,
        type: r.type as RequestType,
        status,
        memberName: r.member_name,
        reason: r.member_email === '' ? ('no_email' as const) : ('paper_requested' as const),
        hasPostalAddress: r.member_address.trim() !== '' && r.member_postal_code.trim() !== '',
      };
      const final = FINAL_OF[status];
      if (final && !recordedSince(final, null)) {
        const since = final === 'decision' ? (r.approved_at ?? lastEvent('approval')) : lastEvent(final === 'withdrawal' ? 'withdrawn' : 'rejected');
        out.push({ ...base, kind: final, since: since ?? r.updated_at });
      }
      if (BEFORE_DECISION.includes(status) && !recordedSince('acknowledgement', null)) {
        out.push({ ...base, kind: 'acknowledgement', since: r.created_at });
      }
      const pausedAt = lastEvent('pause');
      if (status === 'awaiting_requester' && pausedAt && !recordedSince('documents_request', pausedAt)) {
        out.push({ ...base, kind: 'documents_request', since: pausedAt });
      }
      const extendedAt = lastEvent('extend');
      if (extendedAt && status !== 'closed' && !recordedSince('extension', extendedAt)) {
        out.push({ ...base, kind: 'extension', since: extendedAt });
      }
    }
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

export interface RecordPrintedInput {
  caseId: number;
  kind: NoticeKind;
  reprint: boolean;
  mode: 'print' | 'pdf';
}


/**
 * Records a printed (or saved) letter on its case. A first printing is a notice with channel 'letter',
 * recorded by cases.recordNotice's own code: for a decision, withdrawal or rejection it moves the case
 * to notified, which meets the close rule. A reprint adds a timeline event (and its audit row) only: the
 * status never moves twice. A reprint needs an earlier notice of that kind (by letter or by email).
 */
export async function recordPrinted(ctx: ActionContext, input: RecordPrintedInput): Promise<void> {
  const row = await caseRow(ctx.db, input.caseId);
  const earlier = await ctx.db
    .selectFrom('notices')
    .select(['channel', 'recorded_at'])
    .where('case_id', '=', row.id)
    .where('kind', '=', input.kind)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (input.reprint) {
    if (!earlier) {
      throw new DeskError({ code: 'REPRINT_WITHOUT_ORIGINAL', kind: input.kind, reference: row.reference }, { field: 'reprint' });
    }
    await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'letter_reprint', data: { kind: input.kind, channel: 'letter', mode: input.mode } });
    return;
  }
  if (earlier && (finalNoticeKinds as readonly string[]).includes(input.kind)) {
    throw new DeskError({ code: 'ALREADY_RECORDED', kind: input.kind, reference: row.reference, channel: earlier.channel as NoticeChannel, on: japanDateOf(new Date(earlier.recorded_at)) }, { field: 'reprint' });
  }
  // The note is the person's own words; how the letter left the desk (print or PDF) is a fact of the event.
  await recordNotice(ctx, { id: row.id, kind: input.kind, channel: 'letter', note: '' }, { mode: input.mode });
}

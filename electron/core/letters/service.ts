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
// One exception: a notice whose email the member's server sent back (outbox state `bounced`) was not
// delivered, and is listed (reason `bounced`) until a letter is recorded for it (case not closed).
import type { CaseFile, CaseStatus, DeskSettings, LetterWarning, NoticeKind, ReadyLetter, SessionUser } from '../../contract/index.ts';
import { japanDateOf } from '../calendar/index.ts';
import type { DeskCalendar } from '../calendar/index.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { recordNotice, type ActionContext } from '../cases/actions.ts';
import { loadCaseFile } from '../cases/case-file.ts';
import { caseRow, recordEvent, type Db } from '../cases/records.ts';
import { DeskError } from '../errors.ts';
import { buildNotice } from '../notices/build-notice.ts';
import type { Letter, LetterContext } from './render.ts';
import { channelOf, hasPostalAddress, recipientOf, recipientSourceOfRow } from '../notices/recipient.ts';
import { deliveredNotice, noticeRecord } from '../notices/delivery.ts';
import { windowFit } from './window-fit.ts';

/**
 * Who a letter is addressed to: the requester (core/notices/recipient.ts). A representative's or agent's
 * letter shows their own 〒, address and name in the window, with 「○○様の法定代理人／代理人」 above the name.
 */
export function letterContextOf(file: CaseFile, settings: DeskSettings): LetterContext {
  const c = file.case;
  const r = recipientOf(c);
  return {
    desk: settings.desk,
    member: { name: r.name, postalCode: r.postalCode, address: r.address, onBehalfOf: r.onBehalfOf === null ? null : { name: r.onBehalfOf, kind: r.kind === 'representative' ? 'representative' : 'agent' } },
    reference: c.reference,
    businessHours: settings.businessHours,
    responsiblePerson: settings.notices?.responsiblePerson ?? '',
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
  if (!hasPostalAddress(recipientOf(c))) {
    warnings.push({
      caseId,
      reference: c.reference,
      code: 'NO_POSTAL_ADDRESS',
    });
  }
  const fit = windowFit(ctx.member);
  if (fit.overflow) {
    warnings.push({
      caseId,
      reference: c.reference,
      code: 'WINDOW_OVERFLOW',
      field: fit.overflow.field,
      overflowMm: fit.overflow.mm,
    });
  }
  return { letter: { content, ctx }, warnings, reference: c.reference };
}

/** Every rendering of a member's letter is recorded, like opening the case file. */
export async function auditLetterView(db: Db, actor: string, now: Date, caseId: number, reference: string, kind: NoticeKind, purpose: 'preview' | 'print' | 'measure'): Promise<void> {
  await appendAudit(db, { actor, action: 'letter.render', entity: 'case', entityId: String(caseId), detail: { reference, kind, purpose } }, now);
}

/** A letter whose address block leaves the window is listed, but not ready (the same measure as letterOf). */
function notReadyOf(to: ReturnType<typeof recipientOf>): ReadyLetter['notReady'] {
  const fit = windowFit({ name: to.name, postalCode: to.postalCode, address: to.address, onBehalfOf: to.onBehalfOf === null ? null : { name: to.onBehalfOf, kind: to.kind === 'representative' ? 'representative' : 'agent' } });
  return fit.overflow ? { code: 'WINDOW_OVERFLOW', field: fit.overflow.field, overflowMm: fit.overflow.mm } : null;
}

const BEFORE_DECISION: readonly CaseStatus[] = ['received', 'awaiting_requester', 'in_review'];
const FINAL_OF: Partial<Record<CaseStatus, NoticeKind>> = { approved: 'decision', withdrawn: 'withdrawal', rejected: 'rejection' };
const LISTED: readonly CaseStatus[] = [...BEFORE_DECISION, 'approved', 'withdrawn', 'rejected'];

/** The letters ready to print (see the head of this file), oldest first. */
export async function readyLetters(db: Db): Promise<ReadyLetter[]> {
  const rows = await db
    .selectFrom('cases')
    .select([
      'id', 'reference', 'type', 'status', 'requester_kind', 'requester_name', 'requester_postal_code', 'requester_address', 'requester_email',
      'member_name', 'member_email', 'member_postal_code', 'member_address', 'delivery', 'created_at', 'approved_at', 'updated_at',
    ])
    .where('status', 'in', LISTED)
    .where((eb) =>
      eb.or([
        eb('delivery', '=', 'paper'),
        eb.and([eb('requester_kind', '=', 'member'), eb('member_email', '=', '')]),
        eb.and([eb('requester_kind', '!=', 'member'), eb('requester_email', '=', '')]),
      ]),
    )
    .execute();
  const out: ReadyLetter[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const ids = chunk.map((r) => r.id);
    const notices = await db.selectFrom('notices').select(['case_id', 'kind', 'recorded_at']).where('case_id', 'in', ids).where('copy', '=', 0).execute();
    const events = await db
      .selectFrom('case_events')
      .select(['case_id', 'kind', 'at'])
      .where('case_id', 'in', ids)
      .where('kind', 'in', ['pause', 'extend', 'withdrawn', 'rejected', 'approval'])
      .orderBy('id')
      .execute();
    for (const r of chunk) {
      const status = r.status;
      const mine = notices.filter((n) => n.case_id === r.id);
      const lastEvent = (kind: string) => events.filter((e) => e.case_id === r.id && e.kind === kind).at(-1)?.at ?? null;
      const recordedSince = (kind: NoticeKind, since: string | null) => mine.some((n) => n.kind === kind && (since === null || n.recorded_at >= since));
      const recipient = recipientSourceOfRow(r);
      if (channelOf(recipient) !== 'letter') continue;
      const to = recipientOf(recipient);
      const base = {
        caseId: r.id,
        reference: r.reference,
        type: r.type,
        status,
        memberName: r.member_name,
        recipientName: to.name,
        reason: to.email === '' ? ('no_email' as const) : ('paper_requested' as const),
        hasPostalAddress: hasPostalAddress(to),
        notReady: notReadyOf(to),
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
  await addBounced(db, out);
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

/** Notices whose email came back and that nothing delivered since: owed on paper now. */
async function addBounced(db: Db, out: ReadyLetter[]): Promise<void> {
  const rows = await db
    .selectFrom('outbox')
    .innerJoin('cases', 'cases.id', 'outbox.case_id')
    .select([
      'cases.id', 'cases.reference', 'cases.type', 'cases.status', 'cases.requester_kind', 'cases.requester_name', 'cases.requester_postal_code', 'cases.requester_address',
      'cases.requester_email', 'cases.member_name', 'cases.member_email', 'cases.member_postal_code', 'cases.member_address', 'cases.delivery', 'outbox.notice_kind', 'outbox.updated_at as bounced_at',
    ])
    .where('outbox.state', '=', 'bounced')
    .where('cases.status', '!=', 'closed')
    .where('cases.training', '=', 0)
    .orderBy('outbox.id')
    .execute();
  for (const r of rows) {
    const kind = r.notice_kind;
    if (out.some((o) => o.caseId === r.id && o.kind === kind)) continue;
    const { original, bounced } = await noticeRecord(db, r.id, kind);
    if (!bounced || original) continue;
    const to = recipientOf(recipientSourceOfRow(r));
    out.push({
      caseId: r.id,
      reference: r.reference,
      type: r.type,
      status: r.status,
      memberName: r.member_name,
      recipientName: to.name,
      reason: 'bounced',
      hasPostalAddress: hasPostalAddress(to),
      notReady: notReadyOf(to),
      kind,
      since: r.bounced_at,
    });
  }
}

export interface RecordPrintedInput {
  caseId: number;
  kind: NoticeKind;
  reprint: boolean;
  /** The notice already went by email: a person confirms this letter is a copy. */
  copy: boolean;
  mode: 'print' | 'pdf';
}


/**
 * Records a printed (or saved) letter on its case. A first printing is THE notice (channel 'letter'),
 * recorded by cases.recordNotice's own code: for a decision, withdrawal or rejection it moves the case
 * to notified, which meets the close rule, and the matching unsent email is settled (delivered by
 * letter). A reprint of a printed letter adds a timeline event only. A letter after the notice went by
 * email is a copy, recorded as one only when a person confirmed it (`copy`).
 */
export async function recordPrinted(ctx: ActionContext, input: RecordPrintedInput): Promise<void> {
  const row = await caseRow(ctx.db, input.caseId);
  const earlier = await deliveredNotice(ctx.db, row.id, input.kind);
  if (input.reprint) {
    if (!earlier) {
      throw new DeskError({ code: 'REPRINT_WITHOUT_ORIGINAL', kind: input.kind, reference: row.reference }, { field: 'reprint' });
    }
    await recordEvent(ctx.db, row.id, row.reference, ctx.actor.username, ctx.now, { kind: 'letter_reprint', data: { kind: input.kind, channel: 'letter', mode: input.mode } });
    return;
  }
  if (earlier && earlier.channel === 'letter') {
    throw new DeskError({ code: 'ALREADY_RECORDED', kind: input.kind, reference: row.reference, channel: earlier.channel, on: japanDateOf(new Date(earlier.recorded_at)) }, { field: 'reprint' });
  }
  // The note is the person's own words; how the letter left the desk (print or PDF) is a fact of the event.
  await recordNotice(ctx, { id: row.id, kind: input.kind, channel: 'letter', note: '', copy: input.copy }, { mode: input.mode });
}

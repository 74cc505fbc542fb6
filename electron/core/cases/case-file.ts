// The case file: everything about one case that the case-file screen shows, including which moves the
// lifecycle allows this user now and plain-language warnings.
import type {
  CaseDetail,
  CaseFile,
  CaseStatus,
  FeeLedger,
  IdentityCheck,
  IdentityDocument,
  SessionUser,
  LinkedCase,
} from '../../contract/index.ts';
import { certificateDocumentTypes, DISCLOSURE_FEE_YEN, finalNoticeKinds, isFinalNoticeKind } from '../../contract/index.ts';
import type { CaseRow } from '../../../db/schema.ts';
import { japanDateOf, type DeskCalendar } from '../calendar/index.ts';
import { allowedActions, type LifecycleFacts } from './lifecycle.ts';
import { loadOwedNotices } from '../notices/delivery.ts';
import { caseEvents, caseRow, type Db } from './records.ts';
import { clockOf, deadlineView } from './deadline-of-case.ts';
import { caseFlags } from './flags.ts';
import { legalHoldOf } from '../retention/legal-hold.ts';
import { fromJson } from '../../../db/json.ts';

/** Six months before `date` (same day of month, clamped), for the certificate rule. */
export function sixMonthsBefore(date: string): string {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const month = m - 6 <= 0 ? m + 6 : m - 6;
  const year = m - 6 <= 0 ? y - 1 : y;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Certificates of a representative or agent issued more than 6 months before the check. */
export function staleCertificates(requesterKind: string, documents: IdentityDocument[], checkedOn: string): IdentityDocument['type'][] {
  if (requesterKind === 'member') return [];
  const limit = sixMonthsBefore(checkedOn);
  return documents.filter((d) => certificateDocumentTypes.includes(d.type) && d.issuedOn !== null && d.issuedOn < limit).map((d) => d.type);
}

export function toDetail(r: CaseRow): CaseDetail {
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    convertedFrom: r.converted_from,
    replyTemplate: r.reply_template,
    replyJa: r.reply_ja,
    replyEn: r.reply_en,
    kinds: fromJson(r.kinds),
    status: r.status,
    channel: r.channel,
    requesterKind: r.requester_kind,
    requesterName: r.requester_name,
    requesterPostalCode: r.requester_postal_code,
    requesterAddress: r.requester_address,
    requesterEmail: r.requester_email,
    requesterPhone: r.requester_phone,
    memberName: r.member_name,
    memberKana: r.member_kana,
    memberEmail: r.member_email,
    memberPostalCode: r.member_postal_code,
    memberAddress: r.member_address,
    memberId: r.member_id,
    requestText: r.request_text,
    delivery: r.delivery,
    assignee: r.assignee,
    outcome: r.outcome,
    grounds: fromJson(r.grounds),
    reasoning: r.reasoning,
    alternativeMeasure: r.alternative_measure,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    closureGround: r.closure_ground,
    closureReason: r.closure_reason,
    createdBy: r.created_by,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

export async function feeLedger(db: Db, r: Pick<CaseRow, 'id' | 'type'>): Promise<FeeLedger | null> {
  if (r.type !== 'disclosure') return null;
  const rows = await db.selectFrom('fee_entries').selectAll().where('case_id', '=', r.id).orderBy('id').execute();
  const paid = rows.filter((e) => e.kind === 'payment').reduce((s, e) => s + e.amount, 0);
  const refunded = rows.filter((e) => e.kind === 'refund').reduce((s, e) => s + e.amount, 0);
  return {
    required: DISCLOSURE_FEE_YEN,
    paid,
    refunded,
    balance: paid - refunded - DISCLOSURE_FEE_YEN,
    entries: rows.map((e) => ({ id: e.id, kind: e.kind, method: e.method, amount: e.amount, receivedOn: e.received_on, note: e.note, recordedBy: e.recorded_by, recordedAt: e.recorded_at })),
  };
}

export async function identityChecks(db: Db, r: Pick<CaseRow, 'id' | 'requester_kind'>): Promise<IdentityCheck[]> {
  const rows = await db.selectFrom('identity_checks').selectAll().where('case_id', '=', r.id).orderBy('id').execute();
  return rows.map((c) => {
    const documents = fromJson(c.documents);
    return {
      id: c.id,
      verified: c.verified === 1,
      documents,
      note: c.note,
      checkedBy: c.checked_by,
      checkedAt: c.checked_at,
      staleCertificates: staleCertificates(r.requester_kind, documents, japanDateOf(c.checked_at)),
    };
  });
}

/** What the lifecycle needs to know, from the latest identity check, the fee ledger and the notices. */
function factsOf(r: CaseRow, latestCheckVerified: boolean, fees: FeeLedger | null, finalNoticeRecorded: boolean): LifecycleFacts {
  return {
    status: r.status,
    type: r.type,
    decidedBy: r.decided_by,
    identityVerified: latestCheckVerified,
    feeBalance: fees?.balance ?? 0,
    finalNoticeRecorded,
  };
}

export async function lifecycleFacts(db: Db, r: CaseRow): Promise<LifecycleFacts> {
  const checks = await db.selectFrom('identity_checks').select('verified').where('case_id', '=', r.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fees = await feeLedger(db, r);
  const finals = await db.selectFrom('notices').select('id').where('case_id', '=', r.id).where('kind', 'in', finalNoticeKinds).limit(1).executeTakeFirst();
  return factsOf(r, checks?.verified === 1, fees, finals !== undefined);
}

export async function loadCaseFile(db: Db, calendar: DeskCalendar, user: SessionUser, now: Date, id: number, warnDays: number): Promise<CaseFile> {
  const r = await caseRow(db, id);
  const events = await caseEvents(db, id);
  const clock = clockOf(now);
  const deadline = deadlineView(calendar, r, events, clock, warnDays);
  const checks = await identityChecks(db, r);
  const fees = await feeLedger(db, r);
  const notes = await db.selectFrom('case_notes').selectAll().where('case_id', '=', id).orderBy('id').execute();
  const notices = await db
    .selectFrom('notices')
    .leftJoin('outbox', 'outbox.id', 'notices.outbox_id')
    .selectAll('notices')
    .select(['outbox.to_address', 'outbox.message_id', 'outbox.possibly_duplicated'])
    .where('notices.case_id', '=', id)
    .orderBy('notices.id')
    .execute();
  // The same facts lifecycleFacts reads, taken from the rows already loaded for the case file.
  const facts = factsOf(r, checks.at(-1)?.verified === true, fees, notices.some((n) => isFinalNoticeKind(n.kind)));

  const warnings: CaseFile['warnings'] = [];
  const latest = checks.at(-1);
  if (latest && latest.staleCertificates.length > 0) {
    warnings.push({ code: 'STALE_CERTIFICATE', issuedAfter: sixMonthsBefore(japanDateOf(latest.checkedAt)), documents: latest.staleCertificates });
  }
  if (fees && fees.balance < 0 && r.status !== 'closed') warnings.push({ code: 'FEE_SHORT', amount: -fees.balance });
  if (fees && fees.balance > 0) warnings.push({ code: 'FEE_EXCESS', amount: fees.balance });
  if (deadline.legalMarkState === 'near' && r.status !== 'closed' && r.status !== 'notified') {
    warnings.push({ code: 'LEGAL_MARK_NEAR', date: deadline.legalMark });
  }
  if (deadline.legalMarkState === 'passed' && r.status !== 'closed' && r.status !== 'notified') {
    warnings.push({ code: 'LEGAL_MARK_PASSED', date: deadline.legalMark });
  }
  if (deadline.provisional) warnings.push({ code: 'PROVISIONAL_DUE', checkAfterYear: Number(deadline.due.slice(0, 4)) - 1 });

  return {
    case: toDetail(r),
    deadline,
    identityChecks: checks,
    fees,
    notes: notes.map((n) => ({ id: n.id, text: n.text, by: n.by, at: n.at })),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      channel: n.channel,
      copy: n.copy === 1,
      note: n.note,
      mail: n.message_id === null ? null : { to: n.to_address ?? '', messageId: n.message_id, resent: n.possibly_duplicated === 1 },
      recordedBy: n.recorded_by,
      recordedAt: n.recorded_at,
    })),
    owedNotices: await loadOwedNotices(db, id),
    timeline: events.map((e) => ({ id: e.id, at: e.at, actor: e.actor, kind: e.kind, data: fromJson(e.data) })),
    allowedActions: allowedActions(facts, user),
    warnings,
    flags: caseFlags(r),
    version: r.version,
    legalHold: await legalHoldOf(db, r.id, r.legal_hold === 1),
    ...(await linkedCases(db, r)),
  };
}

/** The case this one names, and the cases that name it (a complaint about its decision; a request after an inquiry). */
async function linkedCases(db: Db, r: CaseRow): Promise<Pick<CaseFile, 'relatedCase' | 'linkedFrom'>> {
  const cols = ['id', 'reference', 'type', 'status'] as const;
  const as = (x: { id: number; reference: string; type: CaseRow['type']; status: CaseStatus }): LinkedCase => ({ id: x.id, reference: x.reference, type: x.type, status: x.status });
  const related = r.related_case_id === null ? undefined : await db.selectFrom('cases').select(cols).where('id', '=', r.related_case_id).executeTakeFirst();
  const from = await db.selectFrom('cases').select(cols).where('related_case_id', '=', r.id).orderBy('id').execute();
  return { relatedCase: related ? as(related) : null, linkedFrom: from.map(as) };
}

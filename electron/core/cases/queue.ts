// The queue: one page of cases by filter, search and sort, decorated with what core/calendar says about
// each deadline. Filtering and sorting run in SQL on indexed columns so a page stays quick at 100,000
// cases; only the rows on the page are decorated.
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { isContactType, requestTypes, type listInput, type QueuePage, type QueueRow, type SessionUser, type CaseStatus } from '../../contract/index.ts';
import { addCalendarDays, type DeskCalendar } from '../calendar/index.ts';
import { clockOf, legalMarkView, overdueThrough, urgencyOf, type Clock } from './deadline-of-case.ts';
import { nameKey, searchKey } from './normalize.ts';
import { searchHits } from './search-index.ts';
import { idList, position } from '../../../db/dialect.ts';
import type { Db } from './records.ts';
import { caseIdsOf } from '../reports/report.ts';
import { scopeOf } from '../reports/facts.ts';

export type ListInput = z.output<typeof listInput>;

/** Statuses in which the response clock runs (a paused case is excluded separately). */
const CLOCK_RUNNING: CaseStatus[] = ['received', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected'];

/** Sunday of this Japan week (weeks run Monday to Sunday, as the desk's wall calendar does). */
function endOfWeek(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addCalendarDays(today, (7 - dow) % 7);
}

function where(db: Db, input: ListInput, user: SessionUser, calendar: DeskCalendar, clock: Clock, reportIds: number[] | null) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    const dueDatePassed = () => eb.and([eb('status', 'in', CLOCK_RUNNING), eb('paused', '=', 0), eb('due_date', '<=', overdueThrough(calendar, clock))]);
    // Art. 39 (issue 11): two weeks after arrival the member may sue, paused or not; until notified, such a
    // case is overdue too (the queue shows it with the legal-mark badge).
    // Inquiries and complaints have no such mark (a reply target only, issue 19).
    const markPassed = () => eb.and([eb('status', 'not in', ['notified', 'closed']), eb('type', 'in', [...requestTypes]), eb('legal_mark', '<', clock.today)]);
    const overdue = () => eb.or([dueDatePassed(), markPassed()]);
    const q = searchKey(input.search);
    // The cases behind a report figure are exactly those: no saved view narrows them further. A search
    // looks through every case whatever the tab (issue 11): each row says which tab it is in.
    if (reportIds) all.push(eb('id', 'in', idList(db, reportIds)));
    else if (!q) switch (input.view) {
      case 'all_open':
        all.push(eb('status', '!=', 'closed'));
        break;
      case 'mine':
        all.push(eb('status', '!=', 'closed'), eb('assignee', '=', user.username));
        break;
      case 'due_this_week':
        all.push(eb('status', 'in', CLOCK_RUNNING), eb('due_date', '>=', clock.today), eb('due_date', '<=', endOfWeek(clock.today)));
        break;
      case 'overdue':
        all.push(overdue());
        break;
      case 'awaiting_requester':
        all.push(eb('status', '=', 'awaiting_requester'));
        break;
      case 'closed':
        all.push(eb('status', '=', 'closed'));
        break;
    }
    if (input.types.length) all.push(eb('type', 'in', input.types));
    if (input.statuses.length) all.push(eb('status', 'in', input.statuses));
    if (input.assignee === 'unassigned') all.push(eb('assignee', 'is', null));
    else if (input.assignee === 'me') all.push(eb('assignee', '=', user.username));
    else if (input.assignee) all.push(eb('assignee', '=', input.assignee));
    if (input.dueFrom) all.push(eb('due_date', '>=', input.dueFrom));
    if (input.dueTo) all.push(eb('due_date', '<=', input.dueTo));
    if (input.overdue) all.push(overdue());
    if (input.paused !== null) all.push(eb('paused', '=', input.paused ? 1 : 0));
    if (input.unsentNotice) {
      all.push(eb('id', 'in', eb.selectFrom('outbox').select('outbox.case_id').where('outbox.state', 'in', ['draft', 'queued', 'sending', 'failed'])));
    }
    // Every length reads an index (search-index.ts): trigrams from three characters, bigrams below. A name
    // typed without its space (加藤隆) meets the index's spaceless name keys (records.ts searchBody);
    // one typed with a space the stored name lacks, likewise.
    const spaceless = nameKey(input.search);
    if (q) all.push(spaceless && spaceless !== q ? eb.or([eb('id', 'in', searchHits(db, q)), eb('id', 'in', searchHits(db, spaceless))]) : eb('id', 'in', searchHits(db, q)));
    return eb.and(all);
  };
}

const ORDER: Record<ListInput['sort'], string[]> = {
  due: ['due_date', 'id'],
  arrived: ['arrived_at', 'id'],
  reference: ['reference'],
  status: ['status', 'due_date', 'id'],
  type: ['type', 'due_date', 'id'],
  member: ['member_kana', 'member_name', 'id'],
};

/** 0 the exact reference, 1 a name or kana holding `key` (searchKey'd), 2 anything else. */
function searchRank(db: Db, key: string, spaceless: string) {
  const has = (column: RawBuilder<unknown>, needle = key) => position(db, column, needle);
  return sql<number>`CASE WHEN lower(cases.reference) = ${key} THEN 0
    WHEN ${has(sql`lower(cases.member_name)`)} > 0 OR ${has(sql`cases.member_kana`)} > 0 OR ${has(sql`lower(cases.requester_name)`)} > 0 THEN 1
    WHEN ${spaceless} != '' AND ${has(sql`cases.member_name_key`, spaceless)} > 0 THEN 1
    ELSE 2 END`;
}

export async function listCases(db: Db, calendar: DeskCalendar, user: SessionUser, now: Date, input: ListInput, warnDays: number): Promise<QueuePage> {
  const clock = clockOf(now);
  const reportIds = input.report ? await caseIdsOf({ db, calendar, now, warnDays }, input.report, scopeOf(user), input.report.bucket) : null;
  const filter = where(db, input, user, calendar, clock, reportIds);
  let q = db
    .selectFrom('cases')
    .leftJoin('accounts', 'accounts.username', 'cases.assignee')
    .select([
      'cases.id',
      'cases.reference',
      'cases.type',
      'cases.kinds',
      'cases.status',
      'cases.assignee',
      'accounts.display_name as assignee_name',
      'cases.member_name',
      'cases.member_kana',
      'cases.arrived_at',
      'cases.day_zero',
      'cases.due_date',
      'cases.due_provisional',
      'cases.paused',
      'cases.legal_mark',
      'cases.legal_hold',
    ])
    .where((eb) => filter(eb as unknown as ExpressionBuilder<DB, 'cases'>));
  const key = searchKey(input.search);
  // A search puts the case a person most likely means first: the exact reference, then a name or kana
  // holding the text, then the rest (request text, email, notes); the chosen sort orders within each.
  if (key) q = q.orderBy(searchRank(db, key, nameKey(input.search)));
  for (const col of ORDER[input.sort]) q = q.orderBy(`cases.${col}` as 'cases.id', input.direction);
  const [rows, count] = await Promise.all([
    q.limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute(),
    db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where(filter).executeTakeFirstOrThrow(),
  ]);
  // Notices owed and waiting on a person (an email draft to review, a failed one): one query per page.
  const ids = rows.map((r) => r.id);
  const owed = new Set(
    ids.length === 0 ? [] : (await db.selectFrom('outbox').select('case_id').distinct().where('case_id', 'in', ids).where('state', 'in', ['draft', 'failed']).execute()).map((o) => o.case_id),
  );
  return {
    rows: rows.map((r): QueueRow => {
      const u = urgencyOf(calendar, r, clock);
      return {
        id: r.id,
        reference: r.reference,
        type: r.type,
        target: isContactType(r.type),
        kinds: JSON.parse(r.kinds) as string[],
        status: r.status as CaseStatus,
        assignee: r.assignee,
        assigneeName: r.assignee_name,
        memberName: r.member_name,
        memberKana: r.member_kana,
        arrivedAt: r.arrived_at,
        dayZero: r.day_zero,
        due: r.due_date,
        dueProvisional: r.due_provisional === 1,
        businessDaysLeft: u.businessDaysLeft,
        urgency: u.urgency,
        legalMark: r.legal_mark,
        legalMarkState: isContactType(r.type) ? null : legalMarkView(r.arrived_at, r.status, clock, warnDays).state,
        noticeOwed: owed.has(r.id),
        legalHold: r.legal_hold === 1,
        // The tab the case is listed under (issue 11): closed, waiting for the requester, or open.
        tab: r.status === 'closed' ? 'closed' : r.status === 'awaiting_requester' ? 'awaiting_requester' : 'all_open',
      };
    }),
    total: Number(count.n),
    page: input.page,
    pageSize: input.pageSize,
    today: clock.today,
  };
}

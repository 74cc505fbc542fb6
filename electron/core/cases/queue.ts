// The queue: one page of cases by filter, search and sort, decorated with what core/calendar says about
// each deadline. Filtering and sorting run in SQL on indexed columns so a page stays quick at 100,000
// cases; only the rows on the page are decorated.
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { caseStatuses, isContactType, requestTypes, type listInput, type QueuePage, type QueueRow, type SessionUser, type CaseStatus } from '../../contract/index.ts';
import { addCalendarDays, type DeskCalendar } from '../calendar/index.ts';
import { clockOf, legalMarkView, overdueThrough, urgencyOf, type Clock } from './deadline-of-case.ts';
import { nameKey, searchKey } from './normalize.ts';
import { amongHits, searchHits } from './search-index.ts';
import { idList, isPostgres, position } from '../../../db/dialect.ts';
import type { Db } from './records.ts';
import { caseIdsOf } from '../reports/report.ts';
import { scopeOf } from '../reports/facts.ts';
import { fromJson } from '../../../db/json.ts';

export type ListInput = z.output<typeof listInput>;

/** Statuses in which the response clock runs (a paused case is excluded separately). */
const CLOCK_RUNNING: CaseStatus[] = ['received', 'in_review', 'decided', 'approved', 'withdrawn', 'rejected'];

/** Statuses before the decision is notified (the Art. 39 mark can pass in these). */
const UNNOTIFIED: CaseStatus[] = caseStatuses.filter((s) => s !== 'notified' && s !== 'closed');

/** Sunday of this Japan week (weeks run Monday to Sunday, as the desk's wall calendar does). */
function endOfWeek(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addCalendarDays(today, (7 - dow) % 7);
}

/**
 * Every condition a list applies except the search: the report's cases, the tab (while nothing is searched:
 * a search looks through every tab), the filters. Empty when a search is all there is (see listCases' count).
 */
function narrowing(db: Db, input: ListInput, user: SessionUser, calendar: DeskCalendar, clock: Clock, reportIds: number[] | null) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool>[] => {
    const all: Expression<SqlBool>[] = [];
    // SQLite: the overdue test is written so that no index serves its two halves (unary +); the planner then
    // reads the open cases (status != closed, migration 0042's cases_open_overdue holding every column tested
    // here) — in due order for a page, stopping at 50, and from the index alone for the count. Otherwise it
    // ORs two index reads (cases_status_due, cases_type_status_due) naming ~9,000 of 14,000 open cases at
    // 100,000 and reads each row, for the page and again for the count: 70 ms for the 「期限超過」 tab.
    const tested = (column: 'status' | 'type' | 'due_date') => (isPostgres(db) ? sql.ref<string>(`cases.${column}`) : sql<string>`+cases.${sql.raw(column)}`);
    const dueDatePassed = () => eb.and([eb(tested('status'), 'in', CLOCK_RUNNING), eb('paused', '=', 0), eb(tested('due_date'), '<=', overdueThrough(calendar, clock))]);
    // Art. 39 (issue 11): two weeks after arrival the member may sue, paused or not; until notified, such a
    // case is overdue too (the queue shows it with the legal-mark badge).
    // Inquiries and complaints have no such mark (a reply target only, issue 19).
    // The statuses named (not "not notified or closed"): an index on status then finds the open cases; with
    // "not in", SQLite read every request case of the desk (the overdue tab took 1–3 s at 100,000 cases).
    const markPassed = () => eb.and([eb(tested('status'), 'in', UNNOTIFIED), eb(tested('type'), 'in', [...requestTypes]), eb('legal_mark', '<', clock.today)]);
    // Every overdue case is open (both halves name open statuses only); saying so lets SQLite use the
    // partial indexes of open cases. PostgreSQL plans the halves itself (bench queue --database-url).
    const overdue = () => (isPostgres(db) ? eb.or([dueDatePassed(), markPassed()]) : eb.and([eb('status', '!=', 'closed'), eb.or([dueDatePassed(), markPassed()])]));
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
    return all;
  };
}

/**
 * The index lists a search reads (search-index.ts): trigrams from three characters, bigrams below. A name
 * typed without its space (加藤隆) meets the index's spaceless name keys (records.ts searchBody); one typed
 * with a space the stored name lacks, likewise. Empty when nothing is searched.
 */
function searchLists(db: Db, input: ListInput): RawBuilder<number>[] {
  const q = searchKey(input.search);
  if (!q) return [];
  const spaceless = nameKey(input.search);
  return spaceless && spaceless !== q ? [searchHits(db, q), searchHits(db, spaceless)] : [searchHits(db, q)];
}

/**
 * The list's whole condition. `walk`: the hits are only tested, never looked up by id (SQLite's unary `+`
 * keeps the planner off the primary key), so a query ordered like an index reads that index in order and
 * stops at its LIMIT — see walkedPage.
 */
function where(db: Db, narrow: ReturnType<typeof narrowing>, lists: RawBuilder<number>[], walk = false) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    const all = narrow(eb);
    const id = walk ? sql`+cases.id` : sql.ref('cases.id');
    if (lists.length) all.push(eb.or(lists.map((l) => amongHits(db, id, l))));
    return eb.and(all);
  };
}

/**
 * How many cases a search alone finds, counted in the index: each case has exactly one row in each index
 * (records.ts writes them, the purge rewrites them; a case is never deleted), so this is the count over
 * cases without reading a case row per hit — for a common surname (田中: thousands) that was half the call.
 */
function indexCount(lists: RawBuilder<number>[]) {
  return lists.length === 1
    ? sql<number>`(SELECT count(*) FROM ${lists[0]!} AS hits)`
    : sql<number>`(SELECT count(*) FROM (SELECT rowid FROM ${lists[0]!} AS a UNION SELECT rowid FROM ${lists[1]!} AS b) AS hits)`;
}

type SortColumn = 'due_date' | 'arrived_at' | 'reference' | 'status' | 'type' | 'member_kana' | 'member_name' | 'id';
const ORDER: Record<ListInput['sort'], readonly SortColumn[]> = {
  due: ['due_date', 'id'],
  arrived: ['arrived_at', 'id'],
  reference: ['reference'],
  status: ['status', 'due_date', 'id'],
  type: ['type', 'due_date', 'id'],
  member: ['member_kana', 'member_name', 'id'],
};

/** The sort's columns, as references to `cases` (the page, its ids and a search's walk all order by them). */
const sortColumns = (input: ListInput) => ORDER[input.sort].map((col) => `cases.${col}` as const);

/** 0 the exact reference, 1 a name or kana holding `key` (searchKey'd), 2 anything else. */
function searchRank(db: Db, key: string, spaceless: string) {
  const has = (column: RawBuilder<unknown>, needle = key) => position(db, column, needle);
  // SQLite's lower() folds ASCII letters only, so for a key without any (a kanji or kana name: the usual
  // search) it changes nothing a match could see, yet copied two names for every hit — a fifth of a
  // common surname's search. A reference always has letters (PD-…), so such a key is never one.
  // PostgreSQL's lower() folds every script: kept there.
  if (!isPostgres(db) && !/[a-z]/.test(key)) {
    return sql<number>`CASE WHEN ${has(sql`cases.member_name`)} > 0 OR ${has(sql`cases.member_kana`)} > 0 OR ${has(sql`cases.requester_name`)} > 0 THEN 1
      WHEN ${spaceless} != '' AND ${has(sql`cases.member_name_key`, spaceless)} > 0 THEN 1
      ELSE 2 END`;
  }
  return sql<number>`CASE WHEN lower(cases.reference) = ${key} THEN 0
    WHEN ${has(sql`lower(cases.member_name)`)} > 0 OR ${has(sql`cases.member_kana`)} > 0 OR ${has(sql`lower(cases.requester_name)`)} > 0 THEN 1
    WHEN ${spaceless} != '' AND ${has(sql`cases.member_name_key`, spaceless)} > 0 THEN 1
    ELSE 2 END`;
}

/**
 * The sorts whose order an index gives on SQLite (due_date/arrived_at/status then the rowid, reference
 * unique, the member's name: migration 0041), so that a walk in that order can stop early.
 */
const WALKABLE: ReadonlySet<ListInput['sort']> = new Set(['due', 'arrived', 'reference', 'status', 'member']);
/** How much cheaper reading the next index entry is than seeking a case by id (bench queue: ~17×; kept low). */
const WALK_GAIN = 8;

/**
 * The ids of a search's page, found by reading the cases in the page's order (an index) instead of reading
 * every hit to rank and sort them — or null when that would not pay, and the usual query must run.
 *
 * A common surname (田中: 1,700 hits at 100,000 cases) made every search read 1,700 case rows (a seek each,
 * decrypted on a local desk) to rank and sort them before 50 were kept: 4–6 ms, the rows' pages pushing
 * others out of the cache. Its hits are spread over the desk, so the first 100 in due order sit among the
 * first ~6,000 entries of the due-date index: reading those (a hit test each, against the hits in a bloom
 * filter and a temporary index) and the ~100 hits' rows costs under 1 ms.
 * The ranking stays exact: a key without letters has no reference rank (searchRank), so a row is rank 1
 * (name or kana) or 2 (other text), and the page is the rank-1 rows in sort order, then the rank-2 ones.
 * The walk reads the first `want` hits in sort order; if `need` (= offset + page size) of them are rank 1,
 * the first `need` rank-1 rows of the whole list are exactly those (no later hit comes before them); if the
 * walk saw every hit, it holds the whole list. Otherwise (a search matching mostly text) null.
 * Worth it while `want` hits' walk (want × cases / hits entries) is cheaper than seeking all `hits`.
 */
async function walkedPage(db: Db, input: ListInput, key: string, filter: ReturnType<typeof where>, hits: number): Promise<number[] | null> {
  const need = input.page * input.pageSize;
  const want = 2 * need;
  const last = Number((await db.selectFrom('cases').select((eb) => eb.fn.max('cases.id').as('last')).executeTakeFirstOrThrow()).last ?? 0);
  if (want * last > WALK_GAIN * hits * hits) return null;
  let walk = db.selectFrom('cases').select(['cases.id', searchRank(db, key, nameKey(input.search)).as('r')]).where(filter);
  for (const col of sortColumns(input)) walk = walk.orderBy(col, input.direction);
  const walked = await walk.limit(want).execute();
  const offset = need - input.pageSize;
  if (walked.length < want) return [...walked].sort((a, b) => a.r - b.r).slice(offset, need).map((r) => r.id);
  const first = walked.filter((r) => r.r === 1);
  return first.length >= need ? first.slice(offset, need).map((r) => r.id) : null;
}

/** The page's query: the columns a row shows, the list's condition, the search rank and sort; no limit yet. */
function pageQuery(db: Db, filter: ReturnType<typeof where>, input: ListInput) {
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
    // Must stay: the select above joins no table, but kysely's builder type carries the select list; the
    // filter is written against the cases table alone, which this query reads.
    .where((eb) => filter(eb as unknown as ExpressionBuilder<DB, 'cases'>));
  const key = searchKey(input.search);
  // A search puts the case a person most likely means first: the exact reference, then a name or kana
  // holding the text, then the rest (request text, email, notes); the chosen sort orders within each.
  if (key) q = q.orderBy(searchRank(db, key, nameKey(input.search)));
  for (const col of sortColumns(input)) q = q.orderBy(col, input.direction);
  return q;
}

/**
 * A page after the first on SQLite: the ids are chosen first (their own query, which an index of the sort
 * and filter columns answers alone: the closed tab's page 40 skips 1,950 index entries, not 1,950 case rows
 * each read, decrypted and joined to its assignee), then only the page's rows are read, in the same order.
 */
function laterPage(db: Db, filter: ReturnType<typeof where>, input: ListInput, offset: number) {
  let ids = db.selectFrom('cases').select('cases.id').where(filter);
  const key = searchKey(input.search);
  if (key) ids = ids.orderBy(searchRank(db, key, nameKey(input.search)));
  for (const col of sortColumns(input)) ids = ids.orderBy(col, input.direction);
  return pageQuery(db, (eb) => eb('cases.id', 'in', ids.limit(input.pageSize).offset(offset)), input).execute();
}

export async function listCases(db: Db, calendar: DeskCalendar, user: SessionUser, now: Date, input: ListInput, warnDays: number): Promise<QueuePage> {
  const clock = clockOf(now);
  const reportIds = input.report ? await caseIdsOf({ db, calendar, now, warnDays }, input.report, scopeOf(user), input.report.bucket) : null;
  const narrow = narrowing(db, input, user, calendar, clock, reportIds);
  const lists = searchLists(db, input);
  const filter = where(db, narrow, lists);
  const searchAlone = lists.length > 0 && narrow(expressionBuilder<DB, 'cases'>()).length === 0;
  const key = searchKey(input.search);
  const q = () => pageQuery(db, filter, input);
  const count = searchAlone
    ? db.selectNoFrom(indexCount(lists).as('n'))
    : db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where(filter);
  const offset = (input.page - 1) * input.pageSize;
  const usual = () => (offset === 0 || isPostgres(db) ? q().limit(input.pageSize).offset(offset).execute() : laterPage(db, filter, input, offset));
  let rows: Awaited<ReturnType<typeof usual>>;
  let total: number;
  if (searchAlone && !isPostgres(db) && WALKABLE.has(input.sort) && !/[a-z]/.test(key)) {
    total = Number((await count.executeTakeFirstOrThrow()).n);
    const ids = await walkedPage(db, input, key, where(db, narrow, lists, true), total);
    // The page's rows by id (the walk has applied the condition), in the same order as the usual query.
    rows = ids === null ? await usual() : ids.length === 0 ? [] : await pageQuery(db, (eb) => eb('cases.id', 'in', idList(db, ids)), input).execute();
  } else {
    const [page, counted] = await Promise.all([usual(), count.executeTakeFirstOrThrow()]);
    rows = page;
    total = Number(counted.n);
  }
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
        kinds: fromJson(r.kinds),
        status: r.status,
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
    total,
    page: input.page,
    pageSize: input.pageSize,
    today: clock.today,
  };
}

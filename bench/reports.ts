// npm run bench -- reports [--cases N]
// A one-year report (the Reports screen's reports.get) on a desk of 100,000 cases over three years.
// Builds an encrypted desk (createDesk, as set-up does) and fills it directly in one transaction with
// cases of every type, channel, requester and status; their notices (answered early, on the day, late),
// pause/resume and extension events, fees, decisions and approvals. Deadline columns are core/calendar's.
//
// Times, each ITERATIONS times after a warm-up: the core's buildReport (through the same function the
// contract calls, over the encrypted database) against a baseline: the same aggregates written as plain
// SQL (GROUP BY counts, on-time by comparing the notice with the due date's closing instant, medians by
// ORDER BY … LIMIT/OFFSET, open-now counts, fees, staff) on an UNENCRYPTED copy of the same tables with
// the same indexes. The baseline counts calendar days where the core counts business days (SQL has no
// business-day calendar): the core does strictly more. Ratio = core p50 / raw p50.
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sqliteStore, openDatabase, type RawDatabase } from '../db/open.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDesk, lockDesk } from '../electron/core/vault/vault.ts';
import { deskPaths } from '../electron/core/storage/data-dir.ts';
import { loadDeskCalendar } from '../electron/core/desk-calendar/store.ts';
import { buildReport } from '../electron/core/reports/report.ts';
import { factsQuery, loadDeadlineEvents, loadFacts, loadFees } from '../electron/core/reports/facts.ts';
import { judge, reportDays } from '../electron/core/reports/classify.ts';
import { clockOf } from '../electron/core/cases/deadline-of-case.ts';
import { periodBounds } from '../electron/core/reports/period.ts';
import { computeDeadline, daysForType, legalMark, japanDateOf, type DeskCalendar } from '../electron/core/calendar/index.ts';
import { outcomes, requestKinds, type RequestType } from '../electron/contract/index.ts';

const CASES = (() => {
  const i = process.argv.indexOf('--cases');
  const n = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error('--cases takes a whole number of at least 1000');
  return n;
})();
const ITERATIONS = 15;
const WARMUP = 3;
const NOW = new Date('2026-11-24T03:00:00Z');
const PERIOD = { from: '2025-04-01', to: '2026-03-31' }; // fiscal year 2025
const DAY = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;
const iso = (ms: number) => new Date(ms).toISOString();
const STAFF = ['sato', 'suzuki', 'tanaka', 'yamada', 'ito'];

function build(raw: RawDatabase, calendar: DeskCalendar): void {
  const insertAccount = raw.prepare(`INSERT OR IGNORE INTO accounts (username, display_name, role, slot_id, disabled, must_change_password, created_at) VALUES (?, ?, 'agent', NULL, 0, 0, ?)`);
  const insertCase = raw.prepare(`INSERT INTO cases (id, reference, type, kinds, status, channel, arrived_at, days, day_zero, due_date, due_provisional, paused, legal_mark,
    requester_kind, requester_name, member_name, member_kana, member_email, member_postal_code, member_address, member_id, request_text, delivery, assignee, outcome, grounds,
    closure_ground, decided_by, decided_at, approved_by, approved_at, created_by, created_at, updated_at, closed_at, training)
    VALUES (@id, @reference, @type, @kinds, @status, @channel, @arrived_at, @days, @day_zero, @due_date, 0, @paused, @legal_mark, @requester_kind, '', '会員', 'カイイン', 'm@example.jp', '', '', '', '請求', NULL,
    @assignee, @outcome, @grounds, @closure_ground, @decided_by, @decided_at, @approved_by, @approved_at, 'sato', @arrived_at, @arrived_at, @closed_at, @training)`);
  const insertEvent = raw.prepare(`INSERT INTO case_events (case_id, at, actor, kind, data) VALUES (?, ?, ?, ?, ?)`);
  const insertNotice = raw.prepare(`INSERT INTO notices (case_id, kind, channel, note, recorded_by, recorded_at) VALUES (?, ?, 'letter', '', 'sato', ?)`);
  const insertFee = raw.prepare(`INSERT INTO fee_entries (case_id, kind, method, amount, received_on, note, recorded_by, recorded_at) VALUES (?, 'payment', 'bank_transfer', 1000, ?, '', 'sato', ?)`);
  const start = Date.parse('2024-01-04T01:00:00Z');
  const span = NOW.getTime() - 2 * DAY - start;
  raw.transaction(() => {
    for (const u of STAFF) insertAccount.run(u, u, iso(start));
    for (let id = 1; id <= CASES; id++) {
      const arrived = start + Math.floor((id / CASES) * span) + Math.floor(random() * 8 * 3_600_000);
      const type = pick(['disclosure', 'disclosure', 'correction', 'suspension'] as const) as RequestType;
      const days = daysForType(calendar, type);
      const d = computeDeadline(calendar, iso(arrived), days);
      const ageDays = (NOW.getTime() - arrived) / DAY;
      const answered = ageDays > 20 ? chance(0.97) : chance(0.4);
      const withdrawn = answered && chance(0.03);
      const rejected = answered && !withdrawn && chance(0.03);
      const status = answered ? (ageDays > 25 ? 'closed' : 'notified') : pick(['received', 'in_review', 'awaiting_requester', 'decided', 'approved']);
      // Most are answered within the due date; some on it, some late.
      const offset = pick([3, 6, 8, 9, 9.2, 10, 11, 12, 14]);
      const answeredAt = answered ? Math.min(NOW.getTime() - DAY, Date.parse(`${d.due}T00:00:00+09:00`) + (offset - 10) * 1.4 * DAY + 5 * 3_600_000) : null;
      const decided = answered && !withdrawn && !rejected;
      const outcome = decided ? pick(outcomes[type] as readonly string[]) : null;
      const decider = decided ? pick(STAFF) : null;
      const approver = decided ? (decider === 'suzuki' ? 'sato' : 'suzuki') : null;
      const assignee = pick(STAFF);
      insertCase.run({
        id,
        reference: `PD-${japanDateOf(arrived).slice(0, 4)}-${String(id).padStart(6, '0')}`,
        type,
        kinds: JSON.stringify([pick(requestKinds[type] as readonly string[])]),
        status,
        channel: pick(['email', 'email', 'post', 'web_form', 'phone']),
        arrived_at: iso(arrived),
        days,
        day_zero: d.start,
        due_date: d.due,
        paused: status === 'awaiting_requester' ? 1 : 0,
        legal_mark: legalMark(iso(arrived)),
        requester_kind: pick(['member', 'member', 'member', 'representative', 'agent']),
        assignee,
        outcome,
        grounds: outcome === 'disclosed_partial' || outcome === 'not_disclosed' ? JSON.stringify([pick(['harm_to_interests', 'business_hindrance', 'violation_of_law'])]) : '[]',
        closure_ground: withdrawn ? 'withdrawn' : rejected ? 'identity_not_verified' : null,
        decided_by: decider,
        decided_at: decided && answeredAt ? iso(answeredAt - DAY) : null,
        approved_by: approver,
        approved_at: decided && answeredAt ? iso(answeredAt - 3_600_000) : null,
        closed_at: status === 'closed' && answeredAt ? iso(answeredAt + DAY) : null,
        training: chance(0.005) ? 1 : 0,
      });
      if (chance(0.15)) {
        insertEvent.run(id, iso(arrived + DAY), assignee, 'pause', JSON.stringify({ reason: '書類待ち', reasonKind: 'identity_documents' }));
        if (status !== 'awaiting_requester') insertEvent.run(id, iso(arrived + 4 * DAY), assignee, 'resume', JSON.stringify({ reason: '受領' }));
      }
      if (chance(0.03)) insertEvent.run(id, iso(arrived + 5 * DAY), 'sato', 'extend', JSON.stringify({ reason: '調査', due: calendar.addBusinessDays(d.due, 10) }));
      if (answered && answeredAt) insertNotice.run(id, withdrawn ? 'withdrawal' : rejected ? 'rejection' : 'decision', iso(answeredAt));
      if (type === 'disclosure' && status !== 'received') insertFee.run(id, japanDateOf(arrived + DAY), iso(arrived + DAY));
    }
  })();
}

async function plainCopy(raw: RawDatabase, path: string): Promise<void> {
  const plain = new Database(path);
  plain.pragma('journal_mode = WAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: plain }) });
  await migrateToLatest(db as never);
  await db.destroy();
  raw.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(path);
  raw.transaction(() => {
    for (const name of ['accounts', 'cases', 'case_events', 'notices', 'fee_entries']) raw.exec(`INSERT OR REPLACE INTO plain."${name}" SELECT * FROM main."${name}"`);
  })();
  raw.exec('DETACH DATABASE plain');
}

/** The report's aggregates as plain SQL: what a hand-written query against the tables would do. */
function rawReport(plain: RawDatabase, from: string, to: string, start: string, end: string, today: string) {
  const all = (q: string, ...p: unknown[]) => plain.prepare(q).all(...p);
  // The first final notice per case, from the notices themselves (the baseline does not use the core's
  // cases.answered_at column: it stays the same hand-written SQL the first measurements were made against).
  const answered = `(SELECT case_id, MIN(recorded_at) AS at FROM notices WHERE kind IN ('decision','withdrawal','rejection') GROUP BY case_id)`;
  const inPeriod = `c.training = 0 AND c.arrived_at >= ? AND c.arrived_at < ?`;
  const out: Record<string, unknown> = {};
  out.byType = all(`SELECT type, count(*) n FROM cases c WHERE ${inPeriod} GROUP BY type`, start, end);
  out.byChannel = all(`SELECT channel, count(*) n FROM cases c WHERE ${inPeriod} GROUP BY channel`, start, end);
  out.byRequester = all(`SELECT requester_kind, count(*) n FROM cases c WHERE ${inPeriod} GROUP BY requester_kind`, start, end);
  out.byKind = all(`SELECT c.type, k.value, count(*) n FROM cases c, json_each(c.kinds) k WHERE ${inPeriod} GROUP BY c.type, k.value`, start, end);
  out.closed = all(`SELECT status = 'closed' AS closed, count(*) n FROM cases c WHERE ${inPeriod} GROUP BY 1`, start, end);
  const ans = `FROM cases c JOIN ${answered} a ON a.case_id = c.id WHERE c.training = 0 AND a.at >= ? AND a.at < ?`;
  out.timely = all(`SELECT c.closure_ground = 'withdrawn' AS w, a.at < strftime('%Y-%m-%dT09:00:00.000Z', c.due_date) AS on_time,
    EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'extend') AS ext, count(*) n ${ans} GROUP BY 1, 2, 3`, start, end);
  const days = all(`SELECT julianday(substr(a.at, 1, 10)) - julianday(c.day_zero) AS d ${ans} AND (c.closure_ground IS NULL OR c.closure_ground != 'withdrawn') ORDER BY d`, start, end) as Array<{ d: number }>;
  out.median = days.length ? days[Math.floor(days.length / 2)]!.d : null;
  out.p90 = days.length ? days[Math.ceil(0.9 * days.length) - 1]!.d : null;
  out.paused = all(`SELECT count(DISTINCT c.id) n ${ans} AND c.id IN (SELECT case_id FROM case_events WHERE kind = 'pause')`, start, end);
  out.outcomes = all(`SELECT c.type, c.outcome, count(*) n ${ans} AND c.closure_ground IS NULL GROUP BY 1, 2`, start, end);
  out.grounds = all(`SELECT g.value, count(*) n FROM cases c JOIN ${answered} a ON a.case_id = c.id, json_each(c.grounds) g WHERE c.training = 0 AND a.at >= ? AND a.at < ? GROUP BY 1`, start, end);
  out.rejections = all(`SELECT c.closure_ground, count(*) n ${ans} AND c.closure_ground IS NOT NULL GROUP BY 1`, start, end);
  out.monthly = all(`SELECT substr(datetime(c.arrived_at, '+9 hours'), 1, 7) m, type, count(*) n FROM cases c WHERE ${inPeriod} GROUP BY 1, 2`, start, end);
  out.open = all(`SELECT status = 'awaiting_requester' AS waiting, due_date < ? AND paused = 0 AS overdue, legal_mark < ? AS past, julianday(?) - julianday(day_zero) > 28 AS old, count(*) n
    FROM cases WHERE training = 0 AND status NOT IN ('notified', 'closed') GROUP BY 1, 2, 3, 4`, today, today, today);
  out.fees = all(`SELECT f.kind, sum(f.amount) FROM fee_entries f JOIN cases c ON c.id = f.case_id WHERE c.training = 0 AND f.received_on BETWEEN ? AND ? GROUP BY 1`, from, to);
  out.staff = all(`SELECT c.assignee, count(*) n ${ans} GROUP BY 1`, start, end);
  out.decisions = all(`SELECT decided_by, count(*) FROM cases WHERE training = 0 AND decided_at >= ? AND decided_at < ? GROUP BY 1`, start, end);
  out.approvals = all(`SELECT approved_by, count(*) FROM cases WHERE training = 0 AND approved_at >= ? AND approved_at < ? GROUP BY 1`, start, end);
  return out;
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const folder = mkdtempSync(join(tmpdir(), 'pd-bench-reports-'));
try {
  const t0 = performance.now();
  const paths = deskPaths(folder);
  const DESK = { companyJa: '株式会社JUO', companyEn: 'JUO Inc.', deskNameJa: 'CareerModel サポートデスク', deskNameEn: 'CareerModel Support Desk', postalCode: '160-0023', addressJa: '東京都新宿区西新宿3-3-13', addressEn: 'Nishishinjuku, Shinjuku-ku, Tokyo', email: 'info@career-model.com', phone: '' };
  const { unlocked } = await createDesk(paths, { desk: DESK, supervisor: { username: 'sato', displayName: '佐藤 花子', password: 'bench password 2026' }, locale: 'ja' });
  const key = Buffer.from(unlocked.dataKey);
  build(sqliteStore(unlocked.store).raw, await loadDeskCalendar(unlocked.store.db));
  const plainPath = join(folder, 'plain.db');
  await plainCopy(sqliteStore(unlocked.store).raw, plainPath);
  await lockDesk(unlocked);
  console.log(`built ${CASES.toLocaleString('en')} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const store = openDatabase(paths.database, key);
  const plain = new Database(plainPath, { fileMustExist: true });
  plain.pragma('journal_mode = WAL');
  const calendar = await loadDeskCalendar(store.db);
  const ctx = { db: store.db, calendar, now: NOW, warnDays: 3 };
  const b = periodBounds(PERIOD);
  if (process.argv.includes('--plans') || process.argv.includes('--plans-only')) {
    const facts = factsQuery(store.db, b, { kind: 'desk' }).compile(store.db);
    for (const r of store.raw.prepare(`EXPLAIN QUERY PLAN ${facts.sql}`).all(...facts.parameters) as Array<{ detail: string }>) console.log('  plan:', r.detail);
    // Where one report's time goes: the reads, then the classification in JavaScript.
    for (let round = 0; round < 2; round++) {
      let t = performance.now();
      const facts = await loadFacts(store.db, b, { kind: 'desk' });
      const tFacts = performance.now() - t;
      t = performance.now();
      const events = await loadDeadlineEvents(store.db, new Set(facts.map((f) => f.id)));
      const tEvents = performance.now() - t;
      t = performance.now();
      await loadFees(store.db, PERIOD.from, PERIOD.to, 1000, { kind: 'desk' });
      const tFees = performance.now() - t;
      t = performance.now();
      const c = { calendar, bounds: b, clock: clockOf(NOW), warnDays: 3, days: reportDays(calendar) };
      for (const f of facts) judge(f, events.get(f.id) ?? [], c);
      const tJudge = performance.now() - t;
      t = performance.now();
      await buildReport(ctx, PERIOD, { kind: 'desk' });
      const tAll = performance.now() - t;
      console.log(`  facts ${tFacts.toFixed(1)} ms (${facts.length} rows), events ${tEvents.toFixed(1)}, fees ${tFees.toFixed(1)}, judge ${tJudge.toFixed(1)}; buildReport ${tAll.toFixed(1)} ms`);
    }
  }
  if (!process.argv.includes('--plans-only')) {
    const today = japanDateOf(NOW);
    const core: number[] = [];
    const base: number[] = [];
    let report = await buildReport(ctx, PERIOD, { kind: 'desk' });
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      // Alternate, so neither side always runs on a warmer cache.
      let t = performance.now();
      report = await buildReport(ctx, PERIOD, { kind: 'desk' });
      if (i >= WARMUP) core.push(performance.now() - t);
      t = performance.now();
      rawReport(plain, PERIOD.from, PERIOD.to, b.start, b.end, today);
      if (i >= WARMUP) base.push(performance.now() - t);
    }
    const coreP50 = p50(core);
    const rawP50 = p50(base);
    console.log(`\none-year report (${PERIOD.from} … ${PERIOD.to}): ${report.received} received, ${report.answered} answered (${report.onTime} on time, ${report.late} late), ${report.openNow} open now`);
    console.log(`${ITERATIONS} runs each after ${WARMUP} warm-up, milliseconds`);
    console.log(`  core buildReport (encrypted)      p50 ${coreP50.toFixed(1)}  max ${Math.max(...core).toFixed(1)}`);
    console.log(`  raw SQL aggregates (plain copy)   p50 ${rawP50.toFixed(1)}  max ${Math.max(...base).toFixed(1)}`);
    store.close();
    plain.close();
    const round = (x: number) => Math.round(x * 1000) / 1000;
    console.log(JSON.stringify({ cases: CASES, received: report.received, report_p50_ms: round(coreP50), raw_p50_ms: round(rawP50), under_one_second: coreP50 < 1000, ratio: round(coreP50 / rawP50) }));
  } else {
    store.close();
    plain.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// npm run bench -- queue [--cases N] [--plans] [--keep-desk DIR]
// --keep-desk DIR: build the desk and its plain copy in DIR once and open them again on later runs (same --cases).
// The queue and the case file at 100,000 cases. Builds an encrypted desk (createDesk, as set-up does) and
// fills it with realistic rows inserted directly in one transaction: Japanese and foreign residents' names
// with kana, emails, request texts, every status and type over two years of arrivals, assignees, events,
// identity checks, fees, notices, notes, and the trigram search rows (core/cases' own searchBody). The
// deadline columns are real: core/calendar's foldDeadlineHistory over each case's pause/resume/extend
// events, through deadline-of-case.ts's deadlineColumns.
//
// Then it times, each >= 200 times after a warm-up, through the SAME core functions the contract calls
// (listCases, loadCaseFile, with the calendar from loadDeskCalendar):
//   (a) the first queue page of open cases by due date      (b) a filtered page: type + status + overdue
//   (c) a search for a Japanese substring (長谷川, trigram)      (d) opening a case file
//   (e) a two-kanji surname search (田中, bigram index); twoCharSearchRatio = its p50 / (c)'s p50
//   (f) mixed: ten different queries interleaved, never one repeated back to back (no warm-cache flattery)
// against a baseline: exactly the SQL those calls ran (captured from the driver while the core ran once
// per input, statement by statement with its parameters), replayed with prepared statements on an
// UNENCRYPTED copy of the same database (made by ATTACHing a plaintext database with KEY '' and copying
// every table into it). The ratio is the core's p50 over the baseline's p50: the price of encryption,
// the query builder and the core's own work on the rows.
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sqliteStore, openDatabase, type RawDatabase } from '../db/open.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDesk, lockDesk, unlockWithPassword } from '../electron/core/vault/vault.ts';
import { deskPaths } from '../electron/core/storage/data-dir.ts';
import { loadDeskCalendar } from '../electron/core/desk-calendar/store.ts';
import { readSettings } from '../electron/core/settings/settings.ts';
import { listCases } from '../electron/core/cases/queue.ts';
import { loadCaseFile } from '../electron/core/cases/case-file.ts';
import { bigramTerms } from '../electron/core/cases/search-index.ts';
import { listInput, type SessionUser } from '../electron/contract/index.ts';
import { build, NOW, random } from './support/big-desk.ts';

const CASES = (() => {
  const i = process.argv.indexOf('--cases');
  const n = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error('--cases takes a whole number of at least 1000');
  return n;
})();
const SHOW_PLANS = process.argv.includes('--plans');
const ITERATIONS = 200;
const WARMUP = 30;
const SEARCH = '長谷川';
/** A two-kanji surname, the usual way staff look a person up: common, so thousands of matches. */
const SEARCH2 = '田中';


/** A plaintext copy of every table of `raw`'s database at `path` (same schema, made by the migrations). */
async function plainCopy(raw: RawDatabase, path: string): Promise<void> {
  const plain = new Database(path);
  plain.pragma('journal_mode = WAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: plain }) });
  await migrateToLatest(db as never);
  await db.destroy();
  raw.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(path);
  const tables = raw.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search_%' AND name NOT LIKE 'kysely_%'`).all() as Array<{ name: string }>;
  raw.transaction(() => {
    // Tables come in sqlite_master's order, not their references' (a table may name one copied later):
    // the foreign keys are checked once, at commit, when every table is in.
    raw.pragma('defer_foreign_keys = ON');
    for (const { name } of tables) {
      // OR REPLACE: a row a migration seeded (settings) is taken from the desk.
      if (name === 'case_search') raw.exec(`INSERT INTO plain.case_search (rowid, body) SELECT rowid, body FROM main.case_search`);
      else if (name === 'case_search_bigram') continue; // contentless: rebuilt below from the text
      else raw.exec(`INSERT OR REPLACE INTO plain."${name}" SELECT * FROM main."${name}"`);
    }
  })();
  const bigrams = raw.prepare(`INSERT INTO plain.case_search_bigram (rowid, terms) VALUES (?, ?)`);
  raw.transaction(() => {
    for (const r of raw.prepare(`SELECT rowid, body FROM main.case_search`).all() as Array<{ rowid: number; body: string }>) bigrams.run(r.rowid, bigramTerms(r.body));
  })();
  raw.exec('DETACH DATABASE plain');
}

// ---------------------------------------------------------------------------------------------------
// Timing

type Captured = Array<{ sql: string; params: unknown[] }>;

/**
 * Runs `work` once against a second kysely instance over the same connection whose driver records
 * every statement it executes, with its parameters: exactly the SQL the core runs for that call.
 */
async function capture(raw: RawDatabase, work: (db: Kysely<DB>) => Promise<unknown>): Promise<Captured> {
  const out: Captured = [];
  const recording = {
    prepare(sql: string) {
      const stmt = raw.prepare(sql);
      const record = (params: unknown[]) => out.push({ sql, params: params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params });
      return {
        reader: stmt.reader,
        all: (...params: unknown[]) => (record(params), stmt.all(...params)),
        run: (...params: unknown[]) => (record(params), stmt.run(...params)),
        iterate: (...params: unknown[]) => (record(params), stmt.iterate(...params)),
      };
    },
    close() {},
  };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: recording as never }) });
  await work(db);
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Times `core` and `raw` alternately, one run of each per round, so that whatever else the machine is
 * doing weighs on both alike (the ratio is what this bench is about).
 */
async function timePair(n: number, core: (i: number) => Promise<unknown>, raw: (i: number) => void): Promise<{ core: { p50: number; p95: number }; raw: { p50: number; p95: number } }> {
  for (let i = 0; i < WARMUP; i++) {
    await core(i);
    raw(i);
  }
  const c: number[] = [];
  const r: number[] = [];
  for (let i = WARMUP; i < WARMUP + n; i++) {
    let s = performance.now();
    await core(i);
    c.push(performance.now() - s);
    s = performance.now();
    raw(i);
    r.push(performance.now() - s);
  }
  const stats = (t: number[]) => {
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 50), p95: percentile(t, 95) };
  };
  return { core: stats(c), raw: stats(r) };
}

function showPlans(plain: RawDatabase, name: string, statements: Captured): void {
  console.log(`${name}:`);
  for (const { sql, params } of statements) {
    console.log(`  ${sql.length > 160 ? `${sql.slice(0, 100)} … ${sql.slice(-56)}` : sql}`);
    for (const r of plain.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>) console.log(`      ${r.detail}`);
  }
}

function replayer(plain: RawDatabase) {
  const cache = new Map<string, Database.Statement>();
  return (statements: Captured) => {
    for (const { sql, params } of statements) {
      let s = cache.get(sql);
      if (!s) cache.set(sql, (s = plain.prepare(sql)));
      if (s.reader) s.all(...params);
      else s.run(...params);
    }
  };
}

// ---------------------------------------------------------------------------------------------------

const KEEP = (() => {
  const i = process.argv.indexOf('--keep-desk');
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
})();
const folder = KEEP ?? mkdtempSync(join(tmpdir(), 'pd-bench-queue-'));
const built = join(folder, `bench-queue-${CASES}.built`);
try {
  const t0 = performance.now();
  const paths = deskPaths(folder);
  const plainPath = join(folder, 'plain.db');
  let key: Buffer;
  if (KEEP && existsSync(built)) {
    const unlocked = await unlockWithPassword(paths, 'sato', 'bench password 2026');
    if (!unlocked) throw new Error(`the desk in ${folder} does not open`);
    key = Buffer.from(unlocked.dataKey);
    await lockDesk(unlocked);
    console.log(`reusing the ${CASES.toLocaleString('en')}-case desk in ${folder}`);
  } else {
  if (KEEP) mkdirSync(folder, { recursive: true });
  const DESK = { companyJa: '株式会社JUO', companyEn: 'JUO Inc.', deskNameJa: 'CareerModel サポートデスク', deskNameEn: 'CareerModel Support Desk', postalCode: '160-0023', addressJa: '東京都新宿区西新宿3-3-13', addressEn: 'Nishishinjuku, Shinjuku-ku, Tokyo', email: 'info@career-model.com', phone: '' };
  const { unlocked } = await createDesk(paths, { desk: DESK, supervisor: { username: 'sato', displayName: '佐藤 花子', password: 'bench password 2026' }, locale: 'ja' });
  key = Buffer.from(unlocked.dataKey);
  const calendar0 = await loadDeskCalendar(unlocked.store.db);
  const { open } = build(sqliteStore(unlocked.store).raw, calendar0, CASES);
  await plainCopy(sqliteStore(unlocked.store).raw, plainPath);
  await lockDesk(unlocked);
  console.log(`built ${CASES.toLocaleString('en')} cases (${open.toLocaleString('en')} open) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (KEEP) writeFileSync(built, '');
  }

  // The desk as the app opens it; the plain copy with the same pragmas.
  const store = openDatabase(paths.database, key);
  const plain = new Database(plainPath, { fileMustExist: true });
  plain.pragma('journal_mode = WAL');
  plain.pragma('foreign_keys = ON');
  plain.pragma('temp_store = MEMORY');
  plain.pragma('cache_size = -32000');
  const db = store.db;
  const calendar = await loadDeskCalendar(db);
  const warnDays = (await readSettings(db)).legalMarkWarnDays;
  const user: SessionUser = { username: 'sato', displayName: '佐藤 花子', role: 'supervisor', mustChangePassword: false };

  const pages = {
    first_page: listInput.parse({}),
    filtered: listInput.parse({ types: ['disclosure'], statuses: ['in_review'], overdue: true }),
    search: listInput.parse({ search: SEARCH }),
    search_two_char: listInput.parse({ search: SEARCH2 }),
  };
  const replay = replayer(plain);
  const results: Record<string, number> = { cases: CASES };
  const table: string[][] = [];
  for (const [name, input] of Object.entries(pages)) {
    const page = await listCases(db, calendar, user, NOW, input, warnDays);
    const statements = await capture(store.raw, (c) => listCases(c, calendar, user, NOW, input, warnDays));
    if (SHOW_PLANS) showPlans(plain, name, statements);
    const { core, raw: base } = await timePair(ITERATIONS, () => listCases(db, calendar, user, NOW, input, warnDays), () => replay(statements));
    results[`${name}_p50_ms`] = core.p50;
    results[`${name}_p95_ms`] = core.p95;
    results[`raw_${name}_p50_ms`] = base.p50;
    results[`raw_${name}_p95_ms`] = base.p95;
    table.push([name, `${page.total} match, ${page.rows.length} shown`, core.p50.toFixed(2), core.p95.toFixed(2), base.p50.toFixed(2), base.p95.toFixed(2), (core.p50 / base.p50).toFixed(2)]);
  }
  const hits = plain.prepare(`SELECT count(*) AS n FROM case_search WHERE case_search MATCH ?`).get(`"${SEARCH}"`) as { n: number };
  table[2]![1] += ` (${hits.n} in all)`;

  // Case files: a different case each time, the same sequence for the core and the baseline.
  const ids = Array.from({ length: ITERATIONS + WARMUP }, () => 1 + Math.floor(random() * CASES));
  const captured: Captured[] = [];
  for (const id of ids) captured.push(await capture(store.raw, (c) => loadCaseFile(c, calendar, user, NOW, id, warnDays)));
  if (SHOW_PLANS) showPlans(plain, 'case_file', captured[0]!);
  const { core, raw: base } = await timePair(
    ITERATIONS,
    (i) => loadCaseFile(db, calendar, user, NOW, ids[i % ids.length]!, warnDays),
    (i) => replay(captured[i % captured.length]!),
  );
  results.case_file_p50_ms = core.p50;
  results.case_file_p95_ms = core.p95;
  results.raw_case_file_p50_ms = base.p50;
  results.raw_case_file_p95_ms = base.p95;
  table.push(['case_file', `${Math.min(...captured.map((c) => c.length))}-${Math.max(...captured.map((c) => c.length))} statements`, core.p50.toFixed(2), core.p95.toFixed(2), base.p50.toFixed(2), base.p95.toFixed(2), (core.p50 / base.p50).toFixed(2)]);

  // Mixed: different queries interleaved (never the same one twice in a row), as a desk of several people
  // sends them, so no call is helped by the one before it having warmed exactly its pages.
  const mixedInputs = [
    listInput.parse({}),
    listInput.parse({ search: '佐藤' }),
    listInput.parse({ view: 'closed', page: 40 }),
    listInput.parse({ search: 'ハセガワ' }),
    listInput.parse({ types: ['correction'], sort: 'member' }),
    listInput.parse({ search: 'tanaka' }),
    listInput.parse({ view: 'overdue', search: '中村' }),
    listInput.parse({ search: '山' }),
    listInput.parse({ view: 'closed', search: 'suzuki', page: 3 }),
    listInput.parse({ search: SEARCH2, sort: 'arrived', direction: 'desc' }),
  ];
  const mixedCaptured: Captured[] = [];
  for (const input of mixedInputs) mixedCaptured.push(await capture(store.raw, (c) => listCases(c, calendar, user, NOW, input, warnDays)));
  {
    const { core: mc, raw: mb } = await timePair(
      ITERATIONS,
      (i) => listCases(db, calendar, user, NOW, mixedInputs[i % mixedInputs.length]!, warnDays),
      (i) => replay(mixedCaptured[i % mixedCaptured.length]!),
    );
    results.mixed_p50_ms = mc.p50;
    results.mixed_p95_ms = mc.p95;
    results.raw_mixed_p50_ms = mb.p50;
    results.raw_mixed_p95_ms = mb.p95;
    table.push(['mixed', `${mixedInputs.length} queries interleaved`, mc.p50.toFixed(2), mc.p95.toFixed(2), mb.p50.toFixed(2), mb.p95.toFixed(2), (mc.p50 / mb.p50).toFixed(2)]);
  }

  const head = ['measure', 'rows', 'core p50', 'core p95', 'raw p50', 'raw p95', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  console.log(`\n${ITERATIONS} runs each after ${WARMUP} warm-up, milliseconds; raw = the same SQL on an unencrypted copy\n`);
  for (const r of [head, ...table]) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

  const ratio = Math.max(...['first_page', 'filtered', 'search', 'search_two_char', 'case_file', 'mixed'].map((m) => results[`${m}_p50_ms`]! / results[`raw_${m}_p50_ms`]!));
  // Two characters through the bigram index against three through the trigram one, same run (aim <= 3).
  results.twoCharSearchRatio = results.search_two_char_p50_ms! / results.search_p50_ms!;
  console.log(`\ntwo-character search (${SEARCH2}) p50 / three-character search (${SEARCH}) p50: ${results.twoCharSearchRatio.toFixed(2)}`);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  await store.close();
  plain.close();
  console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(results).map(([k2, v]) => [k2, k2 === 'cases' ? v : round(v)])), ratio: round(ratio) }));
} finally {
  if (!KEEP) rmSync(folder, { recursive: true, force: true });
}

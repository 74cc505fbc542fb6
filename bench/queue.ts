// npm run bench -- queue [--cases N] [--plans] [--database-url URL|temp] [--keep-desk DIR]
// --keep-desk DIR: build the SQLite desk and its plain copy in DIR once and open them again on later runs (same --cases).
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
//
// --database-url (support/postgres-queue.ts): the same desk is then put on a PostgreSQL server (`temp`: a
// throwaway cluster started for the run, as CI machines have no server) and the same calls are timed
// there, through the core on a shared desk's connection, against the SQL they sent replayed by a plain
// client on the same server: p50/p95 printed beside SQLite's from this run, pgRatio the worst core/raw,
// pgTwoCharSearchRatio 田中 (bigram rows) over 長谷川 (pg_trgm GIN). --plans prints EXPLAIN ANALYZE there.
import { performance } from 'node:perf_hooks';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
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
import type { DeskCalendar } from '../electron/core/calendar/index.ts';
import { build, NOW, random } from './support/big-desk.ts';
import { benchServer, fillServer, pgCapturer, pgReplayer, type Captured as Captured2 } from './support/postgres-queue.ts';

const CASES = (() => {
  const i = process.argv.indexOf('--cases');
  const n = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error('--cases takes a whole number of at least 1000');
  return n;
})();
const SHOW_PLANS = process.argv.includes('--plans');
/** --database-url URL|temp: also on PostgreSQL (support/postgres-queue.ts). */
const DATABASE_URL = (() => {
  const i = process.argv.indexOf('--database-url');
  if (i < 0) return null;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error('--database-url takes a URL (postgres://USER@HOST:PORT/DB) or temp');
  return v;
})();
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

function printTable(head: string[], table: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  for (const r of [head, ...table]) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Waits for a PostgreSQL replay; a SQLite one has already run and gets no extra tick on its clock. */
async function settle(v: unknown): Promise<void> {
  if (v instanceof Promise) await v;
}

/**
 * Times `core` and `raw` alternately, one run of each per round, so that whatever else the machine is
 * doing weighs on both alike (the ratio is what this bench is about).
 */
async function timePair(n: number, core: (i: number) => Promise<unknown>, raw: (i: number) => unknown): Promise<{ core: { p50: number; p95: number }; raw: { p50: number; p95: number } }> {
  for (let i = 0; i < WARMUP; i++) {
    await core(i);
    await settle(raw(i));
  }
  const c: number[] = [];
  const r: number[] = [];
  for (let i = WARMUP; i < WARMUP + n; i++) {
    let s = performance.now();
    await core(i);
    c.push(performance.now() - s);
    s = performance.now();
    const pending = raw(i);
    if (pending instanceof Promise) await pending;
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
    // Unlocking migrated the desk to this version's schema; the plain copy gets the same migrations, so the
    // baseline never runs without an index the core has.
    const plainDb = new Kysely<DB>({ dialect: new SqliteDialect({ database: new Database(plainPath, { fileMustExist: true }) }) });
    await migrateToLatest(plainDb);
    await plainDb.destroy();
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
  // Case files: a different case each time, the same sequence for the core and the baseline.
  const ids = Array.from({ length: ITERATIONS + WARMUP }, () => 1 + Math.floor(random() * CASES));
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
  /** What each measure calls: the i-th run's core call, on either database (calendar read from it). */
  type Call = (db: Kysely<DB>, calendar: DeskCalendar, i: number) => Promise<unknown>;
  const measures: Array<{ name: string; calls: Call[]; label: (db: Kysely<DB>, calendar: DeskCalendar, captured: Captured2[]) => Promise<string> }> = [
    ...Object.entries(pages).map(([name, input]) => ({
      name,
      calls: [(d: Kysely<DB>, cal: DeskCalendar) => listCases(d, cal, user, NOW, input, warnDays)],
      label: async (d: Kysely<DB>, cal: DeskCalendar) => {
        const page = await listCases(d, cal, user, NOW, input, warnDays);
        return `${page.total} match, ${page.rows.length} shown`;
      },
    })),
    {
      name: 'case_file',
      calls: ids.map((id) => (d: Kysely<DB>, cal: DeskCalendar) => loadCaseFile(d, cal, user, NOW, id, warnDays)),
      label: async (_d, _c, captured) => `${Math.min(...captured.map((c) => c.length))}-${Math.max(...captured.map((c) => c.length))} statements`,
    },
    {
      name: 'mixed',
      calls: mixedInputs.map((input) => (d: Kysely<DB>, cal: DeskCalendar) => listCases(d, cal, user, NOW, input, warnDays)),
      label: async () => `${mixedInputs.length} queries interleaved`,
    },
  ];

  const replay = replayer(plain);
  const results: Record<string, number> = { cases: CASES };
  const table: string[][] = [];
  for (const m of measures) {
    const captured: Captured[] = [];
    for (const call of m.calls) captured.push(await capture(store.raw, (c) => call(c, calendar, 0)));
    if (SHOW_PLANS) showPlans(plain, m.name, captured[0]!);
    const n = m.calls.length;
    const { core, raw: base } = await timePair(ITERATIONS, (i) => m.calls[i % n]!(db, calendar, i), (i) => replay(captured[i % n]!));
    results[`${m.name}_p50_ms`] = core.p50;
    results[`${m.name}_p95_ms`] = core.p95;
    results[`raw_${m.name}_p50_ms`] = base.p50;
    results[`raw_${m.name}_p95_ms`] = base.p95;
    table.push([m.name, await m.label(db, calendar, captured), core.p50.toFixed(2), core.p95.toFixed(2), base.p50.toFixed(2), base.p95.toFixed(2), (core.p50 / base.p50).toFixed(2)]);
  }
  const hits = plain.prepare(`SELECT count(*) AS n FROM case_search WHERE case_search MATCH ?`).get(`"${SEARCH}"`) as { n: number };
  table[2]![1] += ` (${hits.n} in all)`;

  const head = ['measure', 'rows', 'core p50', 'core p95', 'raw p50', 'raw p95', 'ratio'];
  console.log(`\nSQLite: ${ITERATIONS} runs each after ${WARMUP} warm-up, milliseconds; raw = the same SQL on an unencrypted copy\n`);
  printTable(head, table);

  const MEASURED = measures.map((m) => m.name);
  const ratio = Math.max(...MEASURED.map((m) => results[`${m}_p50_ms`]! / results[`raw_${m}_p50_ms`]!));
  // Two characters through the bigram index against three through the trigram one, same run (aim <= 3).
  results.twoCharSearchRatio = results.search_two_char_p50_ms! / results.search_p50_ms!;
  console.log(`\ntwo-character search (${SEARCH2}) p50 / three-character search (${SEARCH}) p50: ${results.twoCharSearchRatio.toFixed(2)}`);
  await store.close();
  plain.close();

  // The same desk on PostgreSQL, the same calls, against the same SQL sent raw to the same server.
  let pgRatio: number | null = null;
  if (DATABASE_URL) {
    const server = await benchServer(DATABASE_URL);
    try {
      const t1 = performance.now();
      const source = new Database(plainPath, { fileMustExist: true, readonly: true });
      const shared = await fillServer(server, source);
      source.close();
      console.log(`\nPostgreSQL (${server.label}, ${(await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(shared.db)).rows[0]!.v}): filled in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
      const capturer = await pgCapturer(server);
      const replayer2 = await pgReplayer(server);
      try {
        const pgCalendar = await loadDeskCalendar(shared.db);
        const pgTable: string[][] = [];
        for (const m of measures) {
          const captured: Captured2[] = [];
          for (const call of m.calls) captured.push(await capturer.run((c) => call(c, pgCalendar, 0)));
          if (SHOW_PLANS) console.log(`${m.name}:\n${(await replayer2.explain(captured[0]!)).join('\n')}`);
          const n = m.calls.length;
          const { core, raw: base } = await timePair(ITERATIONS, (i) => m.calls[i % n]!(shared.db, pgCalendar, i), (i) => replayer2.replay(captured[i % n]!));
          results[`pg_${m.name}_p50_ms`] = core.p50;
          results[`pg_${m.name}_p95_ms`] = core.p95;
          results[`pg_raw_${m.name}_p50_ms`] = base.p50;
          results[`pg_raw_${m.name}_p95_ms`] = base.p95;
          pgTable.push([
            m.name, await m.label(shared.db, pgCalendar, captured),
            results[`${m.name}_p50_ms`]!.toFixed(2), results[`${m.name}_p95_ms`]!.toFixed(2),
            core.p50.toFixed(2), core.p95.toFixed(2), base.p50.toFixed(2), base.p95.toFixed(2), (core.p50 / base.p50).toFixed(2),
          ]);
        }
        console.log(`\nPostgreSQL: ${ITERATIONS} runs each after ${WARMUP} warm-up, milliseconds; raw = the same SQL sent by a plain client to the same server; SQLite = the core's figures above\n`);
        printTable(['measure', 'rows', 'SQLite p50', 'SQLite p95', 'pg core p50', 'pg core p95', 'pg raw p50', 'pg raw p95', 'pg ratio'], pgTable);
        pgRatio = Math.max(...MEASURED.map((m) => results[`pg_${m}_p50_ms`]! / results[`pg_raw_${m}_p50_ms`]!));
        results.pgTwoCharSearchRatio = results.pg_search_two_char_p50_ms! / results.pg_search_p50_ms!;
        console.log(`\nPostgreSQL two-character search (${SEARCH2}, bigram rows) p50 / three-character search (${SEARCH}, pg_trgm GIN) p50: ${results.pgTwoCharSearchRatio.toFixed(2)}`);
      } finally {
        await capturer.close();
        await replayer2.close();
        await shared.close();
      }
    } finally {
      await server.done();
    }
  }

  const round = (x: number) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(results).map(([k2, v]) => [k2, k2 === 'cases' ? v : round(v)])), ratio: round(ratio), ...(pgRatio === null ? {} : { pgRatio: round(pgRatio) }) }));
} finally {
  if (!KEEP) rmSync(folder, { recursive: true, force: true });
}

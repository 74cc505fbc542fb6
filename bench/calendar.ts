// npm run bench -- calendar
// Due dates for 1,000,000 random (arrival, N) pairs through the engine's precomputed business-day index,
// against the obvious alternative: walk day by day and ask @holiday-jp/holiday_jp's isHoliday() about
// each date. The baseline is slow, so it runs on a smaller sample of the same pairs and its rate is
// extrapolated; both answers are compared on that sample so the speed-up is not bought with wrong dates.
import holidayJp from '@holiday-jp/holiday_jp';
import { computeDeadline, defaultCalendar, buildCalendar } from '../electron/core/calendar/index.ts';

const ENGINE_PAIRS = 1_000_000;
const BASELINE_PAIRS = 5_000;
const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;

// Deterministic pairs (mulberry32), arrivals 2000-01-01 .. 2049-06-30 where the holiday data set also
// answers, N from 1 to 30 business days.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = mulberry32(20261124);
const from = Date.UTC(2000, 0, 1) - JST_MS;
const span = Date.UTC(2049, 5, 30) - from;
const arrivals = new Float64Array(ENGINE_PAIRS);
const days = new Int32Array(ENGINE_PAIRS);
for (let i = 0; i < ENGINE_PAIRS; i++) {
  arrivals[i] = from + Math.floor(random() * span);
  days[i] = 1 + Math.floor(random() * 30);
}

function walkDeadline(arrivedMs: number, n: number, isHoliday: (date: string) => boolean): { start: string; due: string } {
  const isClosed = (date: string): boolean => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const md = date.slice(5);
    return weekday === 0 || weekday === 6 || md >= '12-29' || md <= '01-03' || isHoliday(date);
  };
  const next = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  const japan = new Date(arrivedMs + JST_MS).toISOString();
  let start = japan.slice(0, 10);
  if (isClosed(start) || japan.slice(11, 19) >= '18:00:00') {
    do start = next(start);
    while (isClosed(start));
  }
  let due = start;
  for (let k = 0; k < n; k++) {
    do due = next(due);
    while (isClosed(due));
  }
  return { start, due };
}

const libraryIsHoliday = (date: string): boolean => holidayJp.isHoliday(date);
// Not the baseline, shown for scale: the same walk with the holiday table in a Set, i.e. what the index
// saves over a walk once the library's slow lookup is out of the way.
const holidaySet = new Set(Object.keys(holidayJp.holidays));
const setIsHoliday = (date: string): boolean => holidaySet.has(date);

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

let t = performance.now();
const calendar = defaultCalendar();
const buildMs = performance.now() - t;
t = performance.now();
buildCalendar({ closures: [{ date: '2027-06-01', reason: 'rebuild timing' }] });
const rebuildMs = performance.now() - t;

// Warm up the engine's JIT on a slice of the input.
let checksum = 0;
for (let i = 0; i < 100_000; i++) checksum += computeDeadline(calendar, arrivals[i] as number, days[i] as number).due.length;

t = performance.now();
for (let i = 0; i < ENGINE_PAIRS; i++) {
  const d = computeDeadline(calendar, arrivals[i] as number, days[i] as number);
  checksum += d.due.charCodeAt(9) + d.start.charCodeAt(9);
}
const engineMs = performance.now() - t;

let mismatches = 0;
t = performance.now();
for (let i = 0; i < BASELINE_PAIRS; i++) {
  const b = walkDeadline(arrivals[i] as number, days[i] as number, libraryIsHoliday);
  checksum += b.due.charCodeAt(9);
  const e = computeDeadline(calendar, arrivals[i] as number, days[i] as number);
  if (b.start !== e.start || b.due !== e.due) {
    mismatches++;
    if (mismatches <= 5) console.error(`MISMATCH ${new Date(arrivals[i] as number).toISOString()} N=${days[i]}: engine ${e.start}→${e.due}, baseline ${b.start}→${b.due}`);
  }
}
const baselineMs = performance.now() - t; // includes the engine calls for the comparison: negligible

const WALK_PAIRS = 200_000;
t = performance.now();
for (let i = 0; i < WALK_PAIRS; i++) checksum += walkDeadline(arrivals[i] as number, days[i] as number, setIsHoliday).due.length;
const walkOpsPerS = WALK_PAIRS / ((performance.now() - t) / 1000);

const opsPerS = ENGINE_PAIRS / (engineMs / 1000);
const baselineOpsPerS = BASELINE_PAIRS / (baselineMs / 1000);
const ratio = opsPerS / baselineOpsPerS;

console.log('calendar: due dates (day 0 + N business days), arrivals 2000–2049, N 1–30');
console.log(`  business-day index: built in ${buildMs.toFixed(1)} ms (national calendar + index), rebuilt for new desk rules in ${rebuildMs.toFixed(1)} ms`);
console.log(`  engine:   ${fmt(ENGINE_PAIRS)} pairs in ${engineMs.toFixed(0)} ms = ${fmt(opsPerS)} ops/s`);
console.log(
  `  baseline: ${fmt(BASELINE_PAIRS)} pairs (a sample of the same pairs) in ${baselineMs.toFixed(0)} ms = ${fmt(baselineOpsPerS)} ops/s, extrapolated to the full run (day-by-day walk, holiday_jp.isHoliday per date)`,
);
console.log(`  for scale: the same walk with holidays in a Set: ${fmt(walkOpsPerS)} ops/s (${fmt(WALK_PAIRS)} pairs) — the index is ${(opsPerS / walkOpsPerS).toFixed(0)}x that`);
console.log(`  agreement on the baseline sample: ${BASELINE_PAIRS - mismatches}/${BASELINE_PAIRS}`);
console.log(`  ratio engine/baseline: ${ratio.toFixed(0)}x   (checksum ${checksum})`);
if (mismatches > 0) process.exitCode = 1;
console.log(
  JSON.stringify({
    bench: 'calendar',
    ops_per_s: Math.round(opsPerS),
    baseline_ops_per_s: Math.round(baselineOpsPerS),
    ratio: Number(ratio.toFixed(1)),
    engine_pairs: ENGINE_PAIRS,
    baseline_pairs: BASELINE_PAIRS,
    baseline_extrapolated: true,
    mismatches,
  }),
);

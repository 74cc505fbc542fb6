// `desk calendar` as a child process: the output must not depend on the PC's time zone.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeDeadline, defaultCalendar } from '../../../electron/core/calendar/index.ts';
import { calendarCommand } from '../../../electron/cli/commands/calendar.ts';

const runner = fileURLToPath(new URL('../../support/run-calendar-cli.ts', import.meta.url));
const ZONES = ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a child process; async so the three time zones run side by side. */
function run(args: string[], options: { tz?: string; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...args], { env: { ...process.env, TZ: options.tz ?? 'Asia/Tokyo' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** The same command in this process, for checks where the time zone and process boundary do not matter. */
async function runHere(args: string[], input = ''): Promise<Run> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (b: Buffer) => out.push(b));
  stderr.on('data', (b: Buffer) => err.push(b));
  stdin.end(input);
  const code = await calendarCommand(args, { stdin, stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

const STREAM_INPUT = [
  { arrived: '2026-12-25T10:00:00+09:00', days: 5 },
  { arrived: '2026-05-02T02:00:00Z', days: 3 },
  { arrived: '2026-11-25T09:30:00Z', days: 10 },
  { arrived: '2026-12-28T08:59:59Z', days: 1 },
  { arrived: '2026-12-28T01:00:00-08:00', days: 1 },
  { arrived: '2026-12-31T20:00:00-10:00', days: 2 },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

describe('calendar CLI in any time zone', () => {
  it('really runs the child in the requested zone', () => {
    const offsets = ZONES.map((tz) => {
      const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(Date.UTC(2026, 11, 25)).getTimezoneOffset()))'], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      return r.stdout;
    });
    expect(offsets).toEqual(['-540', '480', '-840']);
  });

  it.each([
    [['closed', '2026', '--json']],
    [['closed', '2027']],
    [['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days', '5', '--json']],
    [['due', '--arrived', '2026-12-28T08:59:59Z', '--days', '1', '--json']],
    [['due', '--json']],
  ])('prints the same for %j in Tokyo, Los Angeles and Kiritimati', async (args) => {
    const results = await Promise.all(ZONES.map((tz) => run(args, { tz, input: STREAM_INPUT })));
    expect(results[0]?.code).toBe(0);
    expect(results[0]?.stdout.length).toBeGreaterThan(0);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('prints the worked examples and the closing-time edge', async () => {
    expect(JSON.parse((await run(['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days', '5', '--json'])).stdout)).toEqual({
      start: '2026-12-25',
      due: '2027-01-07',
      provisional: false,
    });
    const lines = (await run(['due', '--json'], { tz: 'America/Los_Angeles', input: STREAM_INPUT })).stdout.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { start: '2026-12-25', due: '2027-01-07', provisional: false },
      { start: '2026-05-07', due: '2026-05-12', provisional: false },
      { start: '2026-11-26', due: '2026-12-10', provisional: false },
      { start: '2026-12-28', due: '2027-01-04', provisional: false }, // 17:59:59 in Japan
      { start: '2027-01-04', due: '2027-01-05', provisional: false }, // 18:00:00 in Japan
      { start: '2027-01-04', due: '2027-01-06', provisional: false }, // Jan 1 in Japan
    ]);
  });

  it('lists closed days as documented', async () => {
    const days = JSON.parse((await run(['closed', '2026', '--json'], { tz: 'Pacific/Kiritimati' })).stdout) as Record<string, unknown>[];
    expect(days[0]).toEqual({ date: '2026-01-01', reason_ja: '元日', reason_en: "New Year's Day", kind: 'holiday', provisional: false });
    expect(days.find((d) => d.date === '2026-09-22')).toMatchObject({ kind: 'holiday', reason_ja: '休日' });
    expect(days.find((d) => d.date === '2026-12-29')).toMatchObject({ kind: 'year-end' });
    expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date as string).sort());
    const provisional = JSON.parse((await run(['closed', '2032', '--json'])).stdout) as { date: string; provisional: boolean }[];
    expect(provisional.filter((d) => d.provisional).map((d) => d.date)).toEqual(['2032-03-20', '2032-09-21', '2032-09-22']);
  });

  it('takes desk rules from --rules, and refuses --rules together with --data-dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-cli-'));
    const rulesFile = join(dir, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify({ closures: [{ date: '2026-12-01', reason: '社内研修', reasonEn: 'Staff training' }] }));
    const days = JSON.parse((await run(['closed', '2026', '--json', '--rules', rulesFile])).stdout) as Record<string, unknown>[];
    expect(days.find((d) => d.date === '2026-12-01')).toEqual({
      date: '2026-12-01',
      reason_ja: '社内研修',
      reason_en: 'Staff training',
      kind: 'desk',
      provisional: false,
    });
    expect(JSON.parse((await run(['due', '--arrived', '2026-11-30T10:00:00+09:00', '--days', '1', '--json', '--rules', rulesFile])).stdout)).toEqual({
      start: '2026-11-30',
      due: '2026-12-02',
      provisional: false,
    });
    const both = await runHere(['closed', '2026', '--data-dir', dir, '--rules', rulesFile]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --data-dir\/--database-url or --rules, not both/);
  });
});

describe('calendar CLI input errors', () => {
  it.each([
    [['due', '--arrived', '2026-12-25T10:00:00', '--days', '5', '--json'], /no UTC offset/],
    [['due', '--arrived', '2026-02-30T10:00:00+09:00', '--days', '5', '--json'], /does not exist/],
    [['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days=-1', '--json'], /whole number/],
    [['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days', '1.5', '--json'], /whole number/],
    [['due', '--arrived', '2026-12-25T10:00:00+09:00', '--json'], /--days N or --type/],
    [['closed', '1999', '--json'], /2000 to 2100/],
    [['closed', 'next', '--json'], /four digits/],
    [['due', '--frobnicate'], /Unknown option/],
  ])('%j is refused with one line on stderr', async (args, reason) => {
    const r = await runHere(args);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits non-zero as a process, with the reason on stderr', async () => {
    const r = await run(['due', '--arrived', '2026-02-30T10:00:00+09:00', '--days', '5', '--json']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^calendar due: --arrived 2026-02-30T10:00:00\+09:00 names a date that does not exist/) });
  });

  it('reports bad stdin lines in place, carries on, and exits 1', async () => {
    const input = [
      '{"arrived":"2026-12-25T10:00:00+09:00","days":5}',
      '{"arrived":"2026-12-25T10:00:00","days":5}',
      'not json',
      '',
      '{"arrived":"2026-12-25T10:00:00+09:00","days":-1}',
      '{"arrived":"2026-12-25T10:00:00+09:00","days":"5"}',
      '{"arrived":"2026-12-25T10:00:00+09:00","days":1}',
    ].join('\n');
    const r = await runHere(['due', '--json'], input);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { error?: string });
    // The blank line 4 is skipped (no output line); errors keep their physical line numbers.
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual({ start: '2026-12-25', due: '2027-01-07', provisional: false });
    expect(out.slice(1, 5).map((o) => o.error?.slice(0, 7))).toEqual(['line 2:', 'line 3:', 'line 5:', 'line 6:']);
    expect(out[1]?.error).toMatch(/no UTC offset/);
    expect(out[5]).toEqual({ start: '2026-12-25', due: '2026-12-28', provisional: false });
    expect(r.stderr).toMatch(/4 of 7 lines rejected/);
  });

  it('--days -1 gets the same message as --days=-1 (issue 11, item 9)', async () => {
    const joined = await runHere(['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days=-1', '--json']);
    const spaced = await runHere(['due', '--arrived', '2026-12-25T10:00:00+09:00', '--days', '-1', '--json']);
    expect(spaced).toEqual(joined);
    expect(spaced.stderr).toMatch(/whole number of business days, 0 or more, not "-1"/);
  });

  it('accepts a UTF-8 BOM and blank lines on stdin, and says provisional on every line (issue 11, item 9)', async () => {
    const input = '\uFEFF{"arrived":"2028-09-19T10:00:00+09:00","days":5}\r\n\r\n{"arrived":"2032-03-22T10:00:00+09:00","days":5}\n\n{"arrived":"2026-12-01T10:00:00+09:00","days":10}\n';
    const r = await runHere(['due', '--json'], input);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { start: '2028-09-19', due: '2028-09-27', provisional: true },
      // 2032's vernal equinox is computed for Sat 03-20; announced as Sun 03-21, Mon 03-22 would be its substitute.
      { start: '2032-03-22', due: '2032-03-29', provisional: true },
      { start: '2026-12-01', due: '2026-12-15', provisional: false },
    ]);
    const one = await runHere(['due', '--arrived', '2028-09-19T10:00:00+09:00', '--days', '5', '--json']);
    expect(JSON.parse(one.stdout)).toEqual({ start: '2028-09-19', due: '2028-09-27', provisional: true });
  });

  it('streams a large input in order', async () => {
    const cal = defaultCalendar();
    const base = Date.parse('2026-01-01T00:00:00Z');
    const requests = Array.from({ length: 50_000 }, (_, i) => ({
      arrived: new Date(base + i * 7_777_777).toISOString(),
      days: i % 30,
    }));
    const r = await run(['due'], { input: requests.map((q) => JSON.stringify(q)).join('\n') + '\n' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(requests.length);
    for (const i of [0, 1, 4_999, 33_333, 49_999]) {
      const q = requests[i] as { arrived: string; days: number };
      const d = computeDeadline(cal, q.arrived, q.days);
      expect(JSON.parse(lines[i] as string)).toEqual({ start: d.start, due: d.due, provisional: d.provisional });
    }
  });

  it('has --help for each command', async () => {
    const cases = [
      [['--help'], /Usage: npm run desk -- calendar <command>/],
      [['closed', '--help'], /Usage: npm run desk -- calendar closed YEAR/],
      [['due', '--help'], /Usage: npm run desk -- calendar due --arrived/],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => runHere([...args])));
    results.forEach((r, i) => {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(cases[i]?.[1] as RegExp);
    });
  });
});

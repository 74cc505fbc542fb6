// "IT staff import a spreadsheet of requests and export every case from the command line: every problem
// is listed by line and column, nothing is half-imported, and what is exported is what was imported."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { unlockDirect } from '../../support/tables.ts';
import { csvOf, sampleRow, type ImportRow } from '../../support/import-file.ts';
import { REPO, runCli } from '../../support/run-cli.ts';
import { lockDesk } from '../../../electron/core/vault/vault.ts';
import { verifyAudit } from '../../../electron/core/audit/audit-log.ts';
import { parseCsv } from '../../../electron/core/cases/csv.ts';
import { normaliseKana } from '../../../electron/core/cases/normalize.ts';
import type { ExportRow } from '../../../electron/core/cases/export.ts';

const PW = SUPERVISOR.password;
let dir: { path: string; remove(): void };
let files: { path: string; remove(): void };
const desk = () => ['--data-dir', dir.path, '--user', SUPERVISOR.username];
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

function file(name: string, content: string | Uint8Array): string {
  const p = join(files.path, name);
  writeFileSync(p, content);
  return p;
}

async function cases(): Promise<number> {
  const d = await unlockDirect(dir.path);
  try {
    return Number((await d.store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  } finally {
    await lockDesk(d);
  }
}

beforeAll(async () => {
  dir = tempDir('pd-cli-import-');
  files = tempDir('pd-cli-files-');
  const { rt } = await newDesk(dir.path);
  await rt.close();
});
afterAll(() => {
  dir.remove();
  files.remove();
});

const imported: ImportRow[] = [
  { ...sampleRow(0, yesterday), text: '登録住所を訂正してください。\r\n旧: 東京都新宿区\r\n新: 大阪府大阪市, "梅田"' },
  { ...sampleRow(1, yesterday), email: 'ｌａｎ．ｎｇｕｙｅｎ＠ｅｘａｍｐｌｅ．ｊｐ', kind: 'stop-use;stop-third-party', type: 'suspension' },
  ...Array.from({ length: 4 }, (_, i) => sampleRow(i + 2, yesterday)),
];

describe('desk import', () => {
  it('refuses a file with errors: every row listed with its line and column, nothing imported (exit 1)', async () => {
    const rows = [
      { ...sampleRow(0, yesterday), text: 'three\nphysical\nlines' }, // lines 2-4
      { ...sampleRow(1, yesterday), email: 'not-an-email' }, // line 5
      { ...sampleRow(2, yesterday), arrived: new Date(Date.now() + 7 * 86_400_000).toISOString() }, // line 6: future
      { ...sampleRow(3, yesterday), text: 'x'.repeat(5 * 1024 * 1024) }, // line 7: 5 MB
      { ...sampleRow(4, yesterday), type: 'deletion' }, // line 8
    ];
    const r = await runCli(['import', file('bad.csv', csvOf(rows)), ...desk()], PW);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'bad.csv: line 5, email: This is not a valid email address (e.g. taro@example.co.jp).',
      expect.stringMatching(/^bad\.csv: line 6, arrived: The arrival time .* is in the future\./),
      'bad.csv: line 7, text: At most 100000 characters.',
      'bad.csv: line 8, type: "deletion" is not one of disclosure, correction, suspension, inquiry, complaint.',
    ]);
    expect(r.stdout).toBe('4 of 5 rows have errors (listed above); nothing was imported. Fix them and import again, or use --skip-invalid to import the 1 valid row.\n');
    expect(await cases()).toBe(0);
  });

  it('refuses an unreadable file, a wrong header or an empty file in one line (exit 1); usage errors exit 2', async () => {
    // Independent runs: started together to keep the suite quick.
    // Line 2 holds a byte that is neither UTF-8 nor Shift_JIS (0xFF after 山田 in Shift_JIS).
    const sjis = new Uint8Array([...new TextEncoder().encode('type,name\r\n'), 0x8e, 0x52, 0x93, 0x63, 0xff, 0x0d, 0x0a]);
    const wrongHeader = csvOf([sampleRow(0, yesterday)], { header: ['type', 'kind', 'arrived', 'name', 'kana', 'mail', 'address', 'requester', 'requester_name', 'text'] });
    const [help, noFile, shiftJis, wrongColumn, empty, noFormat, badFormat] = await Promise.all([
      runCli(['import', '--help']),
      runCli(['import', ...desk()], PW),
      runCli(['import', file('shift-jis.csv', sjis), ...desk()], PW),
      runCli(['import', file('wrong-column.csv', wrongHeader), ...desk()], PW),
      runCli(['import', file('empty.csv', ''), ...desk()], PW),
      runCli(['export', ...desk()], PW),
      runCli(['export', ...desk(), '--format', 'xlsx'], PW),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run desk -- import FILE.csv/);
    for (const col of ['type', 'kind', 'arrived', 'name', 'kana', 'email', 'address', 'requester', 'text', 'stop-third-party', 'CSV UTF-8']) expect(help.stdout).toContain(col);
    for (const [r, message] of [
      [shiftJis, /^shift-jis\.csv: Line 2 holds bytes that are neither UTF-8 nor Shift_JIS \(CP932\)/],
      [wrongColumn, /^wrong-column\.csv: Unknown column "mail" in the header on line 1\./],
      [empty, /^empty\.csv: The file is empty\. Nothing was imported\./],
    ] as const) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect([noFile.code, noFormat.code, badFormat.code]).toEqual([2, 2, 2]);
    expect(badFormat.stderr).toMatch(/--format must be csv or json, not "xlsx"/);
  });

  it('--skip-invalid imports the valid rows and lists the rest', async () => {
    const rows = [sampleRow(10, yesterday), { ...sampleRow(11, yesterday), requester: 'friend' }, sampleRow(12, yesterday)];
    const r = await runCli(['import', file('some-bad.csv', csvOf(rows)), ...desk(), '--skip-invalid'], PW);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('some-bad.csv: line 3, requester: "friend" is not one of member, representative, agent.\n');
    expect(r.stdout).toBe('2 imported (references from PD-2026-00001 to PD-2026-00002), 1 skipped (lines 3).\n');
    expect(await cases()).toBe(2);
  });

  it('imports an Excel file (BOM, CRLF, quoted multi-line text, full-width email) and exports it back as CSV and JSON', async () => {
    const r = await runCli(['import', file('excel.csv', csvOf(imported)), ...desk()], PW);
    // Two rows are the same members and types as the two imported just before: warned about, still imported.
    expect(r).toMatchObject({ code: 0, stdout: '6 imported (references from PD-2026-00003 to PD-2026-00008), 0 skipped, 2 possible duplicates imported (listed above).\n' });
    expect(r.stderr.match(/warning: duplicates open case PD-2026-0000[12]/g)).toHaveLength(2);

    const csv = await runCli(['export', ...desk(), '--format', 'csv'], PW);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\uFEFFreference,type,kinds,status,member_name,member_kana,member_email,arrived,day_zero,due_date,')).toBe(true);
    expect(csv.stdout.split('\r\n')).toHaveLength(1 + 8 + 1); // header, 8 cases, after the final CRLF
    const [header, ...records] = parseCsv(csv.stdout.slice(1)).map((r) => r.fields);
    const rows = records.map((f) => Object.fromEntries(header!.map((h, i) => [h, f[i]!])));
    const json = await runCli(['export', ...desk(), '--format', 'json'], PW);
    const objects = JSON.parse(json.stdout) as ExportRow[];
    expect(objects).toHaveLength(8);

    for (const [i, input] of imported.entries()) {
      const out = rows[i + 2]!;
      const obj = objects[i + 2]!;
      const kinds = input.kind ? input.kind.split(';').map((k) => k.replace(/-/g, '_')) : [];
      expect(out).toMatchObject({ reference: `PD-2026-0000${i + 3}`, type: input.type, status: 'received', member_name: input.name, member_kana: normaliseKana(input.kana!), kinds: kinds.join(';') });
      expect(out.member_email).toBe(input.email!.normalize('NFKC'));
      expect(Date.parse(out.arrived!)).toBe(Date.parse(input.arrived!));
      expect(out.arrived).toMatch(/\+09:00$/);
      expect(obj).toMatchObject({ reference: out.reference, kinds, member_email: out.member_email, arrived: out.arrived, due_date: out.due_date, outcome: null, grounds: [] });
    }

    // Both exports were recorded, with the count; the chain still holds.
    const d = await unlockDirect(dir.path);
    try {
      const rows = await d.store.db.selectFrom('audit_log').select(['actor', 'detail']).where('action', '=', 'case.export').execute();
      expect(rows.map((r) => [r.actor, JSON.parse(r.detail)])).toEqual([
        [SUPERVISOR.username, { count: 8, format: 'csv' }],
        [SUPERVISOR.username, { count: 8, format: 'json' }],
      ]);
      expect(await verifyAudit(d.store.db)).toMatchObject({ ok: true });
    } finally {
      await lockDesk(d);
    }
  });

  it('a crash in the middle of a big import leaves no case behind', async () => {
    const before = await cases();
    const path = file('big.csv', csvOf(Array.from({ length: 3000 }, (_, i) => sampleRow(i, yesterday))));
    const child = spawn(process.execPath, ['electron/cli/main.ts', 'import', path, ...desk()], { cwd: REPO, env: { ...process.env, PRIVACY_DESK_PASSWORD: PW }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    // Killed as soon as it says 1,000 cases are written (inside the open transaction).
    await new Promise<void>((ok, fail) => {
      let err = ''; // chunks may split a line: look in all that was written so far
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        if (err.includes('1000 of 3000')) ok();
      });
      child.on('exit', () => fail(new Error('the import finished before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('exit', ok));
    expect(await cases()).toBe(before);
    const d = await unlockDirect(dir.path);
    try {
      expect(await verifyAudit(d.store.db)).toMatchObject({ ok: true });
    } finally {
      await lockDesk(d);
    }
  });
});

describe('desk export writes a private file and says it is not encrypted', () => {
  it('--out FILE: mode 0600 (an existing wider file is replaced, not reused), the same rows as stdout, "NOT ENCRYPTED" on stderr', async () => {
    const out = join(files.path, 'cases-out.csv');
    writeFileSync(out, 'old contents', { mode: 0o644 });
    chmodSync(out, 0o644);
    const r = await runCli(['export', ...desk(), '--format', 'csv', '--out', out], PW);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFreference,type,')).toBe(true);
    expect(r.stderr).toMatch(/exported to .*cases-out\.csv\.\nTHE FILE IS NOT ENCRYPTED: it holds personal information in plain text\./);
  });

  it('stdout redirected to a file the shell made 0644: narrowed to 0600; the warning on stderr', async () => {
    const out = join(files.path, 'cases-redirected.json');
    const fd = openSync(out, 'w', 0o644);
    chmodSync(out, 0o644);
    try {
      const child = spawn(process.execPath, ['electron/cli/main.ts', 'export', ...desk(), '--format', 'json'], { cwd: REPO, env: { ...process.env, PRIVACY_DESK_PASSWORD: PW }, stdio: ['pipe', fd, 'pipe'] });
      child.stdin!.end();
      let err = '';
      child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
      const code = await new Promise<number | null>((ok) => child.on('exit', ok));
      expect(code).toBe(0);
      expect(err).toContain('THE FILE IS NOT ENCRYPTED');
    } finally {
      closeSync(fd);
    }
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(Array.isArray(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });
});

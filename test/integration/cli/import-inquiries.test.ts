// "`desk import` accepts inquiries and complaints (kind optional); `desk export --format json` gives each its
// type and its reply-by date as due_date, with a field saying it is a target, counted with the desk's own
// closed days" (issue 19).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { csvOf, sampleRow } from '../../support/import-file.ts';
import { runCli } from '../../support/run-cli.ts';
import type { ExportRow } from '../../../electron/core/cases/export.ts';

let dir: { path: string; remove(): void };
const desk = () => ['--data-dir', dir.path, '--user', SUPERVISOR.username];

beforeAll(async () => {
  dir = tempDir('pd-cli-inquiries-');
  const { rt } = await newDesk(dir.path);
  // The desk closes on Thu 2026-11-26 (a training day): reply targets skip it.
  value(await rt.dispatch('calendar.setDay', { date: '2026-11-26', kind: 'closed', reason: '社内研修', reasonEn: 'Staff training' }));
  await rt.close();
}, 120_000);
afterAll(() => dir.remove());

describe('desk import and export of inquiries and complaints', () => {
  it('imports the two types with or without a kind and exports their reply target as due_date', async () => {
    const rows = [
      { ...sampleRow(0), type: 'inquiry', kind: '', arrived: '2026-11-25T10:00+09:00', text: '出身国の情報は何に使われますか。' },
      { ...sampleRow(1), type: 'complaint', kind: 'decision', arrived: '2025-12-25T10:00+09:00', text: '決定に納得できません。' },
      { ...sampleRow(2), type: 'inquiry', kind: 'how-to-request', arrived: '2026-11-25T18:30+09:00', text: '開示の請求方法を教えてください。' },
      { ...sampleRow(3), arrived: '2026-11-25T10:00+09:00' },
    ];
    const path = join(dir.path, 'mixed.csv');
    writeFileSync(path, csvOf(rows));
    const imported = await runCli(['import', path, ...desk()], SUPERVISOR.password);
    expect(imported.stderr).toBe('');
    expect(imported).toMatchObject({ code: 0, stdout: '4 imported (references PD-2025-00001; from PD-2026-00001 to PD-2026-00003), 0 skipped.\n' });

    const json = await runCli(['export', ...desk(), '--format', 'json'], SUPERVISOR.password);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as ExportRow[];
    expect(out.map((r) => [r.type, r.kinds, r.day_zero, r.due_date, r.due_is_target])).toEqual([
      // Wed 11-25 10:00: 3 business days, skipping the desk's closure on Thu 11-26 → Tue 12-01.
      ['inquiry', [], '2026-11-25', '2026-12-01', true],
      // Thu 2025-12-25: 5 business days across Dec 29 – Jan 3 → Thu 2026-01-08.
      ['complaint', ['decision'], '2025-12-25', '2026-01-08', true],
      // After closing on Wed 11-25: day 0 is the next business day, Fri 11-27 (the 26th is closed).
      ['inquiry', ['how_to_request'], '2026-11-27', '2026-12-02', true],
      // A request keeps its legal deadline (10 business days) and says so.
      ['disclosure', [], '2026-11-25', '2026-12-10', false],
    ]);
    const csv = await runCli(['export', ...desk(), '--format', 'csv'], SUPERVISOR.password);
    expect(csv.stdout.split('\r\n')[0]).toContain(',due_date,due_is_target,converted_from,');
    expect(csv.stdout).toContain(',2026-12-01,true,,');
  }, 180_000);

  it('refuses a kind the type does not have, naming the row and column', async () => {
    const path = join(dir.path, 'bad.csv');
    writeFileSync(path, csvOf([{ ...sampleRow(0), type: 'complaint', kind: 'records', arrived: '2026-11-25T10:00+09:00' }]));
    const r = await runCli(['import', path, ...desk()], SUPERVISOR.password);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2, kind/);
  }, 120_000);
});

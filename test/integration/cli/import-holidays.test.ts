// `npm run desk -- calendar import-holidays FILE` (issue 11 item 8): the differences first, the import
// with --yes, and the desk's own `calendar due` then certain for the imported year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, SUPERVISOR, tempDir } from '../../support/desk.ts';
import { cabinetOfficeDays, syukujitsuBytes } from '../../support/holiday-file.ts';

const dir = tempDir();
const files = tempDir();
// 2028 as a future announcement might have it: 秋分の日 on 9/21 instead of the formula's 9/22.
const announced = cabinetOfficeDays(2026, 2028)
  .filter((d) => d.date !== '2028-09-22')
  .concat([{ date: '2028-09-21', name: '秋分の日' }]);
const good = join(files.path, 'syukujitsu.csv');
const bad = join(files.path, 'other.csv');

beforeAll(async () => {
  const { rt } = await newDesk(dir.path);
  await rt.close();
  writeFileSync(good, syukujitsuBytes(announced));
  writeFileSync(bad, '日付,名前\r\n2028/1/1,元日\r\n');
});
afterAll(() => {
  dir.remove();
  files.remove();
});

const desk = (args: string[]) =>
  spawnSync(process.execPath, ['electron/cli/main.ts', 'calendar', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PRIVACY_DESK_PASSWORD: SUPERVISOR.password, TZ: 'America/Los_Angeles' },
  });
const onDesk = ['--data-dir', dir.path, '--user', SUPERVISOR.username];

describe('calendar import-holidays', () => {
  it('shows the differences and imports only with --yes; the imported year is no longer provisional', () => {
    const due = () => JSON.parse(desk(['due', '--arrived', '2028-09-20T12:00:00+09:00', '--days', '1', '--json', ...onDesk]).stdout) as { due: string; provisional: boolean };
    expect(due()).toEqual({ start: '2028-09-20', due: '2028-09-21', provisional: true });

    const preview = desk(['import-holidays', good, ...onDesk]);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('Read as Shift_JIS (CP932): 2026–2028');
    expect(preview.stdout).toContain('+ 2028-09-21 秋分の日');
    expect(preview.stdout).toContain('- 2028-09-22 秋分の日');
    expect(preview.stdout).toContain('run again with --yes');
    expect(due().provisional).toBe(true);

    const done = desk(['import-holidays', good, '--yes', ...onDesk]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('Imported.');
    expect(due()).toEqual({ start: '2028-09-20', due: '2028-09-22', provisional: false });
  });

  it('refuses a file that is not the list with its reason, and exit 1', () => {
    const r = desk(['import-holidays', bad, '--yes', ...onDesk]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("not the Cabinet Office's holiday list");
    expect(r.stderr).toContain('found: 日付, 名前');
  });

  it('compares with the built-in holidays without a desk, and --yes without a desk is a usage error', () => {
    const r = desk(['import-holidays', good, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ years: [2026, 2027, 2028], added: [{ date: '2028-09-21' }], removed: [{ date: '2028-09-22' }] });
    expect(desk(['import-holidays', good, '--yes']).status).toBe(2);
    expect(desk(['import-holidays', '--help']).stdout).toContain('Usage: npm run desk -- calendar import-holidays FILE');
  });
});

// `desk calendar … --data-dir`: the desk's own closures and business hours, as the desk itself uses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';

const dir = tempDir();
beforeAll(async () => {
  const { rt } = await newDesk(dir.path);
  value(await rt.call('calendar.setDay', { date: '2026-12-28', kind: 'closed', reason: '大掃除', reasonEn: 'Office cleaning' }));
  value(await rt.call('calendar.setDay', { date: '2026-11-28', kind: 'open', reason: '土曜特別窓口', reasonEn: 'Saturday opening' }));
  value(await rt.call('settings.update', { businessHours: { open: '09:00', close: '17:00' } }));
  await rt.close();
});
afterAll(() => dir.remove());

const desk = (args: string[], password = SUPERVISOR.password) =>
  spawnSync(process.execPath, ['electron/cli/main.ts', 'calendar', ...args, '--data-dir', dir.path, '--user', SUPERVISOR.username], {
    encoding: 'utf8',
    env: { ...process.env, PRIVACY_DESK_PASSWORD: password, TZ: 'America/Los_Angeles' },
  });

describe('calendar with --data-dir', () => {
  it("lists the desk's own closures and leaves out its open days", () => {
    const r = desk(['closed', '2026', '--json']);
    expect(r.status).toBe(0);
    const days = JSON.parse(r.stdout) as Array<{ date: string; kind: string; reason_en: string }>;
    expect(days.find((d) => d.date === '2026-12-28')).toMatchObject({ kind: 'desk', reason_en: 'Office cleaning' });
    expect(days.find((d) => d.date === '2026-11-28')).toBeUndefined();
  });

  it("uses the desk's business hours for day 0", () => {
    // 17:30 is after this desk's 17:00 closing: day 0 is the next business day, the desk's open Saturday.
    const r = desk(['due', '--arrived', '2026-11-27T17:30:00+09:00', '--days', '1', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ start: '2026-11-28', due: '2026-11-30', provisional: false });
  });

  it('a wrong password exits non-zero with one line', () => {
    const r = desk(['closed', '2026', '--json'], 'not the password');
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

// syukujitsu.csv as the Cabinet Office publishes it: Shift_JIS, CRLF, header 国民の祝日・休日月日,国民の祝日・休日名称,
// dates written 2027/3/21, every 振替休日 and 国民の休日 named just 休日. Built from the law for the years
// asked (plus a few of the list's 1955 rows), so a test can then change, add or drop single days.
import { formatDay, lawHolidays } from '../../electron/core/calendar/index.ts';
import { toCp932 } from './cp932.ts';

export interface FileDay {
  date: string;
  name: string;
}

export function cabinetOfficeDays(fromYear: number, toYear: number): FileDay[] {
  const days: FileDay[] = [
    { date: '1955-01-01', name: '元日' },
    { date: '1955-01-15', name: '成人の日' },
  ];
  for (let y = fromYear; y <= toYear; y++) {
    for (const h of lawHolidays(y)) {
      days.push({ date: formatDay(h.day), name: h.kind === 'substitute' || h.kind === 'citizens' ? '休日' : h.nameJa });
    }
  }
  return days;
}

const slashed = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}/${m}/${d}`;
};

export function syukujitsuText(days: FileDay[]): string {
  return ['国民の祝日・休日月日,国民の祝日・休日名称', ...days.map((d) => `${slashed(d.date)},${d.name}`)].join('\r\n') + '\r\n';
}

export const syukujitsuBytes = (days: FileDay[]): Uint8Array => toCp932(syukujitsuText(days));
export const syukujitsuBase64 = (days: FileDay[]): string => Buffer.from(syukujitsuBytes(days)).toString('base64');

// An independent, deliberately slow statement of the deadline rule for the tests to compare against:
// it walks day by day with Date in UTC (+9 h for Japan) and shares nothing with the engine's index
// except the list of national holidays (which holidays.test.ts checks on its own).
import { nationalHolidays, type DeskCalendarRules } from '../../../electron/core/calendar/index.ts';

const holidaySet = new Map<number, Set<string>>();

function isHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = holidaySet.get(year);
  if (!set) holidaySet.set(year, (set = new Set(nationalHolidays(year).map((h) => h.date))));
  return set.has(date);
}

export function naiveIsClosed(date: string, rules: Partial<DeskCalendarRules> = {}): boolean {
  if (rules.openDays?.some((d) => d.date === date)) return false;
  if (rules.closures?.some((d) => d.date === date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const md = date.slice(5);
  return weekday === 0 || weekday === 6 || md >= '12-29' || md <= '01-03' || isHoliday(date);
}

export function naiveNextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function naiveDeadline(
  arrivedMs: number,
  days: number,
  rules: Partial<DeskCalendarRules> = {},
): { start: string; due: string } {
  const japan = new Date(arrivedMs + 9 * 3_600_000).toISOString();
  const close = `${rules.businessHours?.close ?? '18:00'}:00.000`;
  let start = japan.slice(0, 10);
  if (naiveIsClosed(start, rules) || japan.slice(11, 23) >= close) {
    do start = naiveNextDay(start);
    while (naiveIsClosed(start, rules));
  }
  let due = start;
  for (let n = 0; n < days; n++) {
    do due = naiveNextDay(due);
    while (naiveIsClosed(due, rules));
  }
  return { start, due };
}

// A report period in Japan dates, as the instants the database compares: arrivals and notices are stored
// as UTC ISO strings, so "January in Japan" is [Jan 1 00:00 +09:00, Feb 1 00:00 +09:00) in UTC — the same
// whatever time zone the PC is set to.
import type { ReportPeriod } from '../../contract/reports.ts';
import { addCalendarDays, japanMidnightMs } from '../calendar/index.ts';

export interface PeriodBounds {
  /** First instant of the period (inclusive), UTC ISO. */
  start: string;
  /** First instant after it (exclusive), UTC ISO. */
  end: string;
}

export function periodBounds(p: ReportPeriod): PeriodBounds {
  return {
    start: new Date(japanMidnightMs(p.from)).toISOString(),
    end: new Date(japanMidnightMs(addCalendarDays(p.to, 1))).toISOString(),
  };
}

export const inPeriod = (iso: string | null, b: PeriodBounds): boolean => iso !== null && iso >= b.start && iso < b.end;

/** The months (YYYY-MM) the period touches, in order. */
export function monthsOf(p: ReportPeriod): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

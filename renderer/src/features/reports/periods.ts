// The report periods a supervisor picks, as Japan dates (both ends included): a month, a quarter, the
// fiscal year (April to March, as Japanese companies keep it), the calendar year, or any two dates.
export const periodKinds = ['month', 'quarter', 'fiscal', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const span = (y1: number, m1: number, y2: number, m2: number): Period => ({ from: `${y1}-${pad(m1)}-01`, to: `${y2}-${pad(m2)}-${pad(lastDay(y2, m2))}` });

/** The period of `kind` that contains the Japan date `day`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (kind) {
    case 'month':
      return span(y, m, y, m);
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return span(y, q, y, q + 2);
    }
    case 'fiscal':
      return m >= 4 ? span(y, 4, y + 1, 3) : span(y - 1, 4, y, 3);
    case 'year':
      return span(y, 1, y, 12);
  }
}

/** One month (YYYY-MM) of a period, cut to the period: the cases behind one monthly bar of its chart. */
export function monthWithin(p: Period, month: string): Period {
  const m = periodContaining('month', `${month}-01`);
  return { from: m.from > p.from ? m.from : p.from, to: m.to < p.to ? m.to : p.to };
}

/** The period of the same kind just before (-1) or after (+1). */
export function shiftPeriod(kind: Exclude<PeriodKind, 'custom'>, p: Period, step: -1 | 1): Period {
  if (step === -1) {
    const d = new Date(`${p.from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return periodContaining(kind, d.toISOString().slice(0, 10));
  }
  const d = new Date(`${p.to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return periodContaining(kind, d.toISOString().slice(0, 10));
}

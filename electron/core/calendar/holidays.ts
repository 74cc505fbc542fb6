// Japan's national holidays for a year: from the maintained data set (@holiday-jp/holiday_jp, which
// tracks law changes and announced equinoxes) for the years it covers, from the Act's rules
// (holiday-law.ts) beyond them. Only the data set's table is read — its isHoliday()/between() format
// dates with the PC's local time zone, which is exactly what this engine must not depend on.
import holidayJp from '@holiday-jp/holiday_jp';
import { formatDay, parseIsoDate, type IsoDate } from './japan-date.ts';
import { isEquinoxProvisional, lawHolidays, type HolidayKind } from './holiday-law.ts';
import { assertSupportedYear } from './range.ts';

export interface Holiday {
  date: IsoDate;
  nameJa: string;
  nameEn: string;
  kind: HolidayKind;
  /** Depends on an equinox the government has not announced yet. */
  provisional: boolean;
  /** cabinet_office: imported by a supervisor from the Cabinet Office's list (holiday-file.ts). */
  source: 'holiday_jp' | 'law' | 'cabinet_office';
}

interface DataSetEntry {
  date: string;
  name: string;
  name_en: string;
}

const dataSet = holidayJp.holidays as Readonly<Record<string, DataSetEntry>>;

const byYear = new Map<number, DataSetEntry[]>();
for (const key of Object.keys(dataSet).sort()) {
  const year = Number(key.slice(0, 4));
  const entry = dataSet[key];
  if (!entry) continue;
  let list = byYear.get(year);
  if (!list) byYear.set(year, (list = []));
  list.push(entry);
}

/** The years the holiday data set covers (1970–2050 in @holiday-jp/holiday_jp 2.5.1). */
export const HOLIDAY_DATA_YEARS: { readonly first: number; readonly last: number } = Object.freeze({
  first: Math.min(...byYear.keys()),
  last: Math.max(...byYear.keys()),
});

export const HOLIDAY_DATA_VERSION: string = holidayJp.VERSION;

const ONE_OFF_NAMES = new Set(['大喪の礼', '即位礼正殿の儀', '結婚の儀']);

function kindOfDataSetName(name: string): HolidayKind {
  if (name.includes('振替休日')) return 'substitute';
  if (name === '休日') return 'citizens';
  // "休日（祝日扱い）" is the data set's label for the 2019 days the special act counts as 国民の祝日.
  if (name.startsWith('休日') || ONE_OFF_NAMES.has(name)) return 'special';
  return 'national';
}

const isEquinoxName = (name: string): boolean => name.startsWith('春分の日') || name.startsWith('秋分の日');

/** The data set's holidays for `year` in date order, or null when it does not cover that year. */
export function dataSetHolidays(year: number): Holiday[] | null {
  const entries = byYear.get(year);
  if (!entries) return null;
  const provisionalYear = isEquinoxProvisional(year);
  const equinoxDays = new Set(entries.filter((e) => isEquinoxName(e.name)).map((e) => parseIsoDate(e.date)));
  return entries.map((e) => {
    const kind = kindOfDataSetName(e.name);
    const day = parseIsoDate(e.date);
    const dependsOnEquinox =
      isEquinoxName(e.name) || (kind === 'citizens' && (equinoxDays.has(day - 1) || equinoxDays.has(day + 1)));
    return {
      date: e.date,
      nameJa: e.name,
      nameEn: e.name_en,
      kind,
      provisional: provisionalYear && dependsOnEquinox,
      source: 'holiday_jp' as const,
    };
  });
}

const cache = new Map<number, readonly Holiday[]>();

function fromLaw(year: number): Holiday[] {
  return lawHolidays(year).map((h) => ({
    date: formatDay(h.day),
    nameJa: h.nameJa,
    nameEn: h.nameEn,
    kind: h.kind,
    provisional: h.provisional,
    source: 'law' as const,
  }));
}

/**
 * The data set's days and names, with one correction: a substitute holiday is named after the holiday
 * that fell on the Sunday. The data set credits May 6 to こどもの日 in most years even when May 3 or 4 was
 * the Sunday (2026-05-06 replaces 憲法記念日); its maintainers fixed 2020 that way (holiday_jp PR #107)
 * but not the other years. Only the name changes, and only when the law computes the same substitute day.
 */
function fromDataSet(year: number, entries: Holiday[]): Holiday[] {
  const law = new Map(fromLaw(year).map((h) => [h.date, h]));
  return entries.map((h) => {
    const byLaw = law.get(h.date);
    return h.kind === 'substitute' && byLaw?.kind === 'substitute' && byLaw.nameJa !== h.nameJa
      ? { ...h, nameJa: byLaw.nameJa }
      : h;
  });
}

/** Every national holiday of a supported year (incl. substitute and citizens' holidays), in date order. */
export function nationalHolidays(year: number): readonly Holiday[] {
  assertSupportedYear(year);
  let list = cache.get(year);
  if (!list) {
    const data = dataSetHolidays(year);
    list = Object.freeze((data ? fromDataSet(year, data) : fromLaw(year)).map((h) => Object.freeze(h)));
    cache.set(year, list);
  }
  return list;
}

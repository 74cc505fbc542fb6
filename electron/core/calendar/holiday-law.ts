// Japan's national holidays computed from the law (国民の祝日に関する法律, "the Act") for 2000–2100.
// The engine uses this for the years the maintained data set (@holiday-jp/holiday_jp) does not cover,
// and the tests compare the two on every year both cover, so a slip in either shows up.
//
// Names follow the data set's spelling (including its English) so a year computed here reads the same
// as a year taken from the data set.
import { assertSupportedYear } from './range.ts';
import { daysFromCivil, weekdayOf } from './japan-date.ts';

/**
 * The last year whose equinox days the government has announced.
 *
 * The Act fixes 春分の日 and 秋分の日 only as "the day of the equinox"; the National Astronomical
 * Observatory computes it and the date becomes official when published in the Official Gazette (官報,
 * 暦要項) on the first business day of February of the previous year. In February 2026 the 2027 dates
 * were announced (3/21 and 9/23), so from 2028 on the dates come from the astronomical formula and are
 * provisional. Raise this constant each February after checking the announcement against
 * `vernalEquinoxDay` / `autumnalEquinoxDay` (and the holiday data package, once it has updated).
 */
export const LAST_ANNOUNCED_EQUINOX_YEAR = 2027;

/**
 * national: a 国民の祝日 named in Art. 2 of the Act;
 * special: a one-off day made a holiday by a special act and counted as a 国民の祝日 (2019 enthronement);
 * substitute: 振替休日 (Art. 3(2)); citizens: 国民の休日, a day between two 国民の祝日 (Art. 3(3)).
 */
export type HolidayKind = 'national' | 'special' | 'substitute' | 'citizens';

export interface LawHoliday {
  /** Day number (days since 1970-01-01). */
  day: number;
  nameJa: string;
  nameEn: string;
  kind: HolidayKind;
  /** True when the day depends on an equinox not yet announced (see LAST_ANNOUNCED_EQUINOX_YEAR). */
  provisional: boolean;
}

interface Name {
  ja: string;
  en: string;
}

const NEW_YEAR: Name = { ja: '元日', en: "New Year's Day" };
const COMING_OF_AGE: Name = { ja: '成人の日', en: 'Coming of Age Day' };
const FOUNDATION: Name = { ja: '建国記念の日', en: 'National Foundation Day' };
const EMPEROR: Name = { ja: '天皇誕生日', en: "Emperor's Birthday" };
const VERNAL: Name = { ja: '春分の日', en: 'Vernal Equinox Day' };
const GREENERY: Name = { ja: 'みどりの日', en: 'Greenery Day' };
const SHOWA: Name = { ja: '昭和の日', en: 'Showa Day' };
const CONSTITUTION: Name = { ja: '憲法記念日', en: 'Constitution Memorial Day' };
const CHILDREN: Name = { ja: 'こどもの日', en: "Children's Day" };
const MARINE: Name = { ja: '海の日', en: 'Marine Day' };
const MOUNTAIN: Name = { ja: '山の日', en: 'Mountain Day' };
const AGED: Name = { ja: '敬老の日', en: 'Respect for the Aged Day' };
const AUTUMNAL: Name = { ja: '秋分の日', en: 'Autumnal Equinox Day' };
const HEALTH_SPORTS: Name = { ja: '体育の日', en: 'Health and Sports Day' };
const SPORTS: Name = { ja: 'スポーツの日', en: 'Health and Sports Day' };
const CULTURE: Name = { ja: '文化の日', en: 'National Culture Day' };
const LABOR: Name = { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' };
const CITIZENS: Name = { ja: '休日', en: "Citizen's Holiday" };
const SUBSTITUTE_SUFFIX_JA = ' 振替休日';
const SUBSTITUTE_EN = 'Holiday in lieu';

/**
 * One-off holidays made by special acts rather than Art. 2. The 2019 act (天皇の即位の日及び即位礼正殿の儀
 * の行われる日を休日とする法律) makes these days count as 国民の祝日 for Art. 3, which is why 2019-04-30 and
 * 2019-05-02 became citizens' holidays.
 */
const SPECIAL_DAYS: Readonly<Record<number, readonly { month: number; day: number; name: Name }[]>> = {
  2019: [
    { month: 5, day: 1, name: { ja: '天皇の即位の日', en: "Day of the Emperor's Enthronement" } },
    { month: 10, day: 22, name: { ja: '即位礼正殿の儀の行われる日', en: 'Day of the Enthronement Ceremony' } },
  ],
};

/**
 * The Tokyo Olympics and Paralympics special measures act (平成27年法律第33号 as amended in 2018 and 2020)
 * moved three holidays in 2020 and again in 2021 (the games were postponed a year).
 */
const OLYMPIC_MOVES: Readonly<Record<number, { marine: [number, number]; sports: [number, number]; mountain: [number, number] }>> = {
  2020: { marine: [7, 23], sports: [7, 24], mountain: [8, 10] },
  2021: { marine: [7, 22], sports: [7, 23], mountain: [8, 8] },
};

// The equinox approximation the Observatory's announcements have followed (e.g. 理科年表): exact for every
// announced year 2000–2027, and the standard way to project unannounced years.
function equinoxDayOfMonth(year: number, base1980to2099: number, base2100to2150: number): number {
  const base = year <= 2099 ? base1980to2099 : base2100to2150;
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

/** Day of March of 春分の日 (vernal equinox) for `year`. */
export function vernalEquinoxDay(year: number): number {
  return equinoxDayOfMonth(year, 20.8431, 21.851);
}

/** Day of September of 秋分の日 (autumnal equinox) for `year`. */
export function autumnalEquinoxDay(year: number): number {
  return equinoxDayOfMonth(year, 23.2488, 24.2488);
}

export function isEquinoxProvisional(year: number): boolean {
  return year > LAST_ANNOUNCED_EQUINOX_YEAR;
}

/** Day number of the n-th Monday of a month (the "Happy Monday" rule). */
function nthMonday(year: number, month: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  const toMonday = (8 - weekdayOf(first)) % 7;
  return first + toMonday + (n - 1) * 7;
}

interface Shukujitsu {
  name: Name;
  kind: 'national' | 'special';
  equinox: boolean;
}

/** Days an equinox is moved from the formula's (to ask "what if the announcement differs by a day"). */
interface EquinoxShift {
  vernal: number;
  autumnal: number;
}
const NO_SHIFT: EquinoxShift = { vernal: 0, autumnal: 0 };

/** 国民の祝日 of a year (Art. 2 plus special acts), before substitute and citizens' holidays. */
function shukujitsu(year: number, shift: EquinoxShift = NO_SHIFT): Map<number, Shukujitsu> {
  const days = new Map<number, Shukujitsu>();
  const onDay = (day: number, name: Name, equinox = false): void => {
    days.set(day, { name, kind: 'national', equinox });
  };
  const on = (month: number, dayOfMonth: number, name: Name, equinox = false): void =>
    onDay(daysFromCivil(year, month, dayOfMonth), name, equinox);

  on(1, 1, NEW_YEAR);
  onDay(nthMonday(year, 1, 2), COMING_OF_AGE); // 2nd Monday since 2000
  on(2, 11, FOUNDATION);
  // The Emperor's Birthday follows the reigning emperor: Dec 23 to 2018, none in 2019, Feb 23 since 2020.
  if (year <= 2018) on(12, 23, EMPEROR);
  else if (year >= 2020) on(2, 23, EMPEROR);
  on(3, vernalEquinoxDay(year) + shift.vernal, VERNAL, true);
  on(4, 29, year <= 2006 ? GREENERY : SHOWA); // renamed in 2007, when Greenery Day moved to May 4
  on(5, 3, CONSTITUTION);
  if (year >= 2007) on(5, 4, GREENERY);
  on(5, 5, CHILDREN);

  const moved = OLYMPIC_MOVES[year];
  if (moved) {
    on(moved.marine[0], moved.marine[1], MARINE);
    on(moved.sports[0], moved.sports[1], SPORTS);
    on(moved.mountain[0], moved.mountain[1], MOUNTAIN);
  } else {
    if (year <= 2002) on(7, 20, MARINE);
    else onDay(nthMonday(year, 7, 3), MARINE); // 3rd Monday since 2003
    if (year >= 2016) on(8, 11, MOUNTAIN);
    onDay(nthMonday(year, 10, 2), year <= 2019 ? HEALTH_SPORTS : SPORTS); // renamed in 2020
  }

  if (year <= 2002) on(9, 15, AGED);
  else onDay(nthMonday(year, 9, 3), AGED); // 3rd Monday since 2003
  on(9, autumnalEquinoxDay(year) + shift.autumnal, AUTUMNAL, true);
  on(11, 3, CULTURE);
  on(11, 23, LABOR);

  for (const special of SPECIAL_DAYS[year] ?? []) {
    days.set(daysFromCivil(year, special.month, special.day), { name: special.name, kind: 'special', equinox: false });
  }
  return days;
}

/** All holidays of `year` by the Act's rules, in date order. */
export function lawHolidays(year: number): LawHoliday[] {
  return lawHolidaysWith(year, NO_SHIFT);
}

function lawHolidaysWith(year: number, shift: EquinoxShift): LawHoliday[] {
  assertSupportedYear(year);
  const shuku = shukujitsu(year, shift);
  const provisionalYear = isEquinoxProvisional(year);
  const result = new Map<number, LawHoliday>();
  for (const [day, s] of shuku) {
    result.set(day, { day, nameJa: s.name.ja, nameEn: s.name.en, kind: s.kind, provisional: provisionalYear && s.equinox });
  }

  // Art. 3(2), substitute holidays. Since 2007: the nearest following day that is not a 国民の祝日
  // (so a Sunday May 3 moves to May 6). Before 2007: only the Monday, and none if Monday is a 国民の祝日.
  for (const [day, s] of shuku) {
    if (weekdayOf(day) !== 0) continue;
    let substitute = day + 1;
    if (year >= 2007) {
      while (shuku.has(substitute)) substitute += 1;
    } else if (shuku.has(substitute)) {
      continue;
    }
    result.set(substitute, {
      day: substitute,
      nameJa: `${s.name.ja}${SUBSTITUTE_SUFFIX_JA}`,
      nameEn: SUBSTITUTE_EN,
      kind: 'substitute',
      provisional: provisionalYear && s.equinox,
    });
  }

  // Art. 3(3), citizens' holidays: a day whose previous and next days are both 国民の祝日 and which is not
  // itself one. Before 2007 the clause also excluded Sundays and substitute holidays.
  for (const [day, s] of shuku) {
    const between = day + 1;
    const after = shuku.get(day + 2);
    if (!after || shuku.has(between) || result.has(between)) continue;
    if (year < 2007 && weekdayOf(between) === 0) continue;
    result.set(between, {
      day: between,
      nameJa: CITIZENS.ja,
      nameEn: CITIZENS.en,
      kind: 'citizens',
      provisional: provisionalYear && (s.equinox || after.equinox),
    });
  }

  return [...result.values()].sort((a, b) => a.day - b.day);
}

/**
 * The days of `year` whose being a holiday depends on an equinox not yet announced: every day that is a
 * holiday under the formula but not if the vernal or autumnal equinox is announced a day earlier or later,
 * or the other way round. That covers the equinoxes' neighbours, and also a substitute holiday two days
 * after a Saturday equinox (announced on the Sunday instead) or a citizens' holiday appearing in September.
 * Empty for a year whose equinoxes are announced.
 */
export function equinoxSensitiveDays(year: number): number[] {
  if (!isEquinoxProvisional(year)) return [];
  const dayset = (shift: EquinoxShift) => new Set(lawHolidaysWith(year, shift).map((h) => h.day));
  const base = dayset(NO_SHIFT);
  const sensitive = new Set<number>();
  for (const shift of [
    { vernal: -1, autumnal: 0 },
    { vernal: 1, autumnal: 0 },
    { vernal: 0, autumnal: -1 },
    { vernal: 0, autumnal: 1 },
  ]) {
    const other = dayset(shift);
    for (const d of base) if (!other.has(d)) sensitive.add(d);
    for (const d of other) if (!base.has(d)) sensitive.add(d);
  }
  return [...sensitive].sort((a, b) => a - b);
}

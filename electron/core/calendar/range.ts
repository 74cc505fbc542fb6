// The years the engine answers for. 2000 is where the holiday law's current shape begins (Happy Monday
// for Coming of Age Day and Health and Sports Day) and is well before any case a desk will hold; 2100 is
// where the published equinox formula's first constants end. Beyond them the engine refuses rather than
// guesses, so a typo like 2206 fails loudly instead of producing a plausible date.
import { CalendarError } from './errors.ts';
import { daysFromCivil, formatDay } from './japan-date.ts';

export const FIRST_SUPPORTED_YEAR = 2000;
export const LAST_SUPPORTED_YEAR = 2100;
export const FIRST_SUPPORTED_DAY = daysFromCivil(FIRST_SUPPORTED_YEAR, 1, 1);
export const LAST_SUPPORTED_DAY = daysFromCivil(LAST_SUPPORTED_YEAR, 12, 31);

export function assertSupportedYear(year: number, what = 'year'): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${what} ${year} is outside the supported calendar: use a year from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}`,
    );
  }
}

export function assertSupportedDay(dayNumber: number, what = 'date'): void {
  if (dayNumber < FIRST_SUPPORTED_DAY || dayNumber > LAST_SUPPORTED_DAY) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${what} ${formatDay(dayNumber)} is outside the supported calendar (${formatDay(FIRST_SUPPORTED_DAY)} to ${formatDay(LAST_SUPPORTED_DAY)})`,
    );
  }
}

// The calendar and deadline engine: the one owner of the deadline rule (DOMAIN.md "Deadlines").
// Everything is Japan time whatever the PC's time zone; see README.md beside this file.
export { CalendarError, type CalendarErrorCode } from './errors.ts';
export {
  addCalendarDays,
  DAY_MS,
  JST_OFFSET_MS,
  formatDay,
  japanDateOf,
  japanDateOfMs,
  japanMidnightMs,
  japanMsOfDay,
  parseInstant,
  parseIsoDate,
  type Instant,
  type IsoDate,
} from './japan-date.ts';
export { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './range.ts';
export {
  LAST_ANNOUNCED_EQUINOX_YEAR,
  autumnalEquinoxDay,
  isEquinoxProvisional,
  lawHolidays,
  vernalEquinoxDay,
  type HolidayKind,
  type LawHoliday,
} from './holiday-law.ts';
export { HOLIDAY_DATA_VERSION, HOLIDAY_DATA_YEARS, dataSetHolidays, nationalHolidays, type Holiday } from './holidays.ts';
export {
  DEFAULT_DESK_RULES,
  REQUEST_TYPES,
  isRequestTypeName,
  checkDeskRules,
  type BusinessHours,
  type DeskCalendarRules,
  type DeskDay,
  type RequestType,
} from './desk-rules.ts';
export {
  buildCalendar,
  defaultCalendar,
  type BusinessDayIndex,
  type ClosedDay,
  type ClosedKind,
  type DeskCalendar,
  type ImportedHolidays,
} from './business-days.ts';
export {
  HolidayFileError,
  holidaysMayBeOutdated,
  knownThroughOf,
  previewHolidayFile,
  readHolidayFile,
  type HolidayFile,
} from './holiday-file.ts';
export {
  EVENT_CLOCK_TOLERANCE_MS,
  appendDeadlineEvent,
  computeDeadline,
  dayZero,
  daysForType,
  dueAfterPause,
  dueAtOn,
  foldDeadlineHistory,
  recomputeDueDates,
  validateDeadlineEvent,
  pausedBusinessDays,
  type Deadline,
  type DeadlineCase,
  type DeadlineEvent,
  type DeadlineState,
  type DeadlineStep,
  type DueDateChange,
  type ExtendEvent,
  type PauseEvent,
  type ResumeEvent,
} from './deadline.ts';
export {
  DEFAULT_LEGAL_MARK_WARN_DAYS,
  LEGAL_MARK_DAYS,
  legalMark,
  legalMarkStatus,
  type LegalMarkStatus,
} from './legal-mark.ts';

// English for the Calendar screen's holiday-import panel (the codes' English is electron/contract/english-holidays.ts).
import type { jaHolidays } from './ja-holidays.ts';

export const enHolidays: { [K in keyof typeof jaHolidays]: string } = {
  'holidays.import.title': 'Import the national holiday list',
  'holidays.import.help': "Choose the Cabinet Office's 国民の祝日 CSV (syukujitsu.csv, as downloaded in Shift_JIS). You see how it differs from the holidays in use before importing it.",
  'holidays.import.choose': 'Choose the CSV file',
  'holidays.import.encoding': 'Encoding: {encoding}',
  'holidays.import.years': 'Years: {from}–{to} ({count} years)',
  'holidays.import.rowsBefore': '{count} rows before {first} are not used.',
  'holidays.import.added': 'Holidays added',
  'holidays.import.removed': 'Holidays removed',
  'holidays.import.renamed': 'Holidays renamed',
  'holidays.import.noChanges': 'No differences from the holidays in use (importing removes the "provisional" marks for these years).',
  'holidays.import.contradictions': 'Contradicts the holiday law',
  'holidays.import.accept': 'The law has changed: import it as it is',
  'holidays.import.confirm': 'Import',
  'holidays.import.cancel': 'Cancel',
  'holidays.import.done': 'Imported the holidays of {count} years.',
  'holidays.knownThrough': 'National holidays are certain through {year}.',
};

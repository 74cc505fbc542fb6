// The words of a deadline badge (components/DeadlineBadges.tsx), as a plain function so a unit test reads them.
import type { Urgency } from '../../../electron/contract/index.ts';
import type { Locale, Translate } from './catalog.ts';
import { pluralForm } from './numbers.ts';

/** The badge's words: "1 business day left", never "1 business days" — the locale's plural rules pick the form (compact cells have no unit). */
export function daysLeftText(t: Translate, locale: Locale, urgency: Urgency, left: number | null, compact = false): string {
  const days = (key: 'deadline.pausedLeft' | 'deadline.overdueBy' | 'deadline.left', n: number) =>
    compact ? t(`${key}.compact`, { n }) : pluralForm(locale, n, { one: t(`${key}.one`, { n }), other: t(key, { n }) });
  if (urgency === 'done' || left === null) return t('urgency.done');
  if (urgency === 'paused') return days('deadline.pausedLeft', left);
  if (left < 0) return days('deadline.overdueBy', -left);
  if (left === 0) return urgency === 'overdue' ? t(`deadline.overdueToday${compact ? '.compact' : ''}`) : t(`deadline.dueToday${compact ? '.compact' : ''}`);
  return days('deadline.left', left);
}

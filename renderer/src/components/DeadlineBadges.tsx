// How the core's deadline facts look everywhere (queue rows, the case file): business days left
// coloured by urgency, the provisional flag and the APPI Art. 39 mark. Shown, never recomputed.
import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconScale } from '@tabler/icons-react';
import type { Urgency } from '../../../electron/contract/index.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { daysLeftText } from '../i18n/deadlineText.ts';
import { urgencyColor } from '../i18n/vocabulary.ts';
import { HintOnDemand } from './HintOnDemand.tsx';
import { TableBadge } from './TableBadge.tsx';

/** The badge variant of an urgency: overdue filled, done outlined, the rest light (DaysLeftBadge, the queue's TableBadge). */
export const daysLeftVariant = (urgency: Urgency) => (urgency === 'overdue' ? 'filled' : urgency === 'done' ? 'outline' : 'light');

/** Business days left as the core counted them; `compact` for table cells (the column header says "business days"). */
export function DaysLeftBadge({ urgency, left, size = 'md', compact = false }: { urgency: Urgency; left: number | null; size?: 'sm' | 'md' | 'lg'; compact?: boolean }) {
  const { t, locale } = useI18n();
  const text = daysLeftText(t, locale, urgency, left, compact);
  return (
    <Badge
      color={urgencyColor[urgency]}
      variant={daysLeftVariant(urgency)}
      size={size}
      data-testid="days-left"
      data-urgency={urgency}
      style={{ textTransform: 'none', minWidth: 'max-content' }}
    >
      {text}
    </Badge>
  );
}

// The three below are drawn in every queue row (up to fifty a page): plain elements (TableBadge, spans) and a
// hint made on demand (HintOnDemand), not a Mantine Badge, Group and Tooltip each. They look the same.

export function ProvisionalFlag() {
  const { t } = useI18n();
  return (
    <HintOnDemand<HTMLSpanElement> label={t('deadline.provisionalHint')} w={280}>
      {(trigger) => (
        <TableBadge {...trigger} color="orange" variant="outline" size="xs" data-testid="provisional" tabIndex={0}>
          {t('deadline.provisional')}
        </TableBadge>
      )}
    </HintOnDemand>
  );
}

/** The two-week mark of APPI Art. 39, when near or passed. */
export function LegalMark({ state, mark, daysLeft }: { state: 'ok' | 'near' | 'passed' | null; mark: string; daysLeft?: number }) {
  const { t, locale } = useI18n();
  if (state !== 'near' && state !== 'passed') return null;
  const label = state === 'passed' ? t('legalMark.passed', { date: formatDate(locale, mark) }) : t('legalMark.near', { date: formatDate(locale, mark) });
  return (
    <HintOnDemand<HTMLSpanElement> label={`${label} ${t('legalMark.explain')}`} w={320}>
      {(trigger) => (
        <span {...trigger} tabIndex={0} aria-label={label} data-testid="legal-mark" data-state={state} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, flexWrap: 'nowrap' }}>
          {state === 'passed' ? (
            <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          ) : (
            <IconScale size={16} color="var(--mantine-color-orange-7)" aria-hidden />
          )}
          {daysLeft !== undefined && (
            <span style={{ fontSize: 'var(--mantine-font-size-xs)', fontWeight: 600, color: state === 'passed' ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-orange-8)' }}>
              {state === 'passed' ? t('legalMark.short.passed') : daysLeft <= 0 ? t('legalMark.short.today') : t('legalMark.short.near', { n: daysLeft })}
            </span>
          )}
        </span>
      )}
    </HintOnDemand>
  );
}

export function TargetBadge({ size = 'xs' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useI18n();
  return (
    <HintOnDemand<HTMLSpanElement> label={t('target.hint')} w={260}>
      {(trigger) => (
        <TableBadge {...trigger} color="cyan" variant="outline" size={size} data-testid="reply-target" tabIndex={0}>
          {t('target.badge')}
        </TableBadge>
      )}
    </HintOnDemand>
  );
}

// How the core's deadline facts look everywhere (queue rows, the case file): business days left
// coloured by urgency, the provisional flag and the APPI Art. 39 mark. Shown, never recomputed.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconScale } from '@tabler/icons-react';
import type { Urgency } from '../../../electron/contract/index.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { daysLeftText } from '../i18n/deadlineText.ts';
import { urgencyColor } from '../i18n/vocabulary.ts';

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

export function ProvisionalFlag() {
  const { t } = useI18n();
  return (
    <Tooltip label={t('deadline.provisionalHint')} multiline w={280} withArrow>
      <Badge color="orange" variant="outline" size="xs" data-testid="provisional" style={{ textTransform: 'none' }} tabIndex={0}>
        {t('deadline.provisional')}
      </Badge>
    </Tooltip>
  );
}

/** The two-week mark of APPI Art. 39, when near or passed. */
export function LegalMark({ state, mark, daysLeft }: { state: 'ok' | 'near' | 'passed' | null; mark: string; daysLeft?: number }) {
  const { t, locale } = useI18n();
  if (state !== 'near' && state !== 'passed') return null;
  const label = state === 'passed' ? t('legalMark.passed', { date: formatDate(locale, mark) }) : t('legalMark.near', { date: formatDate(locale, mark) });
  return (
    <Tooltip label={`${label} ${t('legalMark.explain')}`} multiline w={320} withArrow>
      <Group gap={4} wrap="nowrap" component="span" tabIndex={0} aria-label={label} data-testid="legal-mark" data-state={state} style={{ display: 'inline-flex' }}>
        {state === 'passed' ? (
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
        ) : (
          <IconScale size={16} color="var(--mantine-color-orange-7)" aria-hidden />
        )}
        {daysLeft !== undefined && (
          <Text span size="xs" c={state === 'passed' ? 'red.7' : 'orange.8'} fw={600}>
            {state === 'passed' ? t('legalMark.short.passed') : daysLeft <= 0 ? t('legalMark.short.today') : t('legalMark.short.near', { n: daysLeft })}
          </Text>
        )}
      </Group>
    </Tooltip>
  );
}

/**
 * An inquiry's or complaint's reply-by date is a target the desk sets itself (issue 19), never a legal
 * deadline: its own label and colour (cyan), wherever a due date is shown.
 */
export function TargetBadge({ size = 'xs' }: { size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useI18n();
  return (
    <Tooltip label={t('target.hint')} multiline w={260} withArrow>
      <Badge color="cyan" variant="outline" size={size} data-testid="reply-target" style={{ textTransform: 'none' }} tabIndex={0}>
        {t('target.badge')}
      </Badge>
    </Tooltip>
  );
}

// One month of the desk calendar, Monday first. Colours follow the kind of closed day the desk sent;
// the reason is in the cell's title and accessible name.
import { Box, Paper, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import type { ClosedDayView, DeskDayView } from '../../../../electron/contract/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export const dayStyles: Record<ClosedDayView['kind'] | 'open', { bg: string; c: string; border?: string }> = {
  weekend: { bg: 'var(--mantine-color-gray-1)', c: 'var(--mantine-color-gray-7)' },
  holiday: { bg: 'var(--mantine-color-red-1)', c: 'var(--mantine-color-red-9)' },
  'year-end': { bg: 'var(--mantine-color-violet-1)', c: 'var(--mantine-color-violet-9)' },
  desk: { bg: 'var(--mantine-color-orange-2)', c: 'var(--mantine-color-orange-9)' },
  open: { bg: 'var(--mantine-color-teal-0)', c: 'var(--mantine-color-teal-9)', border: '2px solid var(--mantine-color-teal-5)' },
};

const pad = (n: number) => String(n).padStart(2, '0');

interface Props {
  year: number;
  month: number; // 1–12
  closed: ReadonlyMap<string, ClosedDayView>;
  open: ReadonlyMap<string, DeskDayView>;
  today: string;
}

export function MonthGrid({ year, month, closed, open, today }: Props) {
  const { t, locale } = useI18n();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i))),
  );
  const title = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(first);
  return (
    <Paper withBorder p="xs" radius="md" data-testid="month" data-month={`${year}-${pad(month)}`}>
      <Text fw={700} size="sm" mb={4} ta="center">
        {title}
      </Text>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {weekdays.map((w, i) => (
          <Text key={`h${i}`} size="xs" c={i >= 5 ? 'dimmed' : undefined} ta="center" fw={600} aria-hidden>
            {w}
          </Text>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <Box key={`e${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const c = closed.get(date);
          const o = open.get(date);
          const kind = o ? 'open' : c?.kind;
          const style = kind ? dayStyles[kind] : null;
          const reason = o ? (locale === 'ja' ? o.reason : o.reasonEn || o.reason) : c ? (locale === 'ja' ? c.reasonJa : c.reasonEn) : '';
          const label = [date, kind ? t(`dayKind.${kind}`) : null, reason && reason !== t(`dayKind.${kind ?? 'weekend'}`) ? reason : null, c?.provisional ? t('calendar.provisionalDay') : null]
            .filter(Boolean)
            .join(' — ');
          return (
            <Box
              key={date}
              title={label}
              data-date={date}
              data-kind={kind ?? 'business'}
              data-provisional={c?.provisional || undefined}
              ta="center"
              py={2}
              style={{
                background: style?.bg,
                color: style?.c,
                border: style?.border ?? (c?.provisional ? '1px dashed var(--mantine-color-orange-6)' : '1px solid transparent'),
                outline: date === today ? '2px solid var(--mantine-color-indigo-6)' : undefined,
                borderRadius: 4,
                fontSize: 'var(--mantine-font-size-xs)',
                fontWeight: kind && kind !== 'weekend' ? 700 : 400,
              }}
            >
              <span aria-hidden>
                {i + 1}
                {c?.provisional ? '*' : ''}
              </span>
              {/* The day as words for screen readers (a bare number and colour say nothing). */}
              <VisuallyHidden>{label}</VisuallyHidden>
            </Box>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

// Every pause, resume and extension with the due date after it, from the core's deadline history; the
// first line is the due date set at intake (from the "received" event).
import { Badge, Table, Text } from '@mantine/core';
import type { CaseFile, ResumedOnReply } from '../../../../../electron/contract/index.ts';
import { JapanDate, JapanDateTime } from '../../../components/JapanDate.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { resumeReasonText } from '../../../i18n/vocabulary.ts';
import { Section } from './Section.tsx';

const colors = { pause: 'gray', resume: 'blue', extend: 'grape', due_recomputed: 'orange' } as const;

interface Row {
  type: keyof typeof colors;
  at: string;
  by: string | null;
  reason: string;
  reply: ResumedOnReply | null;
  due: string;
  oldDue?: string;
}

export function DeadlineHistorySection({ file }: { file: CaseFile }) {
  const { t, locale } = useI18n();
  const d = file.deadline;
  const received = file.timeline.find((e) => e.kind === 'received');
  const initialDue = typeof received?.data.due === 'string' ? received.data.due : null;
  // Calendar changes move due dates too (core/desk-calendar); they are on the timeline, not in the history.
  const recomputed: Row[] = file.timeline
    .filter((e) => e.kind === 'due_recomputed' && typeof e.data.newDue === 'string')
    .map((e) => ({ type: 'due_recomputed', at: e.at, by: e.actor, reason: '', reply: null, due: e.data.newDue as string, oldDue: typeof e.data.oldDue === 'string' ? e.data.oldDue : undefined }));
  const rows: Row[] = [...d.history.map((h): Row => ({ ...h })), ...recomputed].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section title={t('caseFile.section.deadline')} testId="section-deadline-history">
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('deadline.history.what')}</Table.Th>
            <Table.Th>{t('deadline.history.when')}</Table.Th>
            <Table.Th>{t('deadline.history.reason')}</Table.Th>
            <Table.Th>{t('deadline.history.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr data-type="received">
            <Table.Td>
              <Badge variant="light" color="indigo" style={{ textTransform: 'none', minWidth: 'max-content' }}>
                {t('event.received')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <JapanDateTime at={d.arrivedAt} size="sm" />
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {t('deadline.history.start', { n: d.days })} <JapanDate date={d.dayZero} size="sm" />
              </Text>
            </Table.Td>
            <Table.Td>{initialDue ? <JapanDate date={initialDue} size="sm" /> : '—'}</Table.Td>
          </Table.Tr>
          {rows.map((h, i) => (
            <Table.Tr key={i} data-type={h.type}>
              <Table.Td>
                <Badge variant="light" color={colors[h.type]} style={{ textTransform: 'none', minWidth: 'max-content' }}>
                  {h.type === 'due_recomputed' ? t('deadline.history.calendar') : t(`event.${h.type}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <JapanDateTime at={h.at} size="sm" />
                {h.by && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {h.by}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {h.oldDue ? (
                  <Text size="sm">
                    {t('deadline.history.moved')} <JapanDate date={h.oldDue} size="sm" /> → <JapanDate date={h.due} size="sm" />
                  </Text>
                ) : (
                  resumeReasonText(t, locale, h.reason, h.reply)
                )}
              </Table.Td>
              <Table.Td>
                <JapanDate date={h.due} size="sm" fw={600} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t('deadline.history.current')} <JapanDate date={d.due} size="xs" fw={600} data-testid="history-current-due" />
      </Text>
    </Section>
  );
}

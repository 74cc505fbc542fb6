// The top of a case file: reference, type, status, member, assignee, and the deadline as the core
// computed it (day 0, due date, business days left, pause, extension, provisional, legal mark).
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconLock, IconPlayerPause } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CaseFile } from '../../../../electron/contract/index.ts';
import { HintOnDemand } from '../../components/HintOnDemand.tsx';
import { DaysLeftBadge, LegalMark, ProvisionalFlag, TargetBadge } from '../../components/DeadlineBadges.tsx';
import { JapanDate, JapanDateTime } from '../../components/JapanDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { bothStyles } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { businessDays } from '../../i18n/numbers.ts';
import { kindLabel, typeLabel } from '../../i18n/vocabulary.ts';

export function CaseHeader({ file }: { file: CaseFile }) {
  const { t, locale } = useI18n();
  const c = file.case;
  const d = file.deadline;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="case-header">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="sm" wrap="wrap">
              <Title order={2} ff="monospace" data-testid="case-reference">
                {c.reference}
              </Title>
              <Badge variant="outline" color="indigo" size="lg" style={{ textTransform: 'none' }} data-testid="case-type" data-type={c.type}>
                {typeLabel(t, c.type)}
              </Badge>
              <StatusBadge status={c.status} size="lg" />
              {file.legalHold && (
                <Tooltip label={file.legalHold.reason || t('legalHold.held')} multiline w={320}>
                  <Badge color="grape" variant="filled" size="lg" style={{ textTransform: 'none' }} leftSection={<IconLock size={14} aria-hidden />} data-testid="case-legal-hold">
                    {t('legalHold.badge')}
                  </Badge>
                </Tooltip>
              )}
            </Group>
            <Text size="lg" fw={500} lang="ja">
              {c.memberName}
              {c.memberKana && (
                <Text span size="sm" c="dimmed" ml="xs">
                  {c.memberKana}
                </Text>
              )}
            </Text>
            {c.kinds.length > 0 && (
              <Text size="sm" c="dimmed">
                {c.kinds.map((k) => kindLabel(t, c.type, k)).join('・')}
              </Text>
            )}
          </Stack>
          <Stack gap={2} align="flex-end">
            <Text size="xs" c="dimmed">
              {t('caseFile.assignee')}
            </Text>
            <Text fw={500} data-testid="case-assignee">
              {c.assignee ?? t('queue.unassigned')}
            </Text>
          </Stack>
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" data-testid="deadline" data-urgency={d.urgency} data-due={d.due}>
          <Cell label={t('caseFile.arrivedAt')}>
            <JapanDateTime at={d.arrivedAt} size="sm" fw={500} />
          </Cell>
          <Cell label={t('caseFile.dayZero')} hint={t('caseFile.dayZeroHint')}>
            <JapanDate date={d.dayZero} format="long" size="sm" fw={500} withTooltip data-testid="case-day-zero" />
          </Cell>
          <Cell label={d.target ? t('target.label') : t('caseFile.due', { days: businessDays(t, locale, d.days) })} hint={d.target ? t('target.hint') : t('caseFile.dueHint')}>
            <Stack gap={4} data-target={d.target || undefined}>
              <JapanDate date={d.due} format="long" size="md" fw={700} c={d.target ? 'cyan.9' : undefined} withTooltip data-testid="case-due" />
              <Text size="xs" c="dimmed">
                {bothStyles(d.due)}
              </Text>
              <Group gap={6}>
                {d.target && <TargetBadge size="sm" />}
                <DaysLeftBadge urgency={d.urgency} left={d.businessDaysLeft} />
                {d.provisional && <ProvisionalFlag />}
                {d.extended && (
                  <Badge color="grape" variant="light" style={{ textTransform: 'none' }} data-testid="extended">
                    {t('caseFile.extended')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Cell>
          {d.target ? (
            // An inquiry or complaint has no Art. 39 mark: the reply-by date is the desk's own target.
            <Cell label={t('target.kindLabel')}>
              <Text size="sm" c="dimmed" data-testid="no-legal-mark">
                {t('target.legalNone')}
              </Text>
            </Cell>
          ) : (
            <Cell label={t('caseFile.legalMark')} hint={t('legalMark.explain')}>
              <Stack gap={4}>
                <JapanDate date={d.legalMark} size="sm" fw={500} withTooltip />
                {c.status === 'notified' || c.status === 'closed' ? null : d.legalMarkState === 'ok' ? (
                  <Text size="xs" c="dimmed">
                    {d.legalMarkDaysLeft >= 0 ? t('legalMark.daysLeft', { n: d.legalMarkDaysLeft }) : t('legalMark.short.passed')}
                  </Text>
                ) : (
                  <LegalMark state={d.legalMarkState} mark={d.legalMark} daysLeft={d.legalMarkDaysLeft} />
                )}
              </Stack>
            </Cell>
          )}
        </SimpleGrid>

        {d.paused && (
          <Group gap="xs" data-testid="paused-since" c="gray.7">
            <IconPlayerPause size={18} aria-hidden />
            <Text size="sm">
              {t('caseFile.pausedSince')} <JapanDateTime at={d.paused.since} size="sm" fw={600} /> — {d.paused.reason}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Cell({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      {hint ? (
        <HintOnDemand<HTMLParagraphElement> label={hint} w={300}>
          {(trigger) => (
            <Text {...trigger} size="xs" c="dimmed" style={{ textDecoration: 'underline dotted', width: 'fit-content' }} tabIndex={0}>
              {label}
            </Text>
          )}
        </HintOnDemand>
      ) : (
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      )}
      {children}
    </Stack>
  );
}

// The desk calendar of one year as the core computed it: weekends, national holidays (substitute and
// citizens' holidays included), the year-end closure, the desk's own closures and open days, and the
// years whose equinox holidays are not yet announced. Supervisors add or remove the desk's days and see
// which open cases' due dates moved.
import { ActionIcon, Alert, Badge, Box, Button, Center, Group, Loader, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconInfoTriangle, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CalendarChange, ClosedDayView, DeskDayView } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDate, JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { japanToday } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

import { DeskDayForm } from './DeskDayForm.tsx';
import { dayStyles, MonthGrid } from './MonthGrid.tsx';
import { MovedList } from './MovedList.tsx';
import { HolidayImport } from './HolidayImport.tsx';

export function CalendarScreen() {
  const { t, say, locale } = useI18n();
  const { user } = useShell();
  const today = japanToday();
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const query = useDeskQuery('calendar.year', { year });
  const [change, setChange] = useState<CalendarChange | null>(null);
  const [removing, setRemoving] = useState<DeskDayView | null>(null);
  const supervisor = user.role === 'supervisor';

  const cal = query.isSuccess ? query.data : null;
  const closed = useMemo(() => new Map((cal?.closedDays ?? []).map((d) => [d.date, d] as const)), [cal]);
  const open = useMemo(() => new Map((cal?.deskDays ?? []).filter((d) => d.kind === 'open').map((d) => [d.date, d] as const)), [cal]);
  const listed = (cal?.closedDays ?? []).filter((d) => d.kind !== 'weekend');

  /** Another year: the last change's list belongs to the year it was made in. */
  const showYear = (y: number) => {
    setChange(null);
    setYear(y);
  };

  // The year's calendar is asked again by the invalidation every change brings.
  const changed = (c: CalendarChange, date: string) => {
    setChange(c);
    if (Number(date.slice(0, 4)) !== year) setYear(Number(date.slice(0, 4)));
  };

  const removeDay = useDeskMutation('calendar.setDay', { onSuccess: (c, input) => changed(c, input.date) });
  const remove = () => {
    if (removing) removeDay.mutate({ date: removing.date, kind: 'none', reason: '', reasonEn: '' }, { onSettled: () => setRemoving(null) });
  };
  const { error } = removeDay;
  const busy = removeDay.isPending;

  const reasonOf = (d: ClosedDayView) => (locale === 'ja' ? d.reasonJa : d.reasonEn);

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('calendar.title')}</Title>
        <Group gap="xs" role="group" aria-label={t('calendar.yearSwitch')}>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.prevYear')} onClick={() => showYear(year - 1)} disabled={year <= 2000}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Text fw={700} fz="xl" w={90} ta="center" data-testid="calendar-year" aria-live="polite">
            {t('calendar.year', { year })}
          </Text>
          <ActionIcon variant="default" size="lg" aria-label={t('calendar.nextYear')} onClick={() => showYear(year + 1)} disabled={year >= 2100}>
            <IconChevronRight size={18} />
          </ActionIcon>
          {year !== Number(today.slice(0, 4)) && (
            <Button variant="subtle" size="xs" onClick={() => showYear(Number(today.slice(0, 4)))}>
              {t('calendar.thisYear')}
            </Button>
          )}
        </Group>
      </Group>

      {change && <MovedList moved={change.moved} held={change.held} onClose={() => setChange(null)} />}
      <ErrorAlert error={error} />

      {query.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}
      {cal && (
        <>
          {cal.outdated && (
            <Alert color="yellow" variant="light" icon={<IconInfoTriangle size={18} />} data-testid="holidays-outdated">
              {say(cal.outdated)}
            </Alert>
          )}
          {cal.provisional && (
            <Alert color="orange" variant="light" icon={<IconInfoTriangle size={18} />} title={t('calendar.provisional.title', { year: cal.year })} data-testid="calendar-provisional">
              {t('calendar.provisional.body', { year: cal.year, announced: cal.year - 1 })}
            </Alert>
          )}
          <Group gap="md" wrap="wrap" aria-label={t('calendar.legend')} role="list">
            {(['weekend', 'holiday', 'year-end', 'desk', 'open'] as const).map((k) => (
              <Group key={k} gap={6} role="listitem">
                <Box w={16} h={16} style={{ background: dayStyles[k].bg, border: dayStyles[k].border ?? '1px solid var(--mantine-color-gray-3)', borderRadius: 3 }} />
                <Text size="xs">{t(`dayKind.${k}`)}</Text>
              </Group>
            ))}
            <Group gap={6} role="listitem">
              <Box w={16} h={16} style={{ border: '1px dashed var(--mantine-color-orange-6)', borderRadius: 3 }} />
              <Text size="xs">{t('calendar.provisionalDay')}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('calendar.hours', { open: cal.businessHours.open, close: cal.businessHours.close })}
            </Text>
            <Text size="xs" c="dimmed" data-testid="holidays-known-through">
              {t('holidays.knownThrough', { year: cal.knownThrough })}
            </Text>
          </Group>

          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm" data-testid="calendar-months">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={cal.year} month={i + 1} closed={closed} open={open} today={today} />
            ))}
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('calendar.closedList', { year: cal.year })}
              </Title>
              <Table verticalSpacing={4} fz="sm" data-testid="closed-days">
                <Table.Tbody>
                  {listed.map((d) => (
                    <Table.Tr key={d.date} data-date={d.date} data-kind={d.kind}>
                      <Table.Td w={150}>
                        <JapanDate date={d.date} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lang={locale}>
                          {reasonOf(d)}
                          {d.provisional && (
                            <Badge ml={6} size="xs" color="orange" variant="outline" style={{ textTransform: 'none' }}>
                              {t('deadline.provisional')}
                            </Badge>
                          )}
                        </Text>
                      </Table.Td>
                      <Table.Td w={1}>
                        <Badge size="sm" variant="light" color={d.kind === 'holiday' ? 'red' : d.kind === 'year-end' ? 'violet' : 'orange'} style={{ textTransform: 'none', minWidth: 'max-content' }}>
                          {t(`dayKind.${d.kind}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>

            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('calendar.deskDays', { year: cal.year })}
              </Title>
              {cal.deskDays.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('calendar.noDeskDays')}
                </Text>
              ) : (
                <Table verticalSpacing={4} fz="sm" data-testid="desk-days">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('calendar.add.date')}</Table.Th>
                      <Table.Th>{t('calendar.add.kind')}</Table.Th>
                      <Table.Th>{t('calendar.reasons')}</Table.Th>
                      <Table.Th>{t('calendar.setBy')}</Table.Th>
                      {supervisor && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cal.deskDays.map((d) => (
                      <Table.Tr key={d.date} data-date={d.date} data-kind={d.kind}>
                        <Table.Td>
                          <JapanDate date={d.date} size="sm" />
                        </Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color={d.kind === 'closed' ? 'orange' : 'teal'} style={{ textTransform: 'none', minWidth: 'max-content' }}>
                            {t(d.kind === 'closed' ? 'dayKind.desk' : 'dayKind.open')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lang="ja">
                            {d.reason}
                          </Text>
                          {d.reasonEn && d.reasonEn !== d.reason && (
                            <Text size="xs" c="dimmed" lang="en">
                              {d.reasonEn}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {d.createdBy} · <JapanDateTime at={d.createdAt} size="xs" />
                          </Text>
                        </Table.Td>
                        {supervisor && (
                          <Table.Td>
                            <ActionIcon variant="subtle" color="red" aria-label={t('calendar.remove', { date: d.date })} onClick={() => setRemoving(d)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {supervisor ? (
                <>
                  <DeskDayForm onChanged={changed} />
                  <HolidayImport onImported={(c) => changed(c, `${year}-01-01`)} />
                </>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('calendar.supervisorOnly')}
                </Text>
              )}
            </Stack>
          </SimpleGrid>
        </>
      )}

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('calendar.removeTitle')} centered>
        {removing && (
          <Stack gap="md">
            <Text size="sm">{t('calendar.removeConfirm', { date: removing.date, reason: removing.reason })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={busy} onClick={remove}>
                {t('calendar.removeSubmit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

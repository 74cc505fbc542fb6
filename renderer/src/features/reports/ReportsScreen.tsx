// Reports: one period's figures from reports.get — received, answered on time or late, business days to
// the notice, outcomes and refusals, open now, fees, per-staff workload — with charts, and the compliance
// pack (reports.pack, printed like a letter) and CSV for supervisors. The desk counts; this screen shows.
import { BarChart, LineChart } from '@mantine/charts';
import { ActionIcon, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFileTypeCsv, IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import {
  isOneOf,
  ageBands,
  contactTypes,
  type ContactType,
  disclosureGrounds,
  intakeChannels,
  rejectionGrounds,
  requesterKinds,
  requestTypes,
  type Outcome,
  type Report,
  type RequestType,
} from '../../../../electron/contract/index.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { businessDays } from '../../i18n/numbers.ts';
import { japanToday, yen } from '../../i18n/format.ts';
import { kindLabel, outcomeLabel, typeLabel } from '../../i18n/vocabulary.ts';
import { printHtml } from '../letters/printing.ts';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { Figure, useOpenCases } from './Figure.tsx';
import { monthWithin, periodContaining, periodKinds, shiftPeriod, type Period, type PeriodKind } from './periods.ts';

const TYPE_COLORS: Record<RequestType, string> = { disclosure: 'blue.6', correction: 'teal.6', suspension: 'orange.6' };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap={0}>{children}</Stack>
    </Card>
  );
}

export function ReportsScreen() {
  const { t, locale } = useI18n();
  const { user } = useShell();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState<Period>(() => periodContaining('month', japanToday()));
  const query = useDeskQuery('reports.get', period);
  const supervisor = user.role === 'supervisor';

  const choose = (k: PeriodKind) => {
    setKind(k);
    if (k !== 'custom') setPeriod(periodContaining(k, period.from));
  };

  // The compliance pack printed like a letter, or the CSV saved: the one output step of the screen.
  const output = useDeskStep(async (desk, { how, period: p }: { how: 'print' | 'csv'; period: Period }) => {
    if (how === 'print') return printHtml(deskValue(await desk.reports.pack(p)).html);
    const { csv, fileName } = deskValue(await desk.reports.csv(p));
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  });
  const busy = output.isPending ? output.variables.how : null;
  const { error } = output;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t('reports.title')}</Title>
        {supervisor && (
          <Group gap="sm">
            <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => output.mutate({ how: 'print', period })} loading={busy === 'print'} data-testid="reports-print">
              {t('reports.print')}
            </Button>
            <Button variant="default" leftSection={<IconFileTypeCsv size={18} aria-hidden />} onClick={() => output.mutate({ how: 'csv', period })} loading={busy === 'csv'}>
              {t('reports.csv')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('reports.intro')} {!supervisor && t('reports.ownScope')}
      </Text>
      {supervisor && (
        <Text size="sm" fw={600} data-testid="not-encrypted">
          {t('export.notEncrypted')}
        </Text>
      )}

      <Group gap="sm" wrap="wrap" align="end">
        <SegmentedControl
          aria-label={t('reports.period')}
          value={kind}
          onChange={(v) => isOneOf(periodKinds, v) && choose(v)}
          data={periodKinds.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
          data-testid="reports-period-kind"
        />
        {kind === 'custom' ? (
          <>
            <DateField label={t('reports.from')} value={period.from} onChange={(v) => v && setPeriod((p) => ({ from: v, to: v > p.to ? v : p.to }))} />
            <DateField label={t('reports.to')} value={period.to} onChange={(v) => v && setPeriod((p) => ({ from: v < p.from ? v : p.from, to: v }))} />
          </>
        ) : (
          <Group gap={4}>
            <Tooltip label={t('reports.previous')}>
              <ActionIcon variant="default" size="lg" aria-label={t('reports.previous')} onClick={() => setPeriod((p) => shiftPeriod(kind, p, -1))} data-testid="reports-previous">
                <IconChevronLeft size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Text fw={600} px="sm" data-testid="reports-range">
              {t('reports.range', { from: period.from, to: period.to })}
            </Text>
            <Tooltip label={t('reports.next')}>
              <ActionIcon variant="default" size="lg" aria-label={t('reports.next')} onClick={() => setPeriod((p) => shiftPeriod(kind, p, 1))} data-testid="reports-next">
                <IconChevronRight size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>

      <ErrorAlert error={error} />
      {!query.isSuccess ? <QueryPending query={query} /> : <ReportView report={query.data} period={period} locale={locale} />}
    </Stack>
  );
}

function ReportView({ report: r, period, locale }: { report: Report; period: Period; locale: 'ja' | 'en' }) {
  const { t } = useI18n();
  const days = (v: number | null) => (v === null ? t('reports.none') : businessDays(t, locale, v));
  const pct = (v: number | null) => (v === null ? t('reports.none') : `${(v * 100).toFixed(1)}%`);
  const monthly = r.monthly.map((m) => ({ month: m.month, ...Object.fromEntries(requestTypes.map((ty) => [typeLabel(t, ty), m.received[ty]])) }));
  const rate = r.monthly.map((m) => ({ month: m.month, [t('reports.onTimeRate')]: m.onTimeRate === null ? null : Math.round(m.onTimeRate * 1000) / 10 }));
  const openCases = useOpenCases();
  const hist = r.businessDaysHistogram.map((n, i) => ({ days: i === r.businessDaysHistogram.length - 1 ? `${i}+` : String(i), [t('reports.chart.cases')]: n }));
  return (
    <Stack gap="md" data-testid="report" data-received={r.received}>
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <Section title={t('reports.section.received')}>
          <Figure period={period} label={t('reports.received')} value={r.received} bucket="received" strong />
          <Figure period={period} label={t('reports.closed')} value={r.closed} bucket="received.closed" indent />
          <Figure period={period} label={t('reports.open')} value={r.open} bucket="received.open" indent />
          <Text size="xs" c="dimmed" mt="xs">{t('reports.byType')}</Text>
          {requestTypes.map((ty) => (
            <Figure period={period} key={ty} label={typeLabel(t, ty)} value={r.byType[ty]} bucket={`received.type.${ty}`} indent />
          ))}
          <Text size="xs" c="dimmed" mt="xs">{t('reports.byKind')}</Text>
          {r.byKind.map((k) => {
            const [ty, kd] = k.key.split('.') as [RequestType, string];
            return <Figure period={period} key={k.key} label={`${typeLabel(t, ty)}：${kindLabel(t, ty, kd)}`} value={k.count} bucket={`received.kind.${k.key}`} indent />;
          })}
          <Text size="xs" c="dimmed" mt="xs">{t('reports.byChannel')}</Text>
          {intakeChannels.map((c) => (
            <Figure period={period} key={c} label={t(`channel.${c}`)} value={r.byChannel[c]} bucket={`received.channel.${c}`} indent />
          ))}
          <Text size="xs" c="dimmed" mt="xs">{t('reports.byRequester')}</Text>
          {requesterKinds.map((q) => (
            <Figure period={period} key={q} label={t(`requesterKind.${q}`)} value={r.byRequester[q]} bucket={`received.requester.${q}`} indent />
          ))}
        </Section>

        <Section title={t('reports.section.answered')}>
          <Figure period={period} label={t('reports.answered')} value={r.answered} bucket="answered" strong />
          <Figure period={period} label={t('reports.onTime')} value={r.onTime} bucket="answered.onTime" indent />
          <Figure period={period} label={t('reports.onTimeExtended')} value={r.onTimeExtended} bucket="answered.onTimeExtended" indent />
          <Figure period={period} label={t('reports.late')} value={r.late} bucket="answered.late" indent />
          <Figure period={period} label={t('reports.withdrawn')} value={r.withdrawn} bucket="withdrawn" indent />
          <Figure period={period} label={t('reports.onTimeRate')} value={pct(r.onTimeRate)} strong />
          <Figure period={period} label={t('reports.median')} value={days(r.medianBusinessDays)} />
          <Figure period={period} label={t('reports.p90')} value={days(r.p90BusinessDays)} />
          <Figure period={period} label={t('reports.paused')} value={r.pausedCases} bucket="answered.paused" />
          <Figure period={period} label={t('reports.pausedMedian')} value={days(r.medianPausedBusinessDays)} />
        </Section>

        <Section title={t('reports.section.outcomes')}>
          <Text size="xs" c="dimmed">{t('reports.outcomes')}</Text>
          {r.outcomes.map((o) => {
            const [ty, oc] = o.key.split('.') as [RequestType, Outcome];
            return <Figure period={period} key={o.key} label={`${typeLabel(t, ty)}：${outcomeLabel(t, oc)}`} value={o.count} bucket={`outcome.${o.key}`} indent />;
          })}
          <Text size="xs" c="dimmed" mt="xs">{t('reports.grounds')}</Text>
          {disclosureGrounds.map((g) => (
            <Figure period={period} key={g} label={t(`ground.${g}`)} value={r.groundsCited[g]} bucket={`ground.${g}`} indent />
          ))}
          <Text size="xs" c="dimmed" mt="xs">{t('reports.rejections')}</Text>
          {rejectionGrounds.map((g) => (
            <Figure period={period} key={g} label={t(`rejectionGround.${g}`)} value={r.rejections[g]} bucket={`rejection.${g}`} indent />
          ))}
        </Section>

        <Section title={t('reports.section.open')}>
          <Figure period={period} label={t('reports.openNow')} value={r.openNow} bucket="open" strong />
          {ageBands.map((a) => (
            <Figure period={period} key={a} label={t(`reports.age.${a}`)} value={r.openByAge[a]} bucket={`open.age.${a}`} indent />
          ))}
          <Figure period={period} label={t('reports.overdue')} value={r.overdueNow} bucket="open.overdue" />
          <Figure period={period} label={t('reports.pastLegalMark')} value={r.pastLegalMarkNow} bucket="open.pastLegalMark" />
          <Figure period={period} label={t('reports.waiting')} value={r.waitingNow} bucket="open.waiting" />
          <Text size="xs" c="dimmed" mt="xs">{t('reports.nowNote', { today: r.today })}</Text>
        </Section>

        <Section title={t('reports.section.fees')}>
          <Figure period={period} label={t('reports.fees.received')} value={yen(locale, r.fees.received)} />
          <Figure period={period} label={t('reports.fees.refunded')} value={yen(locale, r.fees.refunded)} />
          <Figure period={period} label={t('reports.fees.outstanding')} value={yen(locale, r.fees.outstanding)} />
        </Section>

        {/* Issue 19: inquiries and complaints are counted apart from requests (the figures above are requests
            only); complaints by kind are the complaint-handling record a supervisor shows an auditor. */}
        <Section title={t('reports.section.contacts')}>
          <div data-testid="report-contacts">
            {contactTypes.map((ty) => (
              <Figure period={period} key={ty} label={typeLabel(t, ty)} value={r.contacts.received[ty]} strong />
            ))}
            <Text size="xs" c="dimmed" mt="xs">{t('reports.byKind')}</Text>
            {r.contacts.byKind.map((k) => {
              const [ty, kd] = k.key.split('.') as [ContactType, string];
              return <Figure period={period} key={k.key} label={`${typeLabel(t, ty)}：${kd === 'unknown' ? t('reports.contacts.unknownKind') : kindLabel(t, ty, kd)}`} value={k.count} indent />;
            })}
            <Figure period={period} label={t('reports.contacts.answered')} value={r.contacts.answered} />
            <Figure period={period} label={t('reports.contacts.onTarget')} value={r.contacts.onTarget} indent />
            <Figure period={period} label={t('reports.contacts.late')} value={r.contacts.late} indent />
            <Figure period={period} label={t('reports.contacts.openNow')} value={r.contacts.openNow} />
            <Figure period={period} label={t('reports.contacts.overTargetNow')} value={r.contacts.overTargetNow} indent />
            <Text size="xs" c="dimmed" mt="xs">{t('target.hint')}</Text>
          </div>
        </Section>

        {r.staff.length > 0 && (
          <Section title={t('reports.section.staff')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('reports.staff.name')}</Table.Th>
                  <Table.Th>{t('reports.staff.handled')}</Table.Th>
                  <Table.Th>{t('reports.staff.decisions')}</Table.Th>
                  <Table.Th>{t('reports.staff.approvals')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.staff.map((s) => (
                  <Table.Tr key={s.username}>
                    <Table.Td>{s.displayName}</Table.Td>
                    <Table.Td><Figure label={`${s.displayName} ${t('reports.staff.handled')}`} value={s.handled} bucket={`staff.handled.${s.username}`} period={period} /></Table.Td>
                    <Table.Td><Figure label={`${s.displayName} ${t('reports.staff.decisions')}`} value={s.decisions} bucket={`staff.decisions.${s.username}`} period={period} /></Table.Td>
                    <Table.Td><Figure label={`${s.displayName} ${t('reports.staff.approvals')}`} value={s.approvals} bucket={`staff.approvals.${s.username}`} period={period} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        )}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Section title={t('reports.section.monthly')}>
          <div data-testid="chart-monthly">
            <BarChart
              h={220}
              data={monthly}
              dataKey="month"
              type="stacked"
              withLegend
              series={requestTypes.map((ty) => ({ name: typeLabel(t, ty), color: TYPE_COLORS[ty] }))}
              // A bar opens the queue with exactly its cases: that month (cut to the period), that type.
              barProps={(s) => {
                const ty = requestTypes.find((x) => typeLabel(t, x) === s.name)!;
                return {
                  cursor: 'pointer',
                  onClick: (_bar, index) => {
                    const m = r.monthly[index];
                    if (m && m.received[ty] > 0) openCases(monthWithin(period, m.month), `received.type.${ty}`, `${m.month} ${typeLabel(t, ty)}`);
                  },
                };
              }}
            />
          </div>
        </Section>
        <Section title={t('reports.section.rate')}>
          <LineChart h={220} data={rate} dataKey="month" yAxisProps={{ domain: [0, 100] }} unit="%" connectNulls={false} series={[{ name: t('reports.onTimeRate'), color: 'green.6' }]} />
        </Section>
        <Section title={t('reports.section.days')}>
          <div data-testid="chart-days">
            <BarChart
              h={220}
              data={hist}
              dataKey="days"
              series={[{ name: t('reports.chart.cases'), color: 'indigo.6' }]}
              // A bar opens the queue with the cases answered in that many business days.
              barProps={{
                cursor: 'pointer',
                onClick: (_bar, index) => {
                  if ((r.businessDaysHistogram[index] ?? 0) > 0) openCases(period, `answered.days.${index}`, `${t('reports.section.days')}: ${hist[index]!.days}`);
                },
              }}
            />
          </div>
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

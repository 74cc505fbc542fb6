// The disclosure fee: required, paid, refunded, the balance (shortfall red, excess amber), each entry.
import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { FeeLedger } from '../../../../../electron/contract/index.ts';
import { JapanDate } from '../../../components/JapanDate.tsx';
import { yen } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Section } from './Section.tsx';

export function FeeSection({ ledger }: { ledger: FeeLedger }) {
  const { t, locale } = useI18n();
  const b = ledger.balance;
  // Shade 9: AA contrast (4.5:1) on white for small text; axe checks it.
  const balanceColor = b < 0 ? 'red.9' : b > 0 ? 'orange.9' : 'teal.9';
  const figure = (label: string, value: string, color?: string, testId?: string) => (
    <Paper withBorder p="xs" radius="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
  return (
    <Section title={t('caseFile.section.fee')} testId="section-fee">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {figure(t('fee.required'), yen(locale, ledger.required))}
          {figure(t('fee.paid'), yen(locale, ledger.paid))}
          {figure(t('fee.refunded'), yen(locale, ledger.refunded))}
          {figure(
            b < 0 ? t('fee.shortfall') : b > 0 ? t('fee.excess') : t('fee.balance'),
            b === 0 ? t('fee.settled') : yen(locale, Math.abs(b)),
            balanceColor,
            'fee-balance',
          )}
        </SimpleGrid>
        {ledger.entries.length > 0 && (
          <Table verticalSpacing={4} fz="sm" data-testid="fee-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fee.receivedOn')}</Table.Th>
                <Table.Th>{t('fee.kind')}</Table.Th>
                <Table.Th>{t('fee.method')}</Table.Th>
                <Table.Th ta="right">{t('fee.amount')}</Table.Th>
                <Table.Th>{t('fee.note')}</Table.Th>
                <Table.Th>{t('caseFile.recordedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <JapanDate date={e.receivedOn} />
                  </Table.Td>
                  <Table.Td>{t(`feeKind.${e.kind}`)}</Table.Td>
                  <Table.Td>{t(`feeMethod.${e.method}`)}</Table.Td>
                  <Table.Td ta="right">
                    <Group justify="flex-end" gap={0}>
                      {e.kind === 'refund' ? '−' : ''}
                      {yen(locale, e.amount)}
                    </Group>
                  </Table.Td>
                  <Table.Td>{e.note}</Table.Td>
                  <Table.Td>{e.recordedBy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Section>
  );
}

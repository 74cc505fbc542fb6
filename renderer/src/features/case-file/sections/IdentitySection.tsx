import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CaseFile } from '../../../../../electron/contract/index.ts';
import { JapanDate, JapanDateTime } from '../../../components/JapanDate.tsx';
import { listOf } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Section } from './Section.tsx';

export function IdentitySection({ file }: { file: CaseFile }) {
  const { t, locale } = useI18n();
  const checks = file.identityChecks;
  return (
    <Section title={t('caseFile.section.identity')} testId="section-identity">
      {checks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('identity.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {checks.map((c) => (
            <Stack key={c.id} gap={6} data-testid="identity-check" data-verified={c.verified}>
              <Group gap="sm">
                <Badge color={c.verified ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                  {c.verified ? t('identity.verified') : t('identity.notVerified')}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('identity.checkedBy', { name: c.checkedBy })} · <JapanDateTime at={c.checkedAt} size="xs" />
                </Text>
              </Group>
              <Table verticalSpacing={4} fz="sm" withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('identity.documentTypeShort')}</Table.Th>
                    <Table.Th>{t('identity.issuedOn')}</Table.Th>
                    <Table.Th>{t('identity.documentNote')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.documents.map((d, i) => (
                    <Table.Tr key={i} c={c.staleCertificates.includes(d.type) ? 'red.8' : undefined}>
                      <Table.Td>{t(`document.${d.type}`)}</Table.Td>
                      <Table.Td>{d.issuedOn ? <JapanDate date={d.issuedOn} /> : '—'}</Table.Td>
                      <Table.Td>{d.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {c.staleCertificates.length > 0 && (
                <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="stale-certificates">
                  <Text size="xs">{t('identity.stale', { documents: listOf(locale, c.staleCertificates.map((d) => t(`document.${d}`))) })}</Text>
                </Alert>
              )}
              {c.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.note}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}

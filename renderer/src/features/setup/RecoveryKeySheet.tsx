// The recovery key, shown once. The sheet is meant to be printed and locked away, so it carries its
// own context (desk, date, what the key does) in both languages whatever the screen language is.
import { Alert, Box, Button, Checkbox, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { DeskDetails } from '../../../../electron/contract/index.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { englishDate, japaneseEraDate } from '../../i18n/format.ts';
import { catalogs, useT } from '../../i18n/I18nProvider.tsx';
import { SetupSteps } from './SetupSteps.tsx';

/** The key in groups of four, whatever separators the desk used. */
export const keyGroups = (key: string) => key.replace(/[^A-Za-z0-9]/g, '').toUpperCase().match(/.{1,4}/g) ?? [];

interface Props {
  recoveryKey: string;
  details: DeskDetails;
  onContinue: () => void;
}

export function RecoveryKeySheet({ recoveryKey, details, onContinue }: Props) {
  const t = useT();
  const [confirmed, setConfirmed] = useState(false);
  const [createdAt] = useState(() => new Date());
  const groups = keyGroups(recoveryKey);

  return (
    <PublicLayout size="md">
      <SetupSteps active={2} />
      <Stack gap="lg">
        <Alert className="no-print" color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('recoveryKey.title')}>
          {t('recoveryKey.onlyOnce')}
        </Alert>

        <Paper className="print-sheet" withBorder p="xl" radius="md" data-testid="recovery-sheet">
          <Stack gap="md">
            <Title order={2} size="h3">
              <span lang="ja">{catalogs.ja['recoveryKey.sheetTitle']}</span>
              {' / '}
              <span lang="en">{catalogs.en['recoveryKey.sheetTitle']}</span>
            </Title>
            <SimpleGrid cols={2} spacing="xs">
              <SheetLine label={`${catalogs.ja['recoveryKey.desk']} / ${catalogs.en['recoveryKey.desk']}`}>
                <Text lang="ja">
                  {details.companyJa} {details.deskNameJa}
                </Text>
                <Text lang="en">
                  {details.companyEn} · {details.deskNameEn}
                </Text>
              </SheetLine>
              <SheetLine label={`${catalogs.ja['recoveryKey.created']} / ${catalogs.en['recoveryKey.created']}`}>
                <Text lang="ja">{japaneseEraDate(createdAt)}</Text>
                <Text lang="en">{englishDate(createdAt)}</Text>
              </SheetLine>
            </SimpleGrid>

            <Box
              role="group"
              aria-label={t('recoveryKey.keyLabel')}
              data-testid="recovery-key"
              data-key={groups.join('')}
              py="md"
              px="lg"
              bg="gray.0"
              style={{ border: '2px dashed var(--mantine-color-gray-5)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Text size="xs" c="dimmed" mb="xs">
                {catalogs.ja['recoveryKey.keyLabel']} / {catalogs.en['recoveryKey.keyLabel']}
              </Text>
              <SimpleGrid cols={{ base: 3, xs: 4, sm: 5 }} spacing="md" verticalSpacing="xs">
                {groups.map((group, i) => (
                  <Text key={i} ff="monospace" fz={30} fw={700} lts={3} ta="center">
                    {group}
                  </Text>
                ))}
              </SimpleGrid>
            </Box>

            <Divider />
            <Stack gap="xs">
              <Text size="sm" lang="ja">
                {catalogs.ja['recoveryKey.instructions']}
              </Text>
              <Text size="sm" lang="ja" c="dimmed">
                {catalogs.ja['recoveryKey.howToUse']}
              </Text>
              <Text size="sm" lang="en" mt="xs">
                {catalogs.en['recoveryKey.instructions']}
              </Text>
              <Text size="sm" lang="en" c="dimmed">
                {catalogs.en['recoveryKey.howToUse']}
              </Text>
            </Stack>
          </Stack>
        </Paper>

        <Stack className="no-print" gap="md">
          <Group>
            <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
              {t('recoveryKey.print')}
            </Button>
          </Group>
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} label={t('recoveryKey.confirm')} required />
          <Group justify="flex-end">
            <Button disabled={!confirmed} onClick={onContinue}>
              {t('recoveryKey.continue')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </PublicLayout>
  );
}

function SheetLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

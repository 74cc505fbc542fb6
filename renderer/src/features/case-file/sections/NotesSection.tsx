import { Paper, Stack, Text } from '@mantine/core';
import type { CaseFile } from '../../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Section } from './Section.tsx';

export function NotesSection({ file }: { file: CaseFile }) {
  const { t } = useI18n();
  return (
    <Section title={t('caseFile.section.notes')} testId="section-notes">
      {file.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('caseFile.noNotes')}
        </Text>
      ) : (
        <Stack gap="xs">
          {file.notes.map((n) => (
            <Paper key={n.id} bg="gray.0" p="sm" radius="sm">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang="ja">
                {n.text}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {n.by} · <JapanDateTime at={n.at} size="xs" />
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

// Shown before saving when the desk finds open cases of the same type for the same member (name or
// email): open the existing case, or save anyway.
import { Anchor, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { DuplicateCandidate } from '../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface Props {
  candidates: DuplicateCandidate[] | null;
  onCancel: () => void;
  onOpen: (id: number) => void;
  onSaveAnyway: () => void;
  busy: boolean;
}

export function DuplicatesModal({ candidates, onCancel, onOpen, onSaveAnyway, busy }: Props) {
  const { t } = useI18n();
  return (
    <Modal opened={candidates !== null} onClose={onCancel} title={t('intake.duplicates.title')} size="xl" centered>
      {candidates && (
        <Stack gap="md">
          <Text size="sm">{t('intake.duplicates.body', { n: candidates.length })}</Text>
          <Table verticalSpacing="xs" data-testid="duplicates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queue.col.reference')}</Table.Th>
                <Table.Th>{t('queue.col.member')}</Table.Th>
                <Table.Th>{t('queue.col.status')}</Table.Th>
                <Table.Th>{t('caseFile.arrivedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidates.map((c) => (
                <Table.Tr key={c.id} data-reference={c.reference}>
                  <Table.Td ff="monospace" fw={600}>
                    {c.reference}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lang="ja">
                      {c.memberName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.memberEmail}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={c.status} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <JapanDateTime at={c.arrivedAt} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(c.id)}>
                      {t('intake.duplicates.open', { reference: c.reference })}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('intake.duplicates.back')}
            </Button>
            <Button color="orange" onClick={onSaveAnyway} loading={busy}>
              {t('intake.duplicates.saveAnyway')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

// Settings → security (issue 14): the audit log's last anchors kept outside the database — the heads
// recorded in this desk's backups and printed on compliance packs — and whether today's log still extends
// each (a cut end, an older copy put back or a replaced file shows here as a broken anchor); the address
// the daily anchor email goes to; and a
// supervisor's "re-key now" (a new data key; backups taken before keep the old one). Supervisors only.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import type { AnchorCheck } from '../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { AnchorEmailForm } from './AnchorEmailForm.tsx';

function AnchorRow({ a }: { a: AnchorCheck }) {
  const t = useT();
  return (
    <Table.Tr data-testid="anchor-row" data-source={a.source} data-holds={a.problem === null ? 'yes' : 'no'}>
      <Table.Td>{t(`anchors.source.${a.source}`)}</Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>{a.name}</Table.Td>
      <Table.Td>{a.at.slice(0, 10)}</Table.Td>
      <Table.Td ff="monospace">{a.anchor}</Table.Td>
      <Table.Td>
        {a.problem === null ? (
          <Badge color="teal" variant="light">
            {t('anchors.holds')}
          </Badge>
        ) : (
          <Stack gap={2}>
            <Badge color="red">{t('anchors.broken')}</Badge>
            <Text size="sm" c="red.9">
              {t(`audit.problem.${a.problem.code}`, { seq: a.problem.seq, expectedSeq: a.problem.expectedSeq ?? a.problem.seq })}
            </Text>
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function SecurityPanel() {
  const t = useT();
  const query = useDeskQuery('audit.anchors', {});
  const [confirming, setConfirming] = useState(false);
  // The anchors list is asked again by the invalidation every change brings.
  const rekey = useDeskMutation('desk.rekey', {
    onSuccess: (r) => notifications.show({ message: t('rekey.done', { slots: r.slots }), color: 'teal' }),
  });
  const runRekey = () => rekey.mutate({}, { onSettled: () => setConfirming(false) });

  return (
    <Stack gap="lg" data-testid="security-panel">
      <Stack gap="xs">
        <Title order={3}>{t('anchors.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('anchors.intro')}
        </Text>
        {!query.isSuccess ? (
          <QueryPending query={query} />
        ) : query.data.length === 0 ? (
          <Text size="sm" data-testid="anchors-none">
            {t('anchors.none')}
          </Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('anchors.col.source')}</Table.Th>
                <Table.Th>{t('anchors.col.name')}</Table.Th>
                <Table.Th>{t('anchors.col.date')}</Table.Th>
                <Table.Th>{t('anchors.col.anchor')}</Table.Th>
                <Table.Th>{t('anchors.col.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((a) => (
                <AnchorRow key={`${a.source}:${a.name}:${a.anchor}`} a={a} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <AnchorEmailForm />
      <Stack gap="xs">
        <Title order={3}>{t('rekey.now')}</Title>
        <Text size="sm" c="dimmed">
          {t('rekey.nowConfirm')}
        </Text>
        <ErrorAlert error={rekey.error} />
        <Group>
          <Button leftSection={<IconKey size={16} aria-hidden />} color="orange" onClick={() => setConfirming(true)} data-testid="rekey-now">
            {t('rekey.now')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('rekey.now')}>
        <Stack>
          <Alert color="orange">{t('rekey.nowConfirm')}</Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={rekey.isPending} onClick={runRekey} data-testid="rekey-confirm">
              {t('rekey.now')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

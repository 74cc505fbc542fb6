// Settings → retention: how many years a closed case keeps its personal data (1–10), "purge now" with a
// preview of exactly which cases and fields would be cleared, and the backups older than the period,
// listed for the supervisor to destroy (the desk cannot reach a drawer). Supervisors only.
import { Alert, Button, Group, List, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';

export function RetentionPanel() {
  const t = useT();
  const query = useDeskQuery('retention.get', {});
  const [years, setYears] = useState<number | null>(null);
  // The preview is asked for when the person opens it, and shown only once this opening's answer is in.
  const [previewing, setPreviewing] = useState(false);
  const previewQuery = useDeskQuery('retention.preview', {}, { enabled: previewing });
  const preview = previewing && previewQuery.isSuccess && !previewQuery.isFetching ? previewQuery.data : null;
  const closePreview = () => setPreviewing(false);
  // The desk answers with the panel as it now stands: shown at once (no flash of the old period).
  const setDeskQuery = useSetDeskQuery();
  const update = useDeskMutation('retention.update', {
    onSuccess: (saved) => {
      setDeskQuery('retention.get', {}, saved);
      setYears(null);
      notifications.show({ message: t('retention.saved'), color: 'teal' });
    },
  });
  const purge = useDeskMutation('retention.purge', {
    onSuccess: (r) => notifications.show({ message: t('retention.purged', { n: r.purged.length }), color: 'teal' }),
    onError: closePreview,
  });
  if (!query.isSuccess) return <QueryPending query={query} />;
  const view = query.data;
  const shown = years ?? view.years;
  const openPreview = () => {
    update.reset();
    purge.reset();
    if (previewing) void previewQuery.refetch();
    else setPreviewing(true);
  };
  // The newest problem of the panel: a refused save, a preview the desk would not give, a refused purge.
  const error = update.error ?? (previewing ? previewQuery.error : null) ?? purge.error;

  return (
    <Stack gap="md" maw={720} data-testid="retention-panel">
      <Text size="sm">{t('retention.intro')}</Text>
      <ErrorAlert error={error} />
      <Group align="end">
        <NumberInput label={t('retention.years')} min={1} max={10} value={shown} onChange={(v) => setYears(typeof v === 'number' ? v : null)} w={200} />
        <Button onClick={() => { purge.reset(); update.mutate({ years: shown }); }} loading={update.isPending} disabled={shown === view.years}>
          {t('retention.save')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">{t('retention.cutoff', { date: view.cutoff })}</Text>
      <Group>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={openPreview} loading={previewing && previewQuery.isFetching} data-testid="retention-preview">
          {t('retention.purgeNow')}
        </Button>
      </Group>
      <Alert color={view.oldBackups.length ? 'orange' : 'gray'} title={t('retention.oldBackups')}>
        {view.oldBackups.length === 0 ? (
          <Text size="sm">{t('retention.noOldBackups')}</Text>
        ) : (
          <List size="sm">
            {view.oldBackups.map((b) => (
              <List.Item key={b.name}>{b.name}</List.Item>
            ))}
          </List>
        )}
      </Alert>

      <Modal opened={preview !== null} onClose={closePreview} title={t('retention.previewTitle')} size="lg">
        {preview && (
          <Stack gap="sm" data-testid="retention-preview-list">
            <Text size="sm">{t('retention.previewIntro', { n: preview.cases.length, date: preview.cutoff })}</Text>
            {preview.cases.length > 0 && (
              <Table>
                <Table.Tbody>
                  {preview.cases.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>{c.reference}</Table.Td>
                      <Table.Td>{c.fields.map((f) => t(`retention.field.${f}`)).join('、')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.held.length > 0 && <Text size="sm">{t('retention.held', { refs: preview.held.map((h) => h.reference).join(', ') })}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={closePreview} disabled={purge.isPending}>
                {t('retention.cancel')}
              </Button>
              <Button color="red" loading={purge.isPending} disabled={preview.cases.length === 0} onClick={() => purge.mutate({}, { onSuccess: closePreview })}>
                {t('retention.confirm', { n: preview.cases.length })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

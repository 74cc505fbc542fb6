// Settings → retention: how many years a closed case keeps its personal data (1–10), "purge now" with a
// preview of exactly which cases and fields would be cleared, and the backups older than the period,
// listed for the supervisor to destroy (the desk cannot reach a drawer). Supervisors only.
import { Alert, Button, Group, List, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeskErrorData, PurgePreview } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';

export function RetentionPanel() {
  const t = useT();
  const desk = useDesk();
  const query = useDeskQuery('retention.get', {});
  const [years, setYears] = useState<number | null>(null);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const [preview, setPreview] = useState<PurgePreview | null>(null);
  const [busy, setBusy] = useState(false);
  if (!query.isSuccess) return <QueryPending query={query} />;
  const view = query.data;
  const shown = years ?? view.years;

  const save = async () => {
    setError(null);
    const r = await desk.retention.update({ years: shown });
    if (!r.ok) return setError(r.error);
    setYears(null);
    await query.refetch();
    notifications.show({ message: t('retention.saved'), color: 'teal' });
  };
  const openPreview = async () => {
    setError(null);
    const r = await desk.retention.preview({});
    if (!r.ok) return setError(r.error);
    setPreview(r.value);
  };
  const purge = async () => {
    setBusy(true);
    const r = await desk.retention.purge({});
    setBusy(false);
    setPreview(null);
    if (!r.ok) return setError(r.error);
    notifications.show({ message: t('retention.purged', { n: r.value.purged.length }), color: 'teal' });
    await query.refetch();
  };

  return (
    <Stack gap="md" maw={720} data-testid="retention-panel">
      <Text size="sm">{t('retention.intro')}</Text>
      {error && <ErrorAlert error={error} />}
      <Group align="end">
        <NumberInput label={t('retention.years')} min={1} max={10} value={shown} onChange={(v) => setYears(typeof v === 'number' ? v : null)} w={200} />
        <Button onClick={() => void save()} disabled={shown === view.years}>
          {t('retention.save')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">{t('retention.cutoff', { date: view.cutoff })}</Text>
      <Group>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => void openPreview()} data-testid="retention-preview">
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

      <Modal opened={preview !== null} onClose={() => setPreview(null)} title={t('retention.previewTitle')} size="lg">
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
              <Button variant="default" onClick={() => setPreview(null)}>
                {t('retention.cancel')}
              </Button>
              <Button color="red" loading={busy} disabled={preview.cases.length === 0} onClick={() => void purge()}>
                {t('retention.confirm', { n: preview.cases.length })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

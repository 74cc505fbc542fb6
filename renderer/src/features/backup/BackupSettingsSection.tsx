// Settings → Backup (supervisors): where the desk writes its encrypted backups (a full folder path, off
// this PC's own disk), how many to keep, when to take them; "Back up now" with its result; and the
// status the header shows, in full.
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { methods, type BackupResult, type BackupSettings, type DeskErrorData, type DeskSettings } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';

import { BackupDetails } from './BackupIndicator.tsx';
import { useBackupStatus } from './useBackupStatus.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';

type Values = { folder: string; keep: string };

const toValues = (b: BackupSettings): Values => ({ folder: b.folder ?? '', keep: String(b.keep) });

const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function BackupSettingsSection() {
  const query = useDeskQuery('settings.get', {});
  const setData = useSetDeskQuery();
  if (!query.isSuccess) return <QueryPending query={query} />;
  return (
    <Stack gap="lg" maw={900}>
      <BackupForm settings={query.data.backup} onSaved={(s: DeskSettings) => setData('settings.get', {}, s)} />
      <BackupNow configured={query.data.backup.folder !== null} />
    </Stack>
  );
}

function BackupForm({ settings, onSaved }: { settings: BackupSettings; onSaved: (s: DeskSettings) => void }) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm(toValues(settings));
  const [onLock, setOnLock] = useState(settings.onLock);
  const [daily, setDaily] = useState(settings.daily);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const v = form.values;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      backup: { folder: v.folder.trim() === '' ? null : v.folder, keep: v.keep.trim() === '' ? Number.NaN : Number(v.keep), onLock, daily },
    };
    if (!form.check(methods['settings.update'].input, input)) return;
    setBusy(true);
    setError(null);
    const r = await desk.settings.update(input);
    setBusy(false);
    if (r.ok) {
      form.setValues(toValues(r.value.backup));
      onSaved(r.value);
      notifications.show({ message: t('backup.settings.saved'), color: 'teal' });
    } else if (!form.applyServerError(r.error)) setError(r.error);
  };

  const keep = form.text('keep');
  return (
    <form id={form.formId} onSubmit={(e) => void save(e)} noValidate aria-label={t('backup.settings.title')} data-testid="backup-settings">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="md">
          <Title order={3} size="h5">
            {t('backup.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('backup.settings.intro')}
          </Text>
          <TextInput
            label={t('backup.settings.folder')}
            description={t('backup.settings.folderHint')}
            placeholder={t('backup.settings.folderPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.text('folder')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('backup.settings.keep')}
              description={t('backup.settings.keepHint')}
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              name={keep.name}
              value={keep.value}
              error={keep.error}
              onChange={(n) => form.set('keep', String(n))}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Switch label={t('backup.settings.onLock')} description={t('backup.settings.onLockHint')} checked={onLock} onChange={(e) => setOnLock(e.currentTarget.checked)} />
            <Switch label={t('backup.settings.daily')} description={t('backup.settings.dailyHint')} checked={daily} onChange={(e) => setDaily(e.currentTarget.checked)} />
          </Stack>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

function BackupNow({ configured }: { configured: boolean }) {
  const { t, say } = useI18n();
  const desk = useDesk();
  const { status } = useBackupStatus();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BackupResult | null>(null);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await desk.backup.now({});
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
    // The header shows the outcome too, good or bad.
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t('backup.now.title')}
          </Title>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void run()} loading={busy} disabled={!configured}>
            {t('backup.now.button')}
          </Button>
        </Group>
        {!configured && (
          <Text size="sm" c="dimmed">
            {t('backup.now.needsFolder')}
          </Text>
        )}
        {result && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('backup.now.done')} data-testid="backup-result" data-path={result.path} role="status">
            <Stack gap={2}>
              <Text size="sm">
                <JapanDateTime at={result.at} /> · {t('backup.cases', { n: result.cases })} · {size(result.bytes)}
              </Text>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="backup-result-path">
                {result.path}
              </Text>
              {result.removed.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('backup.now.removed', { n: result.removed.length })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red" variant="light" title={t('backup.failedTitle')} data-testid="backup-now-error" role="alert">
            <Text size="sm">{say(error.reason)}</Text>
          </Alert>
        )}
        {status && (
          <Paper withBorder p="md" radius="sm" bg="gray.0" data-testid="backup-status-panel">
            <BackupDetails status={status} role="supervisor" />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

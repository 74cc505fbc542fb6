// Settings → Backup (supervisors): where the desk writes its encrypted backups (a full folder path, off
// this PC's own disk), how many to keep, when to take them; "Back up now" with its result; and the
// status the header shows, in full.
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { BackupSettings, DeskSettings } from '../../../../electron/contract/index.ts';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';

import { BackupDetails } from './BackupIndicator.tsx';
import { useBackupStatus } from './useBackupStatus.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { QueryPending } from '../../api/QueryPending.tsx';

type Values = { folder: string; keep: number | string; onLock: boolean; daily: boolean };

const toValues = (b: BackupSettings): Values => ({ folder: b.folder ?? '', keep: b.keep, onLock: b.onLock, daily: b.daily });

/** NumberInput's value: a number, or the text of a field left empty (refused by the schema, not read as 0). */
const numberOf = (n: number | string) => (typeof n === 'number' ? n : n.trim() === '' ? Number.NaN : Number(n));

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
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'settings.update',
    initialValues: toValues(settings),
    toInput: (v) => ({ backup: { folder: v.folder.trim() === '' ? null : v.folder, keep: numberOf(v.keep), onLock: v.onLock, daily: v.daily } }),
    onSuccess: (saved, _input, f) => {
      f.setValues(toValues(saved.backup));
      onSaved(saved);
      notifications.show({ message: t('backup.settings.saved'), color: 'teal' });
    },
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('backup.settings.title')} data-testid="backup-settings">
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
            {...field('folder')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('backup.settings.keep')}
              description={t('backup.settings.keepHint')}
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              name="keep"
              {...form.getInputProps('keep')}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Switch label={t('backup.settings.onLock')} description={t('backup.settings.onLockHint')} {...form.getInputProps('onLock', { type: 'checkbox' })} />
            <Switch label={t('backup.settings.daily')} description={t('backup.settings.dailyHint')} {...form.getInputProps('daily', { type: 'checkbox' })} />
          </Stack>
          <FormProblem problem={formProblem} />
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
  const { status } = useBackupStatus();
  // The header shows the outcome too, good or bad.
  const backup = useDeskMutation('backup.now');
  const result = backup.data ?? null;
  const error = backup.error;
  const busy = backup.isPending;
  const run = () => backup.mutate({});

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t('backup.now.title')}
          </Title>
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={run} loading={busy} disabled={!configured}>
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

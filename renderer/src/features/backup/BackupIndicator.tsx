// The backup status in the header: when the last good backup was taken, and — never silently — a failed
// one, in red with the desk's reason (also raised once as a notification that stays until dismissed).
// Supervisors are reminded when no backup folder is set yet. Details open in a popover.
import { Alert, Badge, Box, Button, Divider, Loader, Popover, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDatabase, IconDatabaseExclamation, IconDatabaseOff, IconSettings } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { BackupStatus, Locale, Role } from '../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useBackupStatus } from './useBackupStatus.ts';
import type { Translate } from '../../i18n/catalog.ts';

export type BackupState = 'failed' | 'none' | 'never' | 'running' | 'stale' | 'ok';

/** A good backup older than this is shown as overdue (the daily backup should have run). */
const STALE_MS = 2 * 24 * 3_600_000;

export function backupState(s: BackupStatus, now = Date.now()): BackupState {
  if (s.lastFailure) return 'failed';
  if (s.running) return 'running';
  if (s.folder === null) return 'none';
  if (!s.lastSuccess) return 'never';
  return now - Date.parse(s.lastSuccess.at) > STALE_MS ? 'stale' : 'ok';
}

/** "3 min ago", "2 時間前", "just now" (the catalog words the sentence around it). */
export function ago(locale: Locale, iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  const f = new Intl.RelativeTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { numeric: 'always', style: 'short' });
  if (minutes < 1) return locale === 'ja' ? 'たった今' : 'just now';
  if (minutes < 60) return f.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return f.format(-hours, 'hour');
  return f.format(-Math.round(hours / 24), 'day');
}

function label(t: Translate, locale: Locale, state: BackupState, s: BackupStatus): string {
  switch (state) {
    case 'failed':
      return t('backup.indicator.failed');
    case 'running':
      return t('backup.indicator.running');
    case 'none':
      return t('backup.indicator.none');
    case 'never':
      return t('backup.indicator.never');
    case 'stale':
    case 'ok':
      return t('backup.indicator.ok', { ago: ago(locale, s.lastSuccess!.at) });
  }
}

const look: Record<BackupState, { color: string; variant: 'filled' | 'light' | 'subtle'; icon: typeof IconDatabase }> = {
  failed: { color: 'red', variant: 'filled', icon: IconDatabaseExclamation },
  running: { color: 'indigo', variant: 'light', icon: IconDatabase },
  none: { color: 'yellow', variant: 'light', icon: IconDatabaseOff },
  never: { color: 'yellow', variant: 'light', icon: IconDatabaseOff },
  stale: { color: 'yellow', variant: 'light', icon: IconDatabaseExclamation },
  ok: { color: 'gray', variant: 'subtle', icon: IconDatabase },
};

interface Props {
  role: Role;
  /** Opens Settings (supervisors), where the Backup section is. */
  onOpenSettings?: () => void;
}

export function BackupIndicator({ role, onOpenSettings }: Props) {
  const { t, locale, say } = useI18n();
  const { status } = useBackupStatus();
  const failedAt = status?.lastFailure?.at ?? null;
  const failedBecause = status?.lastFailure ? say(status.lastFailure.reason) : '';
  // Failures already raised as a notification in this session.
  const raised = useRef(new Set<string>());

  // A new failure is also raised where it cannot be missed; it stays until someone closes it, and is
  // raised once per failure (the status is asked again every minute).
  useEffect(() => {
    if (!failedAt || raised.current.has(failedAt)) return;
    raised.current.add(failedAt);
    notifications.show({
      id: `backup-failure-${failedAt}`,
      color: 'red',
      title: t('backup.failedTitle'),
      message: failedBecause,
      autoClose: false,
      icon: <IconAlertTriangle size={18} />,
    });
  }, [failedAt, failedBecause, t]);

  if (!status) return null;
  const state = backupState(status);
  // Agents are not asked to choose a folder: that is a supervisor's setting.
  if ((state === 'none' || state === 'never') && role !== 'supervisor') return null;
  const { color, variant, icon: Icon } = look[state];

  return (
    <Popover width={380} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          size="compact-sm"
          color={color}
          variant={variant}
          // Light and subtle buttons: dark words on the pale tint (yellow text on yellow fails AA; axe checks it).
          c={variant === 'filled' ? undefined : 'gray.9'}
          leftSection={state === 'running' ? <Loader size={12} color={color} /> : <Icon size={16} aria-hidden />}
          data-testid="backup-indicator"
          data-state={state}
          aria-label={`${t('backup.indicator.label')}: ${label(t, locale, state, status)}`}
          style={{ flexShrink: 0 }}
        >
          {/* On a narrow window only a failure keeps its words; the icon and colour say the rest. */}
          {state === 'failed' ? (
            label(t, locale, state, status)
          ) : (
            <Box component="span" visibleFrom="md">
              {label(t, locale, state, status)}
            </Box>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="backup-details">
        <BackupDetails status={status} role={role} onOpenSettings={onOpenSettings} />
      </Popover.Dropdown>
    </Popover>
  );
}

/** What the desk knows of its backups, in words: shared by the header popover and Settings → Backup. */
export function BackupDetails({ status, role, onOpenSettings }: { status: BackupStatus; role: Role; onOpenSettings?: () => void }) {
  const { t, say } = useI18n();
  const state = backupState(status);
  return (
    <Stack gap="xs">
      {status.lastFailure && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle size={18} />} title={t('backup.failedTitle')} data-testid="backup-failure" role="alert">
          <Text size="sm">{say(status.lastFailure.reason)}</Text>
          <Text size="xs" mt={4}>
            {t('backup.failedAt')} <JapanDateTime at={status.lastFailure.at} />
          </Text>
        </Alert>
      )}
      {status.running && (
        <Text size="sm" c="indigo">
          {t('backup.indicator.running')}
        </Text>
      )}
      {status.lastSuccess ? (
        <Stack gap={2} data-testid="backup-last-success">
          <Text size="xs" c="dimmed">
            {t('backup.lastSuccess')}
          </Text>
          <Text size="sm">
            <JapanDateTime at={status.lastSuccess.at} fw={600} />
            {state === 'stale' && (
              <Badge tt="none" ml="xs" size="xs" color="yellow">
                {t('backup.stale')}
              </Badge>
            )}
          </Text>
          <Text size="xs" c="dimmed">
            {t('backup.cases', { n: status.lastSuccess.cases })}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {status.lastSuccess.path}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('backup.noSuccessYet')}
        </Text>
      )}
      <Divider />
      {status.folder === null ? (
        <Text size="sm" c={role === 'supervisor' ? 'yellow.9' : 'dimmed'}>
          {role === 'supervisor' ? t('backup.noFolderHint') : t('backup.noFolderAgent')}
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('backup.folder')}{' '}
            <Text span ff="monospace" size="xs" style={{ overflowWrap: 'anywhere' }}>
              {status.folder}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {status.nextDue ? (
              <>
                {t('backup.nextDue')} <JapanDateTime at={status.nextDue} />
              </>
            ) : (
              t('backup.noneScheduled')
            )}
          </Text>
        </>
      )}
      {role === 'supervisor' && onOpenSettings && (
        <Button size="compact-sm" variant="light" leftSection={<IconSettings size={14} aria-hidden />} onClick={onOpenSettings} mt={4}>
          {t('backup.openSettings')}
        </Button>
      )}
    </Stack>
  );
}

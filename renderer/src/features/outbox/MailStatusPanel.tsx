// Online / offline at a glance on the Outbox screen: the connection as the sender last saw it, in plain
// words, when it next tries, and how many messages wait.
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlugConnected, IconPlugConnectedX, IconServerOff } from '@tabler/icons-react';
import type { MailConnection, MailStatus } from '../../../../electron/contract/index.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { connectionColor } from './outboxText.ts';

const icon: Record<MailConnection, typeof IconPlugConnected> = {
  not_configured: IconServerOff,
  unknown: IconPlugConnected,
  online: IconPlugConnected,
  offline: IconPlugConnectedX,
  auth_failed: IconPlugConnectedX,
};

export function MailStatusPanel({ status }: { status: MailStatus }) {
  const { t, say } = useI18n();
  const Icon = icon[status.connection];
  const trouble = status.connection === 'offline' || status.connection === 'auth_failed';
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      data-testid="mail-status"
      data-connection={status.connection}
      bg={status.connection === 'auth_failed' ? 'red.0' : status.connection === 'offline' ? 'orange.0' : undefined}
      role="status"
      aria-live="polite"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Group gap="sm" align="flex-start" wrap="nowrap" miw={0} style={{ flex: 1 }}>
          <Icon size={22} color={`var(--mantine-color-${connectionColor[status.connection]}-7)`} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Badge tt="none" color={connectionColor[status.connection]} variant={trouble ? 'filled' : 'light'} data-testid="mail-connection">
                {t(`mailStatus.connection.${status.connection}`)}
              </Badge>
              {status.sending && (
                <Badge tt="none" color="indigo" variant="dot">
                  {t('mailStatus.sendingNow')}
                </Badge>
              )}
            </Group>
            <Text size="sm">{t(`mailStatus.message.${status.connection}`)}</Text>
            {status.lastError && trouble && (
              <Text size="xs" c="dimmed">
                {say(status.lastError)}
              </Text>
            )}
            <Group gap="md">
              {status.lastContactAt && (
                <Text size="xs" c="dimmed">
                  {t('mailStatus.lastContact')} <JapanDateTime at={status.lastContactAt} />
                </Text>
              )}
              {status.nextTryAt && (
                <Text size="xs" c="dimmed" data-testid="mail-next-try">
                  {t('mailStatus.nextTry')} <JapanDateTime at={status.nextTryAt} />
                </Text>
              )}
              {status.oldestQueuedAt && (
                <Text size="xs" c="dimmed">
                  {t('mailStatus.oldestQueued')} <JapanDateTime at={status.oldestQueuedAt} />
                </Text>
              )}
            </Group>
          </Stack>
        </Group>
        <Group gap="lg" wrap="nowrap" data-testid="mail-counts">
          <Count label={t('outbox.state.draft')} n={status.counts.draft} state="draft" />
          <Count label={t('outbox.state.queued')} n={status.counts.queued + status.counts.sending} state="queued" />
          <Count label={t('outbox.state.failed')} n={status.counts.failed} state="failed" alert={status.counts.failed > 0} />
          <Count label={t('outbox.state.sent')} n={status.counts.sent} state="sent" />
        </Group>
      </Group>
    </Paper>
  );
}

function Count({ label, n, state, alert = false }: { label: string; n: number; state: string; alert?: boolean }) {
  return (
    <Stack gap={0} align="center" data-state={state} data-count={n}>
      <Text fw={700} size="lg" c={alert ? 'red.7' : undefined} lh={1.2}>
        {n}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
    </Stack>
  );
}

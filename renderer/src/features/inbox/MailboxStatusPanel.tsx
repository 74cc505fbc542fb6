// The desk's mailbox at a glance on the Inbox: connected or not, in plain words, IDLE or polling, when it
// next tries, and the server's own words when it refused. Asked again every 15 s.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

export function MailboxStatusPanel({ onFetched }: { onFetched: () => void }) {
  const t = useT();
  const status = useDeskQuery('mailbox.status', {}, { refetchInterval: 15_000 }).data;
  const setDeskQuery = useSetDeskQuery();
  // The status the fetch answers is shown at once; the list follows a moment later, once the fetched mail is in.
  const fetchNow = useDeskMutation('mailbox.fetchNow', {
    onSuccess: (s) => setDeskQuery('mailbox.status', {}, s),
    onSettled: () => setTimeout(onFetched, 1_500),
  });
  if (!status) return null;
  const trouble = status.connection === 'auth_failed' || status.connection === 'folder_missing' || status.connection === 'offline' || status.connection === 'server_error';
  return (
    <Paper withBorder p="sm" radius="md" role="status" data-testid="mailbox-status" data-connection={status.connection} bg={status.connection === 'auth_failed' ? 'red.0' : trouble ? 'orange.0' : undefined}>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text size="sm">{t(`mailbox.status.${status.connection}`)}</Text>
          {status.connection === 'online' && <Text size="xs" c="dimmed">{t(status.idle ? 'mailbox.status.idle' : 'mailbox.status.poll')}</Text>}
          {status.serverResponse && <Text size="xs" c="dimmed">{`${t('mailbox.status.server')}: ${status.serverResponse}`}</Text>}
          <Group gap="md">
            {status.lastContactAt && (
              <Text size="xs" c="dimmed">
                {t('mailbox.status.lastContact')} <JapanDateTime at={status.lastContactAt} size="xs" span />
              </Text>
            )}
            {status.nextTryAt && (
              <Text size="xs" c="dimmed">
                {t('mailbox.status.nextTry')} <JapanDateTime at={status.nextTryAt} size="xs" span />
              </Text>
            )}
          </Group>
        </Stack>
        {status.connection !== 'not_configured' && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            loading={fetchNow.isPending}
            onClick={() => fetchNow.mutate({})}
          >
            {t('inbox.fetchNow')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={fetchNow.error} />
    </Paper>
  );
}

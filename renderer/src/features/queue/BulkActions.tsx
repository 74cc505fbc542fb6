// Bulk moves on the selected rows. Each case is checked by the desk on its own; the outcome lists what
// was done and every refusal with its reference and the desk's reason.
import { ActionBar, Alert, Button, Group, List, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconUserCheck, IconUserShare } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { BulkOutcome, DeskErrorData } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type BulkAction = 'assignMe' | 'assignUser' | 'startReview' | 'close';

interface Props {
  ids: number[];
  onClear: () => void;
  onDone: (action: BulkAction, outcome: BulkOutcome) => void;
}

export function BulkActions({ ids, onClear, onDone }: Props) {
  const { t } = useI18n();
  const desk = useDesk();
  const { user } = useShell();
  const [busy, setBusy] = useState<BulkAction | null>(null);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  const [username, setUsername] = useState('');

  const run = async (action: BulkAction, assignee?: string) => {
    setBusy(action);
    setError(null);
    const result =
      action === 'startReview'
        ? await desk.cases.bulkStartReview({ ids })
        : action === 'close'
          ? await desk.cases.bulkClose({ ids })
          : await desk.cases.bulkAssign({ ids, assignee: assignee ?? user.username });
    setBusy(null);
    if (result.ok) {
      setAssignOpen(false);
      onDone(action, result.value);
    } else setError(result.error);
  };

  const submitUser = (e: FormEvent) => {
    e.preventDefault();
    if (username.trim()) void run('assignUser', username.trim());
  };

  return (
    <ActionBar opened={ids.length > 0} onClose={onClear} aria-label={t('bulk.label')} shadow="lg" p="sm" data-testid="bulk-actions">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} data-testid="bulk-count">
            {t('bulk.selected', { n: ids.length })}
          </Text>
          <ActionBar.Divider />
          <Button size="xs" variant="light" leftSection={<IconUserCheck size={14} aria-hidden />} loading={busy === 'assignMe'} onClick={() => void run('assignMe')}>
            {t('bulk.assignMe')}
          </Button>
          <Popover opened={assignOpen} onChange={setAssignOpen} position="top" withArrow trapFocus>
            <Popover.Target>
              <Button size="xs" variant="light" leftSection={<IconUserShare size={14} aria-hidden />} onClick={() => setAssignOpen((o) => !o)}>
                {t('bulk.assignTo')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <form onSubmit={submitUser} aria-label={t('bulk.assignTo')}>
                <Group gap="xs" align="flex-end">
                  <TextInput label={t('account.username')} size="xs" value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoCapitalize="none" spellCheck={false} data-autofocus />
                  <Button size="xs" type="submit" loading={busy === 'assignUser'}>
                    {t('bulk.assign')}
                  </Button>
                </Group>
              </form>
            </Popover.Dropdown>
          </Popover>
          <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} aria-hidden />} loading={busy === 'startReview'} onClick={() => void run('startReview')}>
            {t('action.startReview')}
          </Button>
          <Button size="xs" variant="light" color="green" leftSection={<IconCheck size={14} aria-hidden />} loading={busy === 'close'} onClick={() => void run('close')}>
            {t('action.close')}
          </Button>
          <ActionBar.CloseButton aria-label={t('bulk.clear')} />
        </Group>
        <ErrorAlert error={error} />
      </Stack>
    </ActionBar>
  );
}

/** What a bulk move did: the count done and each refusal with its reference and message. */
export function BulkResult({ action, outcome, onClose }: { action: BulkAction; outcome: BulkOutcome; onClose: () => void }) {
  const { t, say } = useI18n();
  const refused = outcome.refused.length;
  return (
    <Alert
      color={refused === 0 ? 'teal' : outcome.done.length === 0 ? 'red' : 'yellow'}
      variant="light"
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      title={t(`bulk.result.${action}`, { n: outcome.done.length })}
      role="status"
      data-testid="bulk-result"
    >
      {refused > 0 && (
        <Stack gap={4}>
          <Text size="sm">{t('bulk.refused', { n: refused })}</Text>
          <List size="sm" spacing={2}>
            {outcome.refused.map((r) => (
              <List.Item key={r.id} data-reference={r.reference}>
                <Text span ff="monospace" fw={600} size="sm">
                  {r.reference}
                </Text>
                {' — '}
                {say(r.reason)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Alert>
  );
}

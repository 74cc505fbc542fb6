// Bulk moves on the selected rows. Only moves every selected case allows (the contract's moveFrom) are
// offered; the others are named with the cases that block them. Each case is still checked by the desk
// on its own; the outcome lists what was done and every refusal with its reference and the desk's reason.
import { ActionBar, Alert, Button, Group, List, Popover, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlayerPlay, IconUserCheck, IconUserShare } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { moveFrom, type BulkOutcome, type CaseAction, type CaseStatus, type QueueRow } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { useActiveAccounts } from '../../api/useActiveAccounts.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type BulkAction = 'assignMe' | 'assignUser' | 'startReview' | 'close';

interface Props {
  /** The selected rows (a selection belongs to the page it was made on). */
  rows: QueueRow[];
  onClear: () => void;
  onDone: (action: BulkAction, outcome: BulkOutcome) => void;
}

const moveOf: Record<BulkAction, CaseAction> = { assignMe: 'assign', assignUser: 'assign', startReview: 'startReview', close: 'close' };

/** For one move, the selected cases whose status does not allow it, grouped by that status. */
function blockers(rows: QueueRow[], action: CaseAction): Array<{ status: CaseStatus; references: string[] }> {
  const by = new Map<CaseStatus, string[]>();
  for (const r of rows) if (!moveFrom[action].includes(r.status)) by.set(r.status, [...(by.get(r.status) ?? []), r.reference]);
  return [...by].map(([status, references]) => ({ status, references }));
}

export function BulkActions({ rows, onClear, onDone }: Props) {
  const { t, say } = useI18n();
  const { user } = useShell();
  const accounts = useActiveAccounts();
  const [assignOpen, setAssignOpen] = useState(false);
  const [assignee, setAssignee] = useState<string | null>(null);
  const ids = rows.map((r) => r.id);

  // One of the bulk moves (each its own contract method); `variables.action` says which button is busy.
  const move = useDeskStep(
    async (desk, { action, ids, to }: { action: BulkAction; ids: number[]; to: string }) =>
      deskValue(
        action === 'startReview'
          ? await desk.cases.bulkStartReview({ ids })
          : action === 'close'
            ? await desk.cases.bulkClose({ ids })
            : await desk.cases.bulkAssign({ ids, assignee: to }),
      ),
    {
      onSuccess: (outcome, { action }) => {
        setAssignOpen(false);
        setAssignee(null);
        // Where the person is looking: a notification now, the affected rows marked, the refusals listed.
        notifications.show({
          message: t(`bulk.result.${action}`, { n: outcome.done.length }) + (outcome.refused.length > 0 ? ` ${t('bulk.refused', { n: outcome.refused.length })}` : ''),
          color: outcome.refused.length === 0 ? 'teal' : outcome.done.length === 0 ? 'red' : 'yellow',
        });
        onDone(action, outcome);
      },
    },
  );
  const busy = move.isPending ? move.variables.action : null;
  const run = (action: BulkAction, to?: string) => move.mutate({ action, ids, to: to ?? user.username });

  const submitUser = (e: FormEvent) => {
    e.preventDefault();
    if (assignee) run('assignUser', assignee);
  };

  const blocked = (action: BulkAction) => blockers(rows, moveOf[action]);
  const offered = (action: BulkAction) => blocked(action).length === 0;
  const unavailable = (['assignMe', 'startReview', 'close'] as const).flatMap((action) =>
    blocked(action).map((b) => ({ action, ...b })),
  );

  return (
    <ActionBar opened={rows.length > 0} onClose={onClear} aria-label={t('bulk.label')} shadow="lg" p="sm" data-testid="bulk-actions">
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} data-testid="bulk-count">
            {t('bulk.selected', { n: rows.length })}
          </Text>
          <ActionBar.Divider />
          {offered('assignMe') && (
            <>
              <Button size="xs" variant="light" leftSection={<IconUserCheck size={14} aria-hidden />} loading={busy === 'assignMe'} onClick={() => run('assignMe')}>
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
                      <Select
                        label={t('bulk.assignee')}
                        size="xs"
                        searchable
                        data={(accounts ?? []).map((a) => ({ value: a.username, label: `${a.displayName}（${a.username}）` }))}
                        value={assignee}
                        onChange={setAssignee}
                        nothingFoundMessage={t('bulk.noStaff')}
                        comboboxProps={{ withinPortal: false }}
                        data-autofocus
                        w={240}
                      />
                      <Button size="xs" type="submit" disabled={!assignee} loading={busy === 'assignUser'}>
                        {t('bulk.assign')}
                      </Button>
                    </Group>
                  </form>
                </Popover.Dropdown>
              </Popover>
            </>
          )}
          {offered('startReview') && (
            <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} aria-hidden />} loading={busy === 'startReview'} onClick={() => run('startReview')}>
              {t('action.startReview')}
            </Button>
          )}
          {offered('close') && (
            <Button size="xs" variant="light" color="green" leftSection={<IconCheck size={14} aria-hidden />} loading={busy === 'close'} onClick={() => run('close')}>
              {t('action.close')}
            </Button>
          )}
          <ActionBar.CloseButton aria-label={t('bulk.clear')} />
        </Group>
        {unavailable.length > 0 && (
          <List size="xs" spacing={0} data-testid="bulk-unavailable" aria-label={t('bulk.unavailable')}>
            {unavailable.map((u) => (
              <List.Item key={`${u.action}-${u.status}`} data-action={moveOf[u.action]} data-status={u.status}>
                <Text span size="xs" fw={600}>
                  {t(u.action === 'assignMe' ? 'action.assign' : `action.${u.action}`)}
                </Text>
                {t('bulk.notFor', { n: u.references.length, references: u.references.join('、') })}
                {say({ code: 'WRONG_STATUS', status: u.status, action: moveOf[u.action] })}
              </List.Item>
            ))}
          </List>
        )}
        <ErrorAlert error={move.error} />
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

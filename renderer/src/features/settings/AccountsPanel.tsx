// Accounts: list, add (agent or supervisor), disable, reset. New and reset accounts get a one-time
// password shown once; the person must replace it at first login.
import { Badge, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Account, OneTimePassword, Role, SessionUser } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { deskValue, useDeskStep } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { dateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AddAccountModal } from './AddAccountModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';

import { QueryPending } from '../../api/QueryPending.tsx';

type Pending = { action: 'disable' | 'reset' | 'enable'; account: Account } | { action: 'role'; account: Account; role: Role } | null;

export function AccountsPanel({ currentUser }: { currentUser: SessionUser }) {
  const { t, locale } = useI18n();
  const query = useDeskQuery('accounts.list', {});
  const [adding, setAdding] = useState(false);
  const [otp, setOtp] = useState<{ otp: OneTimePassword; name: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  // The confirmed change to one account (each its own contract method); the list is asked again by the
  // invalidation every change brings.
  const change = useDeskStep(
    async (desk, p: NonNullable<Pending>) => {
      const username = p.account.username;
      return deskValue(
        p.action === 'disable'
          ? await desk.accounts.disable({ username })
          : p.action === 'role'
            ? await desk.accounts.setRole({ username, role: p.role })
            : p.action === 'enable'
              ? await desk.accounts.enable({ username })
              : await desk.accounts.reset({ username }),
      );
    },
    {
      onSuccess: (value, p) => {
        if (value) setOtp({ otp: value, name: p.account.displayName });
        else if (p.action === 'role') notifications.show({ message: t('accounts.roleChanged', { name: p.account.displayName, role: t(`role.${p.role}`) }), color: 'teal' });
        else notifications.show({ message: t('accounts.disabled', { name: p.account.displayName }), color: 'teal' });
      },
      onSettled: () => setPending(null),
    },
  );
  const busy = change.isPending;
  const confirmPending = () => {
    if (pending) change.mutate(pending);
  };

  let body;
  if (!query.isSuccess) {
    body = <QueryPending query={query} />;
  } else if (query.data.length === 0) {
    body = <Text c="dimmed">{t('accounts.empty')}</Text>;
  } else {
    body = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="sm" data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.col.username')}</Table.Th>
              <Table.Th>{t('accounts.col.displayName')}</Table.Th>
              <Table.Th>{t('accounts.col.role')}</Table.Th>
              <Table.Th>{t('accounts.col.status')}</Table.Th>
              <Table.Th>{t('accounts.col.lastLogin')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('accounts.col.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((a) => {
              const self = a.username === currentUser.username;
              return (
                <Table.Tr key={a.username} data-username={a.username}>
                  <Table.Td ff="monospace">{a.username}</Table.Td>
                  <Table.Td>
                    {a.displayName}
                    {self && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        ({t('accounts.you')})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={a.role === 'supervisor' ? 'grape' : 'blue'}>
                      {t(`role.${a.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.disabled ? (
                      <Badge color="gray">{t('accounts.status.disabled')}</Badge>
                    ) : a.mustChangePassword ? (
                      <Badge color="orange" variant="light">
                        {t('accounts.status.mustChange')}
                      </Badge>
                    ) : (
                      <Badge color="teal" variant="light">
                        {t('accounts.status.active')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.lastLoginAt ? dateTime(locale, a.lastLoginAt) : t('accounts.never')}</Table.Td>
                  <Table.Td>
                    {!self && (
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        {a.disabled ? (
                          <Button size="xs" variant="light" color="teal" onClick={() => setPending({ action: 'enable', account: a })}>
                            {t('accounts.enable')}
                          </Button>
                        ) : (
                          <Button size="xs" variant="default" onClick={() => setPending({ action: 'reset', account: a })}>
                            {t('accounts.reset')}
                          </Button>
                        )}
                        <Button size="xs" variant="default" onClick={() => setPending({ action: 'role', account: a, role: a.role === 'supervisor' ? 'agent' : 'supervisor' })}>
                          {t('accounts.changeRole')}
                        </Button>
                        {!a.disabled && (
                          <Button size="xs" variant="light" color="red" onClick={() => setPending({ action: 'disable', account: a })}>
                            {t('accounts.disable')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('accounts.intro')}
        </Text>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
          {t('accounts.add')}
        </Button>
      </Group>
      <ErrorAlert error={change.error} />
      {body}

      <AddAccountModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(created, name) => {
          setAdding(false);
          setOtp({ otp: created, name });
        }}
      />
      <OneTimePasswordModal otp={otp?.otp ?? null} name={otp?.name ?? ''} onDone={() => setOtp(null)} />
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending ? t(`accounts.${pending.action === 'role' ? 'role' : pending.action}Title`) : ''}
        centered
      >
        {pending && (
          <Stack gap="md">
            <Text size="sm">
              {pending.action === 'role'
                ? t('accounts.roleConfirm', { name: pending.account.displayName, role: t(`role.${pending.role}`) })
                : t(`accounts.${pending.action}Confirm`, { name: pending.account.displayName })}
            </Text>
            {pending.action === 'disable' && (
              // Disabling re-keys the desk; what it cannot reach (older backups) is said plainly.
              <Text size="sm" c="dimmed">
                {t('rekey.disableNote')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(null)} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button color={pending.action === 'disable' ? 'red' : undefined} loading={busy} onClick={confirmPending}>
                {pending.action === 'role' ? t('accounts.changeRole') : t(`accounts.${pending.action}`)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

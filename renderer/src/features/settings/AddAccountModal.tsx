import { Button, Group, Input, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type OneTimePassword, type Role } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (otp: OneTimePassword, displayName: string) => void;
}

export function AddAccountModal({ opened, onClose, onCreated }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('accounts.addTitle')} centered size="md">
      {/* Mounted only while open, so the form starts empty every time. */}
      {opened && <AddAccountForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function AddAccountForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: Props['onCreated'] }) {
  const t = useT();
  const desk = useDesk();
  const roleLabelId = useId();
  const form = useContractForm({ username: '', displayName: '', role: 'agent' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { username: form.values.username, displayName: form.values.displayName, role: form.values.role as Role };
    if (!form.check(methods['accounts.create'].input, input)) return;
    setBusy(true);
    setError(null);
    const result = await desk.accounts.create(input);
    setBusy(false);
    if (result.ok) onCreated(result.value, input.displayName.trim());
    else if (!form.applyServerError(result.error)) setError(result.error);
  };

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('accounts.addTitle')}>
      <Stack gap="md">
        <TextInput
          label={t('account.username')}
          description={t('account.usernameHint')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          {...form.text('username')}
        />
        <TextInput label={t('account.displayName')} description={t('account.displayNameHint')} required autoComplete="off" {...form.text('displayName')} />
        <Stack gap={4}>
          <Input.Label id={roleLabelId}>{t('account.role')}</Input.Label>
          <SegmentedControl
            aria-labelledby={roleLabelId}
            value={form.values.role}
            onChange={(v) => form.set('role', v)}
            data={[
              { value: 'agent', label: t('role.agent') },
              { value: 'supervisor', label: t('role.supervisor') },
            ]}
          />
        </Stack>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('accounts.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Input, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { OneTimePassword, Role } from '../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
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
  const roleLabelId = useId();
  const { form, formId, onSubmit, busy, error, formProblem } = useDeskForm({
    method: 'accounts.create',
    initialValues: { username: '', displayName: '', role: 'agent' as Role },
    toInput: (v) => v,
    onSuccess: (otp, input) => onCreated(otp, input.displayName.trim()),
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('accounts.addTitle')}>
      <Stack gap="md">
        <TextInput
          label={t('account.username')}
          description={t('account.usernameHint')}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          data-autofocus
          name="username"
          {...form.getInputProps('username')}
        />
        <TextInput label={t('account.displayName')} description={t('account.displayNameHint')} required autoComplete="off" name="displayName" {...form.getInputProps('displayName')} />
        <Stack gap={4}>
          <Input.Label id={roleLabelId}>{t('account.role')}</Input.Label>
          <SegmentedControl
            aria-labelledby={roleLabelId}
            {...form.getInputProps('role')}
            data={[
              { value: 'agent', label: t('role.agent') },
              { value: 'supervisor', label: t('role.supervisor') },
            ]}
          />
        </Stack>
        <FormProblem problem={formProblem} />
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

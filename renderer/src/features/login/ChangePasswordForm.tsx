// After a one-time password (new account, reset) the person sets their own before reaching the shell.
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type SessionUser } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import type { Problem } from '../../forms/useContractForm.ts';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AuthCard } from './AuthCard.tsx';

interface Props {
  user: SessionUser;
  onChanged: (user: SessionUser) => void;
  onLock: () => void;
}

export function ChangePasswordForm({ user, onChanged, onLock }: Props) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm({ currentPassword: '', newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { currentPassword, newPassword, confirm } = form.values;
    const extra: Record<string, Problem> = { ...confirmationProblem(newPassword, confirm, 'confirm') };
    if (newPassword && newPassword === currentPassword) extra.newPassword = { key: 'changePassword.mustDiffer' };
    const input = { currentPassword, newPassword };
    if (!form.check(methods['auth.changePassword'].input, input, extra)) return;
    setBusy(true);
    setError(null);
    const result = await desk.auth.changePassword(input);
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else if (result.error.code === 'AUTH_FAILED') form.fail('currentPassword', 'changePassword.wrongCurrent');
    else if (!form.applyServerError(result.error)) setError(result.error);
  };

  return (
    <AuthCard title={t('changePassword.title')} intro={t('changePassword.required')}>
      <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('changePassword.title')}>
        <Stack gap="md">
          {/* Lets the browser's password manager file the new password under the right account. */}
          <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
          <PasswordInput label={t('changePassword.current')} required autoComplete="current-password" autoFocus {...form.text('currentPassword')} />
          <NewPasswordFields
            form={form}
            name="newPassword"
            confirmName="confirm"
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
          />
          <ErrorAlert error={error} />
          <Group justify="space-between">
            <Button variant="default" onClick={onLock}>
              {t('shell.lock')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}

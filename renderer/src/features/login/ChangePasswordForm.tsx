// After a one-time password (new account, reset) the person sets their own before reaching the shell.
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { SessionUser } from '../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AuthCard } from './AuthCard.tsx';

interface Props {
  user: SessionUser;
  onChanged: (user: SessionUser) => void;
  onLock: () => void;
}

export function ChangePasswordForm({ user, onChanged, onLock }: Props) {
  const t = useT();
  const { formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'auth.changePassword',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    toInput: ({ currentPassword, newPassword }) => ({ currentPassword, newPassword }),
    rules: (v) => ({
      confirm: confirmationProblem(v.newPassword, v.confirm),
      newPassword: v.newPassword && v.newPassword === v.currentPassword ? 'changePassword.mustDiffer' : undefined,
    }),
    onSuccess: onChanged,
    onDeskError: (e, { fail }) => {
      if (e.code !== 'AUTH_FAILED') return false;
      fail('currentPassword', 'changePassword.wrongCurrent');
      return true;
    },
  });

  return (
    <AuthCard title={t('changePassword.title')} intro={t('changePassword.required')}>
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('changePassword.title')}>
        <Stack gap="md">
          {/* Lets the browser's password manager file the new password under the right account. */}
          <input type="text" name="username" value={user.username} autoComplete="username" readOnly hidden />
          <PasswordInput label={t('changePassword.current')} required autoComplete="current-password" autoFocus {...field('currentPassword')} />
          <NewPasswordFields
            password={field('newPassword')}
            confirm={field('confirm')}
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
          />
          <FormProblem problem={formProblem} />
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

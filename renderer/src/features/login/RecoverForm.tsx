// Every password lost: the printed recovery key plus a supervisor's user name set a new password.
import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import type { SessionUser } from '../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AuthCard } from './AuthCard.tsx';

interface Props {
  initialUsername: string;
  onRecovered: (user: SessionUser) => void;
  onBack: () => void;
}

export function RecoverForm({ initialUsername, onRecovered, onBack }: Props) {
  const t = useT();
  const { formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'auth.recover',
    initialValues: { recoveryKey: '', username: initialUsername, newPassword: '', confirm: '' },
    toInput: ({ recoveryKey, username, newPassword }) => ({ recoveryKey, username, newPassword }),
    rules: (v) => ({ confirm: confirmationProblem(v.newPassword, v.confirm) }),
    onSuccess: onRecovered,
    onDeskError: (e, { fail }) => {
      if (e.code !== 'AUTH_FAILED') return false;
      fail('recoveryKey', 'recover.failed');
      return true;
    },
  });

  return (
    <AuthCard title={t('recover.title')} intro={t('recover.intro')}>
      <form id={formId} onSubmit={onSubmit} noValidate aria-label={t('recover.title')}>
        <Stack gap="md">
          <TextInput
            label={t('recover.key')}
            description={t('recover.keyHint')}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
            {...field('recoveryKey')}
          />
          <TextInput label={t('recover.username')} required autoComplete="username" autoCapitalize="none" spellCheck={false} {...field('username')} />
          <NewPasswordFields
            password={field('newPassword')}
            confirm={field('confirm')}
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
          />
          <FormProblem problem={formProblem} />
          <ErrorAlert error={error} />
          <Button type="submit" loading={busy} fullWidth>
            {t('recover.submit')}
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={onBack}>
              {t('recover.backToLogin')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}

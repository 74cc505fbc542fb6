// Every password lost: the printed recovery key plus a supervisor's user name set a new password.
import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type SessionUser } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { confirmationProblem, NewPasswordFields } from '../../forms/NewPasswordFields.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AuthCard } from './AuthCard.tsx';

interface Props {
  initialUsername: string;
  onRecovered: (user: SessionUser) => void;
  onBack: () => void;
}

export function RecoverForm({ initialUsername, onRecovered, onBack }: Props) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm({ recoveryKey: '', username: initialUsername, newPassword: '', confirm: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { recoveryKey, username, newPassword, confirm } = form.values;
    const input = { recoveryKey, username, newPassword };
    if (!form.check(methods['auth.recover'].input, input, confirmationProblem(newPassword, confirm, 'confirm'))) return;
    setBusy(true);
    setError(null);
    const result = await desk.auth.recover(input);
    setBusy(false);
    if (result.ok) onRecovered(result.value);
    else if (result.error.code === 'AUTH_FAILED') form.fail('recoveryKey', 'recover.failed');
    else if (!form.applyServerError(result.error)) setError(result.error);
  };

  return (
    <AuthCard title={t('recover.title')} intro={t('recover.intro')}>
      <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('recover.title')}>
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
            {...form.text('recoveryKey')}
          />
          <TextInput label={t('recover.username')} required autoComplete="username" autoCapitalize="none" spellCheck={false} {...form.text('username')} />
          <NewPasswordFields
            form={form}
            name="newPassword"
            confirmName="confirm"
            label={t('account.newPassword')}
            confirmLabel={t('account.newPasswordConfirm')}
          />
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

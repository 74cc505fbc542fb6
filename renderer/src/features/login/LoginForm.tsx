// Log in with user name and password. A wrong password is shown under the password field; a
// throttled account counts down until it may try again.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { methods, type DeskErrorData, type SessionUser } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import type { LockReason } from '../../app/DeskFlow.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useContractForm } from '../../forms/useContractForm.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { AuthCard } from './AuthCard.tsx';
import { useCountdown } from './useCountdown.ts';

const reasonText: Record<LockReason | 'none', MessageKey> = {
  idle: 'login.lockedIdle',
  user: 'login.lockedByUser',
  sessionEnded: 'login.sessionEnded',
  none: 'login.locked',
};

interface Props {
  initialUsername: string;
  reason: LockReason | null;
  lockError: DeskErrorData | null;
  onLoggedIn: (user: SessionUser) => void;
  onUseRecoveryKey: (username: string) => void;
}

export function LoginForm({ initialUsername, reason, lockError, onLoggedIn, onUseRecoveryKey }: Props) {
  const t = useT();
  const desk = useDesk();
  const form = useContractForm({ username: initialUsername, password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const throttle = useCountdown();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (throttle.remaining > 0) return;
    const input = { username: form.values.username, password: form.values.password };
    if (!form.check(methods['auth.login'].input, input)) return;
    setBusy(true);
    setError(null);
    const result = await desk.auth.login(input);
    setBusy(false);
    if (result.ok) {
      onLoggedIn(result.value);
      return;
    }
    const { code } = result.error;
    if (code === 'AUTH_FAILED') {
      form.set('password', '');
      form.fail('password', 'errors.AUTH_FAILED');
    } else if (code === 'AUTH_THROTTLED') {
      form.set('password', '');
      throttle.start(result.error.retryAfterSeconds ?? 30);
    } else if (!form.applyServerError(result.error)) {
      setError(result.error);
    }
  };

  const passwordProps = form.text('password');
  const throttled = throttle.remaining > 0;

  return (
    <AuthCard title={t('login.title')}>
      <Alert variant="light" color="gray" icon={<IconLock size={18} />} role="status" data-testid="lock-reason" data-reason={reason ?? 'none'}>
        {t(reasonText[reason ?? 'none'])}
      </Alert>
      <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={t('login.title')}>
        <Stack gap="md">
          <TextInput
            label={t('account.username')}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={!initialUsername}
            {...form.text('username')}
          />
          <PasswordInput
            label={t('account.password')}
            required
            autoComplete="current-password"
            autoFocus={!!initialUsername}
            {...passwordProps}
            error={throttled ? t('login.throttled', { seconds: throttle.remaining }) : passwordProps.error}
            aria-invalid={throttled || !!passwordProps.error || undefined}
            data-testid="password"
          />
          {/* A failed auth.lock is shown too: the screen is locked, but the desk may not be. */}
          <ErrorAlert error={error ?? lockError} />
          <Button type="submit" loading={busy} disabled={throttled} fullWidth>
            {t('login.submit')}
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={() => onUseRecoveryKey(form.values.username)}>
              {t('login.useRecoveryKey')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}

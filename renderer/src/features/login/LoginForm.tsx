// Log in with user name and password. A wrong password is shown under the password field; a
// throttled account counts down until it may try again.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { DeskErrorData, SessionUser } from '../../../../electron/contract/index.ts';
import type { LockReason } from '../../app/DeskFlow.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
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
  const throttle = useCountdown();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'auth.login',
    initialValues: { username: initialUsername, password: '' },
    toInput: (v) => v,
    onSuccess: onLoggedIn,
    onDeskError: (e, { form: f, fail }) => {
      if (e.code === 'AUTH_FAILED') {
        f.setFieldValue('password', '');
        fail('password', 'errors.AUTH_FAILED');
        return true;
      }
      if (e.code === 'AUTH_THROTTLED') {
        f.setFieldValue('password', '');
        throttle.start(e.retryAfterSeconds ?? 30);
        return true;
      }
      return false;
    },
  });

  const passwordProps = field('password');
  const throttled = throttle.remaining > 0;

  return (
    <AuthCard title={t('login.title')}>
      <Alert variant="light" color="gray" icon={<IconLock size={18} />} role="status" data-testid="lock-reason" data-reason={reason ?? 'none'}>
        {t(reasonText[reason ?? 'none'])}
      </Alert>
      <form
        id={formId}
        onSubmit={(e) => {
          if (throttled) e.preventDefault();
          else onSubmit(e);
        }}
        noValidate
        aria-label={t('login.title')}
      >
        <Stack gap="md">
          <TextInput
            label={t('account.username')}
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus={!initialUsername}
            {...field('username')}
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
          <FormProblem problem={formProblem} />
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

// Which screen the desk shows, driven by desk.status: a new desk is set up, a locked one asks for a
// login, an unlocked one shows the shell. Locking (by hand, when idle, or because any call answered
// LOCKED) replaces the shell with the login screen, so everything the shell held is unmounted with it.
import { Button, Center, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { DeskDetails, DeskErrorData, DeskStatus, SessionUser, SetupResult } from '../../../electron/contract/index.ts';
import { useDesk } from '../api/DeskProvider.tsx';
import { ChangePasswordForm } from '../features/login/ChangePasswordForm.tsx';
import { LoginForm } from '../features/login/LoginForm.tsx';
import { RecoverForm } from '../features/login/RecoverForm.tsx';
import { RecoveryKeySheet } from '../features/setup/RecoveryKeySheet.tsx';
import { SetupWizard } from '../features/setup/SetupWizard.tsx';
import { RestoreForm } from '../features/backup/RestoreForm.tsx';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { LockListener } from './lockWatch.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { Shell, type DeskSession } from './Shell.tsx';

export type LockReason = 'idle' | 'user' | 'sessionEnded';

type Phase =
  | { name: 'starting' }
  | { name: 'unreachable'; error: DeskErrorData }
  | { name: 'setup' }
  | { name: 'restore' }
  | { name: 'recoveryKey'; setup: SetupResult; details: DeskDetails }
  | { name: 'login'; username: string; reason: LockReason | null; lockError?: DeskErrorData }
  | { name: 'recover'; username: string }
  | { name: 'changePassword'; user: SessionUser }
  | { name: 'shell'; session: DeskSession };

interface Hint {
  username?: string;
  reason?: LockReason;
}

let sessionCounter = 0;

const newPublicClient = () => new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });

function phaseFor(status: DeskStatus, hint: Hint = {}): Phase {
  if (status.state === 'new') return { name: 'setup' };
  if (status.state === 'locked' || !status.user) {
    return { name: 'login', username: hint.username ?? '', reason: hint.reason ?? null };
  }
  if (status.user.mustChangePassword) return { name: 'changePassword', user: status.user };
  sessionCounter += 1;
  return {
    name: 'shell',
    session: {
      id: sessionCounter,
      user: status.user,
      deskName: status.deskName ?? '',
      idleLockMinutes: status.idleLockMinutes ?? 10,
    },
  };
}

export function DeskFlow({ onLocked }: { onLocked: (listener: LockListener) => () => void }) {
  const desk = useDesk();
  const t = useT();
  const [phase, setPhase] = useState<Phase>({ name: 'starting' });
  const [publicClient] = useState(newPublicClient);

  const refresh = useCallback(
    async (hint?: Hint) => {
      const status = await desk.desk.status({});
      setPhase(status.ok ? phaseFor(status.value, hint) : { name: 'unreachable', error: status.error });
    },
    [desk],
  );

  useEffect(() => {
    let current = true;
    void desk.desk.status({}).then((status) => {
      if (current) setPhase(status.ok ? phaseFor(status.value) : { name: 'unreachable', error: status.error });
    });
    return () => {
      current = false;
    };
  }, [desk]);

  // The desk can lock without us (its own idle timer, a restart of the host): any LOCKED answer
  // while someone is logged in ends the session on screen too.
  useEffect(
    () =>
      onLocked(() => {
        notifications.clean();
        setPhase((p) => {
          if (p.name === 'shell') return { name: 'login', username: p.session.user.username, reason: 'sessionEnded' };
          if (p.name === 'changePassword') return { name: 'login', username: p.user.username, reason: 'sessionEnded' };
          return p;
        });
      }),
    [onLocked],
  );

  const lock = useCallback(
    async (reason: LockReason, username: string) => {
      // Unmount first: the data leaves the screen now, not after a round trip to the desk.
      notifications.clean();
      setPhase({ name: 'login', username, reason });
      const result = await desk.auth.lock({});
      if (!result.ok) setPhase((p) => (p.name === 'login' ? { ...p, lockError: result.error } : p));
    },
    [desk],
  );

  const authenticated = useCallback(
    (user: SessionUser) => {
      if (user.mustChangePassword) setPhase({ name: 'changePassword', user });
      else void refresh({ username: user.username });
    },
    [refresh],
  );

  const deskChanged = useCallback(async () => {
    const status = await desk.desk.status({});
    if (!status.ok) return;
    const { deskName, idleLockMinutes } = status.value;
    setPhase((p) =>
      p.name === 'shell'
        ? { ...p, session: { ...p.session, deskName: deskName ?? p.session.deskName, idleLockMinutes: idleLockMinutes ?? p.session.idleLockMinutes } }
        : p,
    );
  }, [desk]);

  // Outside a session (set-up, restore, login, recovery, first password) forms send through a client
  // of their own that holds mutations only: nothing a locked desk showed is cached, and the shell's
  // session keeps its own cache.
  const screen = phaseScreen();
  return phase.name === 'shell' ? screen : <QueryClientProvider client={publicClient}>{screen}</QueryClientProvider>;

  function phaseScreen(): ReactNode {
    switch (phase.name) {
      case 'starting':
        return (
          <PublicLayout>
            <Center py="xl">
              <Loader aria-label={t('app.loading')} />
            </Center>
          </PublicLayout>
        );
      case 'unreachable':
        return (
          <PublicLayout size="sm">
            <Stack>
              <ErrorAlert error={phase.error} />
              <Button onClick={() => void refresh()} w="fit-content">
                {t('app.retry')}
              </Button>
            </Stack>
          </PublicLayout>
        );
      case 'setup':
        return (
          <SetupWizard
            onCreated={(setup, details) => setPhase({ name: 'recoveryKey', setup, details })}
            onRestore={() => setPhase({ name: 'restore' })}
          />
        );
      case 'restore':
        return <RestoreForm onRestored={(user) => (user ? authenticated(user) : void refresh())} onBack={() => setPhase({ name: 'setup' })} />;
      case 'recoveryKey':
        return (
          <RecoveryKeySheet
            recoveryKey={phase.setup.recoveryKey}
            details={phase.details}
            onContinue={() => authenticated(phase.setup.user)}
          />
        );
      case 'login':
        return (
          <LoginForm
            key={`${phase.username}:${phase.reason}`}
            initialUsername={phase.username}
            reason={phase.reason}
            lockError={phase.lockError ?? null}
            onLoggedIn={authenticated}
            onUseRecoveryKey={(username) => setPhase({ name: 'recover', username })}
          />
        );
      case 'recover':
        return (
          <RecoverForm
            initialUsername={phase.username}
            onRecovered={authenticated}
            onBack={() => setPhase({ name: 'login', username: phase.username, reason: null })}
          />
        );
      case 'changePassword':
        return (
          <ChangePasswordForm user={phase.user} onChanged={authenticated} onLock={() => void lock('user', phase.user.username)} />
        );
      case 'shell':
        return (
          <Shell
            key={phase.session.id}
            session={phase.session}
            onLock={(reason) => void lock(reason, phase.session.user.username)}
            onDeskChanged={() => void deskChanged()}
          />
        );
    }
  }
}

// The desk's status and the ways into and out of a session: set-up, login, recovery, lock, password
// change, the session touch. Each login path names the person and hands the freshly unlocked desk to
// DeskSession.open (core/session), which is the one place a session starts.
import type { MethodsOf } from '../../contract/index.ts';
import { DeskError } from '../errors.ts';
import { createDesk, unlockWithRecovery } from '../vault/vault.ts';
import { changePassword, recoverSupervisor } from '../auth/accounts.ts';
import { recoverySecret } from '../keys/recovery-key.ts';
import { readSettings } from '../settings/settings.ts';
import { APP_VERSION } from '../version.ts';
import type { DeskSession } from '../session/desk-session.ts';
import type { HandlerMap } from './handler.ts';

type SessionMethod = MethodsOf<'auth' | 'session'> | 'desk.status' | 'desk.setup';

export function sessionHandlers(session: DeskSession): HandlerMap<SessionMethod> {
  const { paths, throttle, now } = session;
  return {
    'desk.status': async () => {
      const p = await session.presenceForStatus();
      const settings = session.isUnlocked() ? await readSettings(session.desk().store.db) : null;
      return {
        state: p.state === 'new' ? 'new' : session.isUnlocked() ? 'unlocked' : 'locked',
        problem: p.state === 'damaged' ? p.reason : null,
        deskName: settings ? settings.desk.deskNameJa : null,
        user: session.user(),
        idleLockMinutes: settings?.idleLockMinutes ?? null,
        mode: session.mode,
        version: APP_VERSION,
      };
    },
    'desk.setup': async (input) => {
      const { unlocked, recoveryKey, user } = await createDesk(paths, input, session.kdfCost);
      await session.open(unlocked, async () => user);
      return { recoveryKey, user };
    },
    'auth.login': async ({ username, password }) => {
      await session.requirePresent();
      const wait = throttle.waitSeconds(username, now().getTime());
      if (wait > 0) throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field: 'password' });
      try {
        const user = await session.openWithPassword(username, password);
        throttle.succeeded(username);
        return user;
      } catch (e) {
        // A name this PC's connection profile was never connected for counts as a miss too: guessing names there is no faster.
        if (e instanceof DeskError && (e.reason.code === 'AUTH_FAILED' || e.reason.code === 'CONNECTION_PROFILE_NO_SLOT')) throttle.failed(username, now().getTime());
        throw e;
      }
    },
    'auth.recover': async ({ recoveryKey, username, newPassword }) => {
      await session.requirePresent();
      const t = now().getTime();
      const wait = throttle.waitSeconds('#recovery', t);
      if (wait > 0) throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field: 'recoveryKey' });
      const desk = await unlockWithRecovery(paths, recoverySecret(recoveryKey));
      if (!desk) {
        throttle.failed('#recovery', t);
        throw new DeskError({ code: 'RECOVERY_KEY_WRONG' }, { field: 'recoveryKey' });
      }
      throttle.succeeded('#recovery');
      return session.open(desk, (d) => recoverSupervisor({ paths, desk: d, kdfCost: session.kdfCost, now }, username, newPassword));
    },
    'auth.lock': async () => {
      await session.close('auth.lock');
      return null;
    },
    'auth.changePassword': async ({ currentPassword, newPassword }, user) => {
      const updated = await changePassword(session.accountsDeps(), user.username, currentPassword, newPassword);
      await session.passwordSet(user.username, newPassword);
      session.replaceUser(updated);
      return updated;
    },
    'session.touch': async () => ({ idleLockMinutes: session.idleLockMinutes() }),
  } satisfies HandlerMap<SessionMethod>;
}

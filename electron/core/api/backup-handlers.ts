// Backups (core/backup) and restoring one onto an empty data folder. A restore with a password opens
// that person's session through DeskSession like any login; with the recovery key the desk stays
// locked, and that person logs in (or recovers) next.
import type { MethodsOf } from '../../contract/index.ts';
import { DeskError, isDeskError } from '../errors.ts';
import { presenceOf } from '../vault/vault.ts';
import { restoreBackup } from '../backup/restore.ts';
import { recoverySecret } from '../keys/recovery-key.ts';
import type { DeskSession } from '../session/desk-session.ts';
import type { HandlerMap } from './handler.ts';

type BackupMethod = MethodsOf<'backup'> | 'desk.restore';

export function backupHandlers(session: DeskSession): HandlerMap<BackupMethod> {
  const { backups } = session.services;
  return {
    'backup.status': async () => backups.view(session.desk()),
    'backup.now': async (_input, user) => backups.takeNow(session.desk(), user.username),
    'desk.restore': async ({ backupPath, username, password, recoveryKey }) => {
      if ((await presenceOf(session.paths)).state !== 'new') throw new DeskError({ code: 'RESTORE_WOULD_OVERWRITE' });
      const key = password !== undefined ? `#restore:${username}` : '#restore:recovery';
      const field = password !== undefined ? 'password' : 'recoveryKey';
      const { throttle, now } = session;
      const wait = throttle.waitSeconds(key, now().getTime());
      if (wait > 0) throw new DeskError({ code: 'AUTH_THROTTLED', seconds: wait }, { field });
      let cases: number;
      try {
        // The contract's refinement guarantees a user name with a password, and the recovery key otherwise.
        const secret = password !== undefined ? { kind: 'password' as const, username: username ?? '', password } : { kind: 'recovery' as const, secret: recoverySecret(recoveryKey ?? '') };
        ({ cases } = await restoreBackup({ backupPath, paths: session.paths, secret, now: now() }));
      } catch (e) {
        if (isDeskError(e) && e.code === 'AUTH_FAILED') throttle.failed(key, now().getTime());
        throw e;
      }
      throttle.succeeded(key);
      if (password === undefined) return { restored: true, cases, user: null };
      return { restored: true, cases, user: await session.openWithPassword(username ?? '', password) };
    },
  } satisfies HandlerMap<BackupMethod>;
}

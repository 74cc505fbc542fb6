// Staff accounts (supervisors only, except the directory every agent needs to assign a case) and the
// desk re-key (issue 14): thin calls into core/auth and core/rekey.
import type { MethodsOf } from '../../contract/index.ts';
import { createAccount, disableAccount, enableAccount, listAccounts, resetAccount, setAccountRole } from '../auth/accounts.ts';
import { rekeyDesk } from '../rekey/rekey.ts';
import type { DeskSession } from '../session/desk-session.ts';
import type { HandlerMap } from './handler.ts';

type AccountMethod = MethodsOf<'accounts'> | 'desk.rekey';

export function accountHandlers(session: DeskSession): HandlerMap<AccountMethod> {
  const issued = async <T extends { username: string; oneTimePassword: string }>(made: T): Promise<T> => {
    await session.passwordSet(made.username, made.oneTimePassword);
    return made;
  };
  return {
    'accounts.list': async () => listAccounts(session.desk()),
    'accounts.directory': async () =>
      (await listAccounts(session.desk())).filter((a) => !a.disabled).map(({ username, displayName, role }) => ({ username, displayName, role })),
    // On a PC with a connection profile, a one-time password issued here also opens the database from this
    // PC (the person's first log-in re-wraps it under their own), and a disabled person's copy here goes.
    'accounts.create': async (input, user) => issued(await createAccount(session.accountsDeps(), user.username, input)),
    'accounts.disable': async ({ username }, user) => {
      await disableAccount(session.accountsDeps(), user.username, username);
      session.accountDisabled(username);
      return null;
    },
    'accounts.reset': async ({ username }, user) => issued(await resetAccount(session.accountsDeps(), user.username, username)),
    'accounts.enable': async ({ username }, user) => issued(await enableAccount(session.accountsDeps(), user.username, username)),
    'accounts.setRole': async ({ username, role }, user) => {
      await setAccountRole(session.accountsDeps(), user.username, username, role);
      return null;
    },
    'desk.rekey': async (_input, user) => rekeyDesk(session.paths, session.desk(), { actor: user.username, reason: 'supervisor', now: session.now() }),
  } satisfies HandlerMap<AccountMethod>;
}

// Staff accounts: the row in the database says who someone is and what they may do; their key slot
// in the slot file is how they unlock. No password is stored anywhere: a new account or a reset gets
// a one-time password that wraps a fresh slot and must be changed at first login.
import { withSecretBytes } from '../keys/secret-bytes.ts';
import type { Account as AccountView, SessionUser } from '../../contract/index.ts';
import type { Account } from '../../../db/schema.ts';
import { DeskError } from '../errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { loadSigner, newSigningKeyPair } from '../audit/signing-keys.ts';
import { makeUserSlot, openUserSlot, userSlot, withSlot, withoutUserSlot, type KdfCost } from '../keys/key-slots.ts';
import { readSlots, writeSlots } from '../keys/slot-store.ts';
import type { DeskPaths } from '../storage/data-dir.ts';
import type { UnlockedDesk } from '../vault/vault.ts';
import { newOneTimePassword } from './one-time-password.ts';
import { rekeyDesk } from '../rekey/rekey.ts';
import { assertStrongPassword } from './password-strength.ts';

export const toSessionUser = (a: Account): SessionUser => ({
  username: a.username,
  displayName: a.display_name,
  role: a.role,
  mustChangePassword: a.must_change_password === 1,
});

const toView = (a: Account): AccountView => ({
  ...toSessionUser(a),
  disabled: a.disabled === 1,
  createdAt: a.created_at,
  lastLoginAt: a.last_login_at,
});

export interface AccountsDeps {
  paths: DeskPaths;
  desk: UnlockedDesk;
  kdfCost?: KdfCost;
  now: () => Date;
}

export async function findAccount(desk: UnlockedDesk, username: string): Promise<Account | undefined> {
  return desk.store.db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

async function mustFind(desk: UnlockedDesk, username: string): Promise<Account> {
  const a = await findAccount(desk, username);
  if (!a) throw new DeskError({ code: 'ACCOUNT_NOT_FOUND', username }, { field: 'username' });
  return a;
}

export async function listAccounts(desk: UnlockedDesk): Promise<AccountView[]> {
  const rows = await desk.store.db.selectFrom('accounts').selectAll().orderBy('username').execute();
  return rows.map(toView);
}

/**
 * Writes the slot file and the account row together: the row changes inside a transaction that
 * commits only after the slot file is safely on disk. If the commit then fails, the new slot is
 * refused at login because the row still names the old slot id.
 */
async function replaceSlot(
  deps: AccountsDeps,
  username: string,
  password: string,
  rowChanges: Partial<Account>,
  audit: { actor: string; action: string; detail?: Record<string, unknown>; signAsSystem?: boolean },
  /** The person's signing key to wrap: theirs kept (a password change) or a new one, introduced by this row. */
  signing: { privateKey: Buffer; newPublicKey?: string },
): Promise<void> {
  const { paths, desk } = deps;
  const file = await readSlots(paths, desk.store.db);
  const slot = await makeUserSlot(file.deskId, username, password, desk.dataKey, deps.kdfCost, signing.privateKey);
  const now = deps.now();
  await desk.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ ...rowChanges, slot_id: slot.id }).where('username', '=', username).execute();
    await appendAudit(
      trx,
      { actor: audit.actor, action: audit.action, entity: 'account', entityId: username, detail: audit.detail ?? {}, publicKey: signing.newPublicKey, signAsSystem: audit.signAsSystem },
      now,
    );
    await writeSlots(paths, trx, withSlot(file, slot));
  });
}

/** A new signing key for an account: wrapped in its new slot, introduced by the row that makes the slot. */
async function withNewSigningKey<T>(work: (signing: { privateKey: Buffer; newPublicKey: string }) => Promise<T>): Promise<T> {
  const pair = newSigningKeyPair();
  try {
    return await work({ privateKey: pair.privateKey, newPublicKey: pair.publicKey });
  } finally {
    pair.privateKey.fill(0);
  }
}

export async function createAccount(deps: AccountsDeps, actor: string, input: { username: string; displayName: string; role: 'agent' | 'supervisor' }) {
  if (await findAccount(deps.desk, input.username)) {
    throw new DeskError({ code: 'ACCOUNT_EXISTS', username: input.username }, { field: 'username' });
  }
  const now = deps.now().toISOString();
  await deps.desk.store.db
    .insertInto('accounts')
    .values({ username: input.username, display_name: input.displayName, role: input.role, slot_id: null, must_change_password: 1, created_at: now })
    .execute();
  const oneTimePassword = newOneTimePassword();
  await withNewSigningKey((signing) =>
    replaceSlot(deps, input.username, oneTimePassword, { must_change_password: 1, disabled: 0 }, { actor, action: 'account.create', detail: { after: { displayName: input.displayName, role: input.role } } }, signing),
  );
  return { username: input.username, oneTimePassword };
}

export async function resetAccount(deps: AccountsDeps, actor: string, username: string) {
  const a = await mustFind(deps.desk, username);
  if (username === actor) throw new DeskError({ code: 'CANNOT_RESET_SELF' }, { field: 'username' });
  const oneTimePassword = newOneTimePassword();
  await withNewSigningKey((signing) =>
    replaceSlot(deps, username, oneTimePassword, { must_change_password: 1, disabled: 0 }, { actor, action: 'account.reset', detail: { before: { disabled: a.disabled === 1 } } }, signing),
  );
  return { username, oneTimePassword };
}

export async function disableAccount(deps: AccountsDeps, actor: string, username: string): Promise<void> {
  const a = await mustFind(deps.desk, username);
  if (username === actor) throw new DeskError({ code: 'CANNOT_DISABLE_SELF' }, { field: 'username' });
  if (a.disabled === 1) return;
  if (a.role === 'supervisor') {
    if ((await otherActiveSupervisors(deps.desk.store.db, username)) === 0) throw new DeskError({ code: 'LAST_SUPERVISOR' }, { field: 'username' });
  }
  const file = await readSlots(deps.paths, deps.desk.store.db);
  await deps.desk.store.db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ disabled: 1, slot_id: null }).where('username', '=', username).execute();
    await appendAudit(trx, { actor, action: 'account.disable', entity: 'account', entityId: username, detail: { before: { disabled: false }, after: { disabled: true } } }, deps.now());
    await writeSlots(deps.paths, trx, withoutUserSlot(file, username));
  });
  // The key leaves with the person: their copy of any old key-slot file opens nothing written from now on.
  await rekeyDesk(deps.paths, deps.desk, { actor, reason: 'account-disabled', without: username, now: deps.now() });
}

/** Active supervisors other than `username`: the desk must always keep one (disable, change of role). */
async function otherActiveSupervisors(db: UnlockedDesk['store']['db'], username: string): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'supervisor')
    .where('disabled', '=', 0)
    .where('username', '!=', username)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A disabled account back in use (issue 11). Disabling removed its key slot and re-keyed the desk, so
 * it gets a new slot under a new one-time password and a new signing key, exactly as at creation.
 */
export async function enableAccount(deps: AccountsDeps, actor: string, username: string) {
  const a = await mustFind(deps.desk, username);
  if (a.disabled !== 1) throw new DeskError({ code: 'ACCOUNT_NOT_DISABLED', username }, { field: 'username' });
  const oneTimePassword = newOneTimePassword();
  await withNewSigningKey((signing) =>
    replaceSlot(deps, username, oneTimePassword, { must_change_password: 1, disabled: 0 }, { actor, action: 'account.enable', detail: { before: { disabled: true }, after: { disabled: false } } }, signing),
  );
  return { username, oneTimePassword };
}

/** Another role for someone else; the desk always keeps an active supervisor. */
export async function setAccountRole(deps: AccountsDeps, actor: string, username: string, role: 'agent' | 'supervisor'): Promise<void> {
  const a = await mustFind(deps.desk, username);
  if (username === actor) throw new DeskError({ code: 'CANNOT_CHANGE_OWN_ROLE' }, { field: 'role' });
  if (a.role === role) return;
  const db = deps.desk.store.db;
  await db.transaction().execute(async (trx) => {
    if (a.role === 'supervisor' && a.disabled === 0) {
      if ((await otherActiveSupervisors(trx, username)) === 0) throw new DeskError({ code: 'LAST_SUPERVISOR' }, { field: 'role' });
    }
    await trx.updateTable('accounts').set({ role }).where('username', '=', username).execute();
    await appendAudit(trx, { actor, action: 'account.role', entity: 'account', entityId: username, detail: { before: { role: a.role }, after: { role } } }, deps.now());
  });
}

/** Re-wraps the same data key under the new password: the database itself is not rewritten. */
export async function changePassword(deps: AccountsDeps, username: string, currentPassword: string, newPassword: string): Promise<SessionUser> {
  const file = await readSlots(deps.paths, deps.desk.store.db);
  const slot = userSlot(file, username);
  const keys = slot ? await withSecretBytes(currentPassword, (secret) => openUserSlot(file.deskId, slot, secret)) : null;
  if (!keys) throw new DeskError({ code: 'CURRENT_PASSWORD_WRONG' }, { field: 'currentPassword' });
  keys.dataKey.fill(0);
  try {
    if (currentPassword === newPassword) throw new DeskError({ code: 'PASSWORD_UNCHANGED' }, { field: 'newPassword' });
    const account = await mustFind(deps.desk, username);
    await assertStrongPassword(newPassword, 'newPassword', [username, account.display_name]);
    // The same signing key, wrapped under the new password (login enrolled one if the slot had none).
    if (keys.signingKey) await replaceSlot(deps, username, newPassword, { must_change_password: 0 }, { actor: username, action: 'account.password-change' }, { privateKey: keys.signingKey });
    else await withNewSigningKey((signing) => replaceSlot(deps, username, newPassword, { must_change_password: 0 }, { actor: username, action: 'account.password-change', signAsSystem: true }, signing));
  } finally {
    keys.signingKey?.fill(0);
  }
  return toSessionUser(await mustFind(deps.desk, username));
}

/** After unlocking with the recovery key: give a supervisor a new password. */
export async function recoverSupervisor(deps: AccountsDeps, username: string, newPassword: string): Promise<SessionUser> {
  const a = await findAccount(deps.desk, username);
  if (!a || a.role !== 'supervisor') throw new DeskError({ code: 'SUPERVISOR_NOT_FOUND', username }, { field: 'username' });
  await assertStrongPassword(newPassword, 'newPassword', [username, a.display_name]);
  // The recovery key holds no person's key: a new one, introduced by a row the desk's system key signs.
  await withNewSigningKey(async (signing) => {
    await replaceSlot(deps, username, newPassword, { must_change_password: 0, disabled: 0 }, { actor: username, action: 'account.recover', detail: { via: 'recovery key' }, signAsSystem: true }, signing);
    await loadSigner(deps.desk.store.db, username, signing.privateKey);
  });
  return toSessionUser(await mustFind(deps.desk, username));
}

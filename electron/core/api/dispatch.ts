// One gate for every call from either transport: the method must exist, its input must match the
// contract's schema, the caller must hold the session and role the method needs. Only then does the
// handler run. Nothing here throws: every outcome is a Result.
import { methods, type MethodName, type Result, type DeskErrorData, type SessionUser } from '../../contract/index.ts';
import { isDeskError } from '../errors.ts';

export interface Gate {
  /** The logged-in user, or null when locked. */
  currentUser(): SessionUser | null;
  /** Called before an authenticated method runs: it keeps the session from idling out. */
  touch(): void;
}

export type Handler = (input: never, user: SessionUser | null) => Promise<unknown>;

// Allowed while a user still has to replace a one-time password: nothing that shows or changes data.
const DURING_PASSWORD_CHANGE = new Set<MethodName>(['desk.status', 'auth.lock', 'auth.changePassword', 'session.touch']);

const fail = (error: DeskErrorData): Result<never> => ({ ok: false, error });

export async function dispatch(
  gate: Gate,
  handlers: Record<MethodName, Handler>,
  method: string,
  rawInput: unknown,
  log: (line: string) => void = console.error,
): Promise<Result<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
    return fail({ code: 'UNKNOWN_METHOD', message: `There is no method named ${String(method).slice(0, 60)}.` });
  }
  const name = method as MethodName;
  const spec = methods[name];
  const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    // An unknown key is reported on the object that holds it; the field at fault is the key itself.
    const issues = parsed.error.issues.map((i) => ({
      field: [...i.path, ...(i.code === 'unrecognized_keys' ? i.keys.slice(0, 1) : [])].map(String).join('.'),
      message: i.message,
    }));
    const first = issues[0]!;
    return fail({
      code: 'INVALID_INPUT',
      message: first.field ? `${first.field}: ${first.message}` : first.message,
      field: first.field || undefined,
      issues,
    } as DeskErrorData);
  }
  const user = gate.currentUser();
  if (spec.access !== 'open') {
    if (!user) return fail({ code: 'LOCKED', message: 'The desk is locked. Log in to continue.' });
    if (spec.access === 'supervisor' && user.role !== 'supervisor') {
      return fail({ code: 'FORBIDDEN', message: 'Only a supervisor can do this.' });
    }
    if (user.mustChangePassword && !DURING_PASSWORD_CHANGE.has(name)) {
      return fail({ code: 'PASSWORD_CHANGE_REQUIRED', message: 'Choose a new password before you continue.' });
    }
    // Only what a person caused keeps the session open: a screen's status polling does not.
    if (!('background' in spec && spec.background)) gate.touch();
  }
  try {
    const value = await handlers[name](parsed.data as never, user);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (isDeskError(e)) return fail(e.toData());
    if ((e as Error)?.name === 'CalendarError') {
      const m = (e as Error).message;
      return fail({ code: 'INVALID_INPUT', message: m.charAt(0).toUpperCase() + m.slice(1) + (m.endsWith('.') ? '' : '.') });
    }
    const sqliteCode = (e as { code?: string })?.code;
    if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
      log(`[desk] ${name}: database damaged (${sqliteCode})`);
      return fail({ code: 'STORAGE_DAMAGED', message: 'The case database is damaged and could not be read. Stop using this PC’s desk, run “desk db check”, and restore from a backup; nothing was changed.' });
    }
    // Bugs are logged by method and error class only: messages and stacks can carry personal data.
    log(`[desk] ${name} failed with ${(e as Error)?.name ?? typeof e} (${(e as { code?: string })?.code ?? 'no code'})`);
    return fail({ code: 'INTERNAL', message: 'Something went wrong inside the desk; nothing was saved. Try again, and tell IT if it happens again.' });
  }
}

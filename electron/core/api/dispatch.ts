// One gate for every call from either transport: the method must exist, its input must match the
// contract's schema, the caller must hold the session and role the method needs. Only then does the
// handler run. Nothing here throws: every outcome is a Result.
import type { z } from 'zod';
import { fieldIssuesOf, methods, type MethodName, type ParsedInput, type Result, type Results, type DeskErrorData, type SessionFor, type SessionUser } from '../../contract/index.ts';
import { CalendarError } from '../calendar/errors.ts';
import { errorData, isDeskError } from '../errors.ts';
import { connectProblem, type DatabaseTarget } from '../../../db/postgres.ts';
import { SecretColumnError } from '../../../db/secret-columns.ts';
import { diskFull, isDiskFull } from '../storage/disk-full.ts';
import type { AllHandlers } from './handler.ts';
import { codeOf, nameOf } from '../thrown.ts';
import { StoredJsonError } from '../../../db/json.ts';

export interface Gate {
  /** The logged-in user, or null when locked. */
  currentUser(): SessionUser | null;
  /** Called before an authenticated method runs: it keeps the session from idling out. */
  touch(): void;
  /** The data folder, named when a write finds the disk full. */
  folder?: string;
  /**
   * A shared desk's server. A call that finds it gone (restarted, network down) answers
   * SHARED_DESK_UNREACHABLE: the transaction was rolled back by the server, and the pool opens a new
   * connection for the next call, so the desk reconnects by itself once the server is back.
   */
  server?: DatabaseTarget;
}

// Allowed while a user still has to replace a one-time password: nothing that shows or changes data.
const DURING_PASSWORD_CHANGE = new Set<MethodName>(['desk.status', 'auth.lock', 'auth.changePassword', 'session.touch']);

const fail = (error: DeskErrorData): Result<never> => ({ ok: false, error });

export const isMethodName = (method: unknown): method is MethodName => typeof method === 'string' && Object.hasOwn(methods, method);

/** For a transport: the name is whatever arrived, so it is checked before the typed dispatch runs. */
export async function dispatchAny(
  gate: Gate,
  handlers: AllHandlers,
  method: unknown,
  rawInput: unknown,
  log: (line: string) => void = console.error,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail(errorData({ code: 'UNKNOWN_METHOD', method: String(method).slice(0, 60) }));
  return dispatch(gate, handlers, method, rawInput, log);
}

// zod's output type for a key chosen by a type parameter is, by definition, ParsedInput<M>; TypeScript
// cannot see through the union of 90 schemas to prove it, so the one widening is stated here.
const parse = <M extends MethodName>(method: M, raw: unknown) =>
  (methods[method].input as z.ZodType).safeParse(raw) as z.ZodSafeParseResult<ParsedInput<M>>;

// The access check in dispatch has just shown that a method which is not open has a user.
const sessionFor = <M extends MethodName>(_method: M, user: SessionUser | null) => user as SessionFor<M>;

export async function dispatch<M extends MethodName>(
  gate: Gate,
  handlers: AllHandlers,
  name: M,
  rawInput: unknown,
  log: (line: string) => void = console.error,
): Promise<Result<Results[M]>> {
  const spec = methods[name] as (typeof methods)[MethodName];
  const parsed = parse(name, rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    // Each refused field as a code with its limit (contract/field-problems.ts), never zod's English text:
    // the screens word them from their catalogs.
    const issues = fieldIssuesOf(parsed.error);
    const first = issues[0]!;
    const error: DeskErrorData = {
      code: 'INVALID_INPUT',
      reason: { code: 'INVALID_INPUT' },
      // The schema's own English, for logs and IT staff (no screen shows `message`).
      message: first.field ? `${first.field}: ${parsed.error.issues[0]!.message}` : parsed.error.issues[0]!.message,
      issues,
    };
    if (first.field) error.field = first.field;
    return fail(error);
  }
  const user = gate.currentUser();
  if (spec.access !== 'open') {
    if (!user) return fail(errorData({ code: 'LOCKED' }));
    if (spec.access === 'supervisor' && user.role !== 'supervisor') {
      return fail(errorData({ code: 'SUPERVISOR_ONLY' }));
    }
    if (user.mustChangePassword && !DURING_PASSWORD_CHANGE.has(name)) {
      return fail(errorData({ code: 'PASSWORD_CHANGE_REQUIRED' }));
    }
    // Only what a person caused keeps the session open: a screen's status polling does not.
    if (!('background' in spec && spec.background)) gate.touch();
  }
  try {
    const handler = handlers[name];
    return { ok: true, value: await handler(parsed.data, sessionFor(name, user)) };
  } catch (e) {
    if (isDeskError(e)) return fail(e.toData());
    if (e instanceof CalendarError) return fail(errorData(e.toReason()));
    if (e instanceof StoredJsonError) {
      log(`[desk] ${name}: a stored value does not read as JSON (${e.column})`);
      return fail(errorData({ code: 'STORED_VALUE_UNREADABLE', column: e.column }));
    }
    if (e instanceof SecretColumnError) {
      log(`[desk] ${name}: a sealed secret on the server does not open (${e.column})`);
      return fail(errorData({ code: 'SHARED_DESK_SECRET_UNREADABLE', column: e.column }));
    }
    const lost = gate.server ? connectProblem(e, gate.server) : null;
    if (lost) {
      log(`[desk] ${name}: the shared desk's server did not answer (${lost.code})`);
      return fail(errorData(lost));
    }
    // SQLite rolled the write back; a file write (key slots, settings) left the old file in place.
    if (isDiskFull(e) && gate.folder) return fail(errorData(diskFull(gate.folder)));
    const sqliteCode = codeOf(e);
    if (sqliteCode === 'SQLITE_CORRUPT' || sqliteCode === 'SQLITE_NOTADB') {
      log(`[desk] ${name}: database damaged (${sqliteCode})`);
      return fail(errorData({ code: 'DATABASE_DAMAGED' }));
    }
    // Bugs are logged by method and error class only: messages and stacks can carry personal data.
    log(`[desk] ${name} failed with ${nameOf(e, typeof e)} (${codeOf(e) ?? 'no code'})`);
    return fail(errorData({ code: 'INTERNAL' }));
  }
}

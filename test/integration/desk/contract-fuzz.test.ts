// "Whatever a caller sends, a malformed call is refused as INVALID_INPUT (naming the field at fault)
// before anything runs, and it changes nothing: not a byte in the data folder, not a row."
// Every method of the contract, with the desk locked and with a supervisor logged in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { methodNames, methods, type DeskErrorData, type MethodName } from '../../../electron/contract/index.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { DESK, newDesk, openRuntime, snapshot, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { dumpTables } from '../../support/tables.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * A valid input for the methods of the foundation: each hand-picked case breaks exactly one thing in it,
 * so the error must name exactly that field. Every other method (the case methods, and whatever is added
 * later) still gets the schema-driven checks below, field by field.
 */
const VALID: Partial<Record<MethodName, Record<string, unknown>>> = {
  'desk.status': {},
  'desk.setup': { desk: DESK, supervisor: { username: 'kato', displayName: '加藤 次郎', password: 'another long password' }, locale: 'en' },
  'auth.login': { username: SUPERVISOR.username, password: 'a wrong password' },
  'auth.recover': { recoveryKey: 'A'.repeat(52), username: SUPERVISOR.username, newPassword: 'a brand new password' },
  'auth.lock': {},
  'auth.changePassword': { currentPassword: 'a wrong password', newPassword: 'a brand new password' },
  'session.touch': {},
  'accounts.list': {},
  'accounts.create': { username: 'tanaka', displayName: '田中 一郎', role: 'agent' },
  'accounts.disable': { username: 'tanaka' },
  'accounts.reset': { username: 'tanaka' },
  'settings.get': {},
  'settings.update': { desk: DESK, idleLockMinutes: 15, defaultLocale: 'en' },
};

/** Fields a method may omit: deleting them is not a fault. */
const OPTIONAL: Partial<Record<MethodName, string[]>> = {
  'desk.setup': ['locale'],
  'settings.update': ['desk', 'idleLockMinutes', 'defaultLocale'],
};

const MB = 'x'.repeat(1024 * 1024);

/** Values wrong for any field of that kind in the methods above (each of their text fields is capped well below 1 MB). */
const WRONG_FOR: Record<'string' | 'number' | 'object', unknown[]> = {
  string: [null, 42, 0, true, [], {}, ['sato'], { value: 'sato' }, NaN, Infinity, MB],
  number: [null, '15', '', true, [], {}, [15], NaN, Infinity, -Infinity, 1.5, 0, -0, -1, 241, 1e308, MB],
  object: [null, 'x', 42, true, [], [{}], NaN, MB],
};

/** Odd text typed into a particular field: full-width, invisible, bidi, emoji, lone surrogates, overlong. */
const requiredTextOdd = ['\u3000\u3000', ' \t\n ', '\u00a0', 'x'.repeat(201), '株'.repeat(201)];
const ODD_BY_KEY: Record<string, unknown[]> = {
  username: ['ｓ', 'sato\u200b', '\u202esato', 'sa to', 'sato😀', '\ud800sato', 'İsato', 'ｓａｔｏ＠', 'sato\u0000', '-sato', '', 'x'.repeat(33)],
  displayName: ['\u3000', '', 'x'.repeat(101), '名'.repeat(101)],
  password: ['', 'x'.repeat(257), 'ｘ'.repeat(257)],
  currentPassword: ['x'.repeat(257)],
  newPassword: ['ａ'.repeat(9), 'short', '', 'x'.repeat(257)],
  recoveryKey: ['０'.repeat(52), 'A'.repeat(51), 'A'.repeat(53), 'Ａ'.repeat(51) + 'Ø', 'AAAA-'.repeat(12) + 'AAA1', ''],
  role: ['ａｇｅｎｔ', 'admin', 'Supervisor', 'agent\u0000', ''],
  locale: ['ｊａ', 'JA', 'ja\u0000', 'fr', ''],
  defaultLocale: ['ｊａ', 'EN', 'de', ''],
  postalCode: ['１６０ー００２３', '160-00234', '16O-0023', '〒160-0023', ''],
  email: ['info@career-model.com\u0000', 'ｉｎｆｏ＠', 'info career-model.com', '@career-model.com', `${'a'.repeat(250)}@x.jp`, ''],
  phone: ['x'.repeat(31), '０'.repeat(31)],
  companyJa: requiredTextOdd,
  companyEn: requiredTextOdd,
  deskNameJa: requiredTextOdd,
  deskNameEn: requiredTextOdd,
  addressJa: requiredTextOdd,
  addressEn: requiredTextOdd,
};

interface Case {
  method: MethodName;
  label: string;
  input: unknown;
  /** The field the error must name; undefined when the whole input is at fault. */
  field: string | undefined;
  /** With a valid base the error's own `field` must name it; without, one of its `issues` must. */
  exact: boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown): 'string' | 'number' | 'object' => (typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'object');

/** The top-level fields of a method's input schema (every input is a strict object, or a union of them: each one's fields). */
function shapeKeys(method: MethodName): string[] {
  type Shaped = { shape?: Record<string, unknown> };
  const input = methods[method].input as unknown as Shaped & { options?: Shaped[] };
  return [...new Set((input.options ?? [input]).flatMap((o) => Object.keys(o.shape ?? {})))];
}

/** Every field of a valid input, nested ones included, as [path, value]. */
function fieldsOf(obj: Record<string, unknown>, prefix: string[] = []): Array<[string[], unknown]> {
  return Object.entries(obj).flatMap(([k, v]) => [[[...prefix, k], v] as [string[], unknown], ...(isPlainObject(v) ? fieldsOf(v, [...prefix, k]) : [])]);
}

/** A deep copy of `base` with `path` set to `v` (as an own property even for keys like __proto__), or deleted. */
function withField(base: Record<string, unknown>, path: string[], v: unknown, remove = false): Record<string, unknown> {
  const copy = structuredClone(base);
  let at: Record<string, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete at[last];
  else Object.defineProperty(at, last, { value: v, enumerable: true, writable: true, configurable: true });
  return copy;
}

const show = (v: unknown) => {
  const s = typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 37)}…(${s.length})` : s;
};

/** Wrong for every field of a strict contract, whatever its type: an object with a key nobody declares, arrays of arrays, non-finite numbers. */
const WRONG_FOR_ANY_FIELD: unknown[] = [{ '\u0000unknown': true }, { __proto__field: 1, constructor: 'x' }, [[['nested']]], [[]], NaN, Infinity, -Infinity];

// Every text field is capped: a 1 MB value must be refused like any other malformed one. A field that
// carries a file (base64) may take more than 1 MB; it gets a value one character over its own cap instead.
const FILE_FIELDS = new Set<string>(['inquiries.saveRequestFormPdf.base64']);

function tooLongFor(method: MethodName, key: string): { label: string; value: string } {
  if (!FILE_FIELDS.has(`${method}.${key}`)) return { label: `${key} = 1 MB`, value: MB };
  const field = (methods[method].input as unknown as { shape: Record<string, { maxLength?: number | null }> }).shape[key];
  const max = field?.maxLength;
  if (typeof max !== 'number') throw new Error(`${method}.${key} carries a file but has no cap`);
  return { label: `${key} = ${max + 1} characters (cap ${max})`, value: 'A'.repeat(max + 1) };
}

function handPickedCases(): Case[] {
  const cases: Case[] = [];
  for (const method of methodNames) {
    const valid = VALID[method];
    const base = valid ?? {};
    const exact = valid !== undefined;
    // The whole input of the wrong shape.
    for (const input of [null, 0, 42, NaN, Infinity, '', 'x', MB, true, false, [], [{}], [base]]) {
      cases.push({ method, label: `input ${show(input)}`, input, field: undefined, exact: true });
    }
    // Keys nobody asked for, including prototype-pollution attempts as a JSON body would carry them.
    for (const key of ['extra', '__proto__', 'constructor', 'prototype', 'isAdmin', 'ｕｓｅｒｎａｍｅ', 'user name']) {
      cases.push({ method, label: `extra key ${show(key)}`, input: withField(base, [key], { isAdmin: true, polluted: true }), field: key, exact });
    }
    const json = JSON.stringify(base).replace(/^\{/, '{"__proto__":{"isAdmin":true,"role":"supervisor"},"constructor":{"prototype":{"polluted":true}},');
    cases.push({ method, label: 'JSON.parse(__proto__ + constructor)', input: JSON.parse(json.replace(/,\}$/, '}')), field: '__proto__', exact });
    // Every field the schema declares, with values no field accepts, and with 1 MB of text.
    for (const key of shapeKeys(method)) {
      for (const wrong of WRONG_FOR_ANY_FIELD) cases.push({ method, label: `${key} = ${show(wrong)}`, input: withField(base, [key], wrong), field: key, exact });
      const tooLong = tooLongFor(method, key);
      cases.push({ method, label: tooLong.label, input: withField(base, [key], tooLong.value), field: key, exact });
    }
    if (!valid) continue;
    for (const [path, v] of fieldsOf(valid)) {
      const field = path.join('.');
      // A field of the wrong type.
      for (const wrong of WRONG_FOR[kindOf(v)]) cases.push({ method, label: `${field} = ${show(wrong)}`, input: withField(valid, path, wrong), field, exact });
      // A required field missing.
      if (!OPTIONAL[method]?.includes(field)) cases.push({ method, label: `${field} missing`, input: withField(valid, path, undefined, true), field, exact });
      // An extra key inside a nested object.
      if (isPlainObject(v)) cases.push({ method, label: `${field}.extra`, input: withField(valid, [...path, 'extra'], 1), field: `${field}.extra`, exact });
      // Odd text for that kind of field.
      for (const odd of ODD_BY_KEY[path[path.length - 1]!] ?? []) cases.push({ method, label: `${field} = ${show(odd)}`, input: withField(valid, path, odd), field, exact });
    }
  }
  return cases;
}

const names = (f: string | undefined, field: string) => f === field || (f?.startsWith(`${field}.`) ?? false);

/** The refusal names `field`: as the error's own field (exact), or among its issues. */
function expectNamed(error: DeskErrorData, field: string | undefined, exact: boolean, label: string): void {
  expect([label, error.code]).toEqual([label, 'INVALID_INPUT']);
  if (field === undefined) expect([label, error.field]).toEqual([label, undefined]);
  else if (exact) expect([label, names(error.field, field) ? field : error.field]).toEqual([label, field]);
  else expect([label, error.issues?.some((i) => names(i.field, field)) ? field : error.issues]).toEqual([label, field]);
}

/** Arbitrary JSON of a kind other than the field's: always wrong for it. */
const wrongJsonFor = (kind: 'string' | 'number' | 'object') =>
  (fc.jsonValue() as fc.Arbitrary<Json>).filter((v) => (kind === 'object' ? !isPlainObject(v) : typeof v !== kind));

/** Arbitrary JSON that no field of a strict contract takes: objects carrying an undeclared key, arrays of arrays. */
const wrongForAnyField = fc.oneof(
  fc.tuple(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.jsonValue()).map(([o, v]) => withField(o, ['\u0000undeclared'], v)),
  fc.array(fc.array(fc.jsonValue(), { maxLength: 3 }), { minLength: 1, maxLength: 3 }),
);

interface State {
  name: string;
  dir: { path: string; remove(): void };
  rt: DeskRuntime;
  /** Rows as the contract shows them: compared before and after, outside the byte-for-byte window. */
  visible(): Promise<unknown>;
}

async function lockedDesk(): Promise<State> {
  const dir = tempDir();
  const made = await newDesk(dir.path);
  await made.rt.close(); // a closed runtime leaves the database checkpointed, with no WAL beside it
  const rt = await openRuntime(dir.path);
  return { name: 'locked desk', dir, rt, visible: async () => value(await rt.call('desk.status', {})) };
}

async function supervisorSession(): Promise<State> {
  const dir = tempDir();
  const { rt } = await newDesk(dir.path);
  value(await rt.call('accounts.create', { username: 'tanaka', displayName: '田中 一郎', role: 'agent' }));
  return {
    name: 'unlocked supervisor session',
    dir,
    rt,
    visible: async () => ({
      status: value(await rt.call('desk.status', {})),
      settings: value(await rt.call('settings.get', {})),
      accounts: value(await rt.call('accounts.list', {})),
    }),
  };
}

describe.each([
  ['locked desk', lockedDesk],
  ['unlocked supervisor session', supervisorSession],
// Each property runs over every method (more than a hundred), so its time grows with the contract and with the
// machine's load; the limit is generous because these tests check what is refused, not how fast.
])('every method refuses malformed input and changes nothing (%s)', { timeout: 240_000 }, (name, make) => {
  let s: State;
  let visibleBefore: unknown;
  let rowsBefore: Record<string, unknown[]>;

  beforeAll(async () => {
    s = await make();
    visibleBefore = await s.visible();
    rowsBefore = await dumpTables(s.dir.path);
  });

  afterAll(async () => {
    await s.rt.close();
    s.dir.remove();
  });

  /** Dispatches, checks the refusal, and that not one byte of the data folder changed. */
  async function refused(method: string, input: unknown) {
    const before = snapshot(s.dir.path);
    const r = await s.rt.dispatch(method, input);
    expect(snapshot(s.dir.path), `${method} changed the data folder`).toEqual(before);
    if (r.ok) throw new Error(`${method} accepted ${show(input)}: ${show(r.value)}`);
    return r.error;
  }

  it('every method takes an object (so the field-by-field checks reach it), and the valid bases are valid (so each case breaks one thing)', () => {
    for (const m of methodNames) expect([m, shapeKeys(m).length > 0 || methods[m].input.safeParse({}).success]).toEqual([m, true]);
    for (const [m, base] of Object.entries(VALID)) expect(methods[m as MethodName].input.safeParse(base).success, m).toBe(true);
  });

  it('hand-picked malformed inputs: INVALID_INPUT naming the field at fault, for every method', async () => {
    const cases = handPickedCases();
    expect(new Set(cases.map((c) => c.method))).toEqual(new Set(methodNames));
    for (const c of cases) {
      const label = `${c.method}: ${c.label}`;
      const error = await refused(c.method, c.input);
      expectNamed(error, c.field, c.exact, label);
      expect(error.message.length, label).toBeGreaterThan(0);
      expect(error.message.length, `${label}: the message must not echo a 1 MB value`).toBeLessThan(1000);
    }
    // No case reached Object.prototype.
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    // Hundreds of cases, each snapshotting the data folder: generous on a loaded machine (not a speed check).
  }, 240_000);


  it('arbitrary JSON that is not an object: INVALID_INPUT with no field, for every method', async () => {
    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty((fc.jsonValue() as fc.Arbitrary<Json>).filter((v) => !isPlainObject(v)), async (input) => {
          expectNamed(await refused(method, input), undefined, true, method);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('an input plus any unknown key with any value: INVALID_INPUT naming that key, for every method', async () => {
    for (const method of methodNames) {
      const known = new Set(shapeKeys(method));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf')).filter((k) => !known.has(k)),
          fc.jsonValue(),
          async (key, v) => {
            expectNamed(await refused(method, withField(VALID[method] ?? {}, [key], v)), key, VALID[method] !== undefined, `${method} + ${show(key)}`);
          },
        ),
        { numRuns: 25 },
      );
    }
  });

  it('any declared field given JSON that no field takes: INVALID_INPUT naming that field, for every method', async () => {
    for (const method of methodNames) {
      const keys = shapeKeys(method);
      if (keys.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...keys), wrongForAnyField, async (key, wrong) => {
          expectNamed(await refused(method, withField(VALID[method] ?? {}, [key], wrong)), key, VALID[method] !== undefined, `${method}.${key}`);
        }),
        { numRuns: 25 },
      );
    }
  });

  it('a valid input with any one field (nested ones too) replaced by JSON of the wrong type: INVALID_INPUT naming exactly that field', async () => {
    for (const [method, valid] of Object.entries(VALID) as Array<[MethodName, Record<string, unknown>]>) {
      const fields = fieldsOf(valid);
      if (fields.length === 0) continue;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...fields).chain(([path, v]) => fc.tuple(fc.constant(path), wrongJsonFor(kindOf(v)))),
          async ([path, wrong]) => {
            expectNamed(await refused(method, withField(valid, path, wrong)), path.join('.'), true, method);
          },
        ),
        { numRuns: 40 },
      );
    }
  });

  it('an unknown method name is UNKNOWN_METHOD and changes nothing', async () => {
    const names = ['', 'desk', 'desk.', '.status', 'DESK.STATUS', 'desk.status ', ' desk.status', 'desk.status\u0000', 'ｄｅｓｋ.ｓｔａｔｕｓ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'desk.__proto__', 'accounts.delete', 'db.export', '../desk.status', 'x'.repeat(100_000)];
    for (const method of names) {
      expect(Object.hasOwn(methods, method), `${method} is a method now: pick another name`).toBe(false);
      const error = await refused(method, {});
      expect([method.slice(0, 30), error.code]).toEqual([method.slice(0, 30), 'UNKNOWN_METHOD']);
      expect(error.message.length).toBeLessThan(200);
    }
    await fc.assert(
      fc.asyncProperty(fc.string().filter((m) => !Object.hasOwn(methods, m)), fc.jsonValue(), async (method, input) => {
        expect((await refused(method, input)).code).toBe('UNKNOWN_METHOD');
      }),
      { numRuns: 100 },
    );
  });

  it('afterwards the desk is as it was: the same session, settings and accounts, the same rows in every table', async () => {
    expect(await s.visible()).toEqual(visibleBefore);
    expect(await dumpTables(s.dir.path)).toEqual(rowsBefore);
    if (name === 'locked desk') {
      // Still locked: the gate (after validation) refuses a well-formed call that needs a session.
      expect(await s.rt.call('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
  });
});

// The one contract between the renderer and the desk: every method's name, input schema, who may call
// it, and (through `Results`) what it returns. Both transports and the preload are built from this table.
import { z } from 'zod';
import * as f from './fields.ts';
import type {
  Account,
  DeskSettings,
  DeskStatus,
  OneTimePassword,
  SessionUser,
  SetupResult,
} from './types.ts';

/** open: anyone holding the transport; user: a logged-in staff member; supervisor: that role only. */
export type Access = 'open' | 'user' | 'supervisor';

const empty = z.object({}).strict();

export const deskDetails = z
  .object({
    companyJa: f.requiredText(100),
    companyEn: f.requiredText(100),
    deskNameJa: f.requiredText(100),
    deskNameEn: f.requiredText(100),
    postalCode: z
      .string()
      .transform(f.nfkc)
      .pipe(z.string().regex(/^\d{3}-?\d{4}$/, 'Postal code is 7 digits, e.g. 160-0023.')),
    addressJa: f.requiredText(200),
    addressEn: f.requiredText(200),
    email: f.email,
    phone: f.shortText(30),
  })
  .strict();

export const methods = {
  'desk.status': { access: 'open', input: empty },
  'desk.setup': {
    access: 'open',
    input: z
      .object({
        desk: deskDetails,
        supervisor: z
          .object({ username: f.username, displayName: f.displayName, password: f.newPassword })
          .strict(),
        locale: f.locale.default('ja'),
      })
      .strict(),
  },
  'auth.login': {
    access: 'open',
    input: z
      .object({ username: f.username, password: f.password.pipe(z.string().min(1, 'Enter your password.')) })
      .strict(),
  },
  'auth.recover': {
    access: 'open',
    input: z
      .object({ recoveryKey: f.recoveryKey, username: f.username, newPassword: f.newPassword })
      .strict(),
  },
  'auth.lock': { access: 'open', input: empty },
  'auth.changePassword': {
    access: 'user',
    input: z.object({ currentPassword: f.password, newPassword: f.newPassword }).strict(),
  },
  'session.touch': { access: 'user', input: empty },
  'accounts.list': { access: 'supervisor', input: empty },
  'accounts.create': {
    access: 'supervisor',
    input: z.object({ username: f.username, displayName: f.displayName, role: f.role }).strict(),
  },
  'accounts.disable': { access: 'supervisor', input: z.object({ username: f.username }).strict() },
  'accounts.reset': { access: 'supervisor', input: z.object({ username: f.username }).strict() },
  'settings.get': { access: 'user', input: empty },
  'settings.update': {
    access: 'supervisor',
    input: z
      .object({
        desk: deskDetails.optional(),
        idleLockMinutes: z.number().int().min(1).max(240).optional(),
        defaultLocale: f.locale.optional(),
      })
      .strict(),
  },
} as const satisfies Record<string, { access: Access; input: z.ZodType }>;

export type MethodName = keyof typeof methods;
export const methodNames = Object.keys(methods) as MethodName[];

export interface Results {
  'desk.status': DeskStatus;
  'desk.setup': SetupResult;
  'auth.login': SessionUser;
  'auth.recover': SessionUser;
  'auth.lock': null;
  'auth.changePassword': SessionUser;
  'session.touch': { idleLockMinutes: number };
  'accounts.list': Account[];
  'accounts.create': OneTimePassword;
  'accounts.disable': null;
  'accounts.reset': OneTimePassword;
  'settings.get': DeskSettings;
  'settings.update': DeskSettings;
}

// Every method has a result type and every result type a method: a compile error otherwise.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const _resultsCoverMethods: Exact<keyof Results, MethodName> = true;

export type Input<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;

// The contract types the handlers and the callers (issue 12): these are type-level tests. `npm run
// typecheck` compiles this file, so each `@ts-expect-error` below is itself an assertion: if the wrong
// handler or the wrong input it marks ever compiled, tsc would fail with "unused @ts-expect-error".
// vitest runs the `expectTypeOf` lines too (they do nothing at run time; tsc checks them).
import { describe, expectTypeOf, it } from 'vitest';
import type { HandlerMap, HandlerOf } from '../../../electron/core/api/handler.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { CaseFile, QueuePage, Result, SessionUser } from '../../../electron/contract/index.ts';

describe('a handler is typed by the contract', () => {
  it('its result is the method’s result: a wrong shape does not compile', () => {
    expectTypeOf<ReturnType<HandlerOf<'cases.get'>>>().toEqualTypeOf<Promise<CaseFile>>();
    const wrong = {
      // @ts-expect-error a list of rows is not a case file
      'cases.get': async () => ({ rows: [], total: 0 }),
    } satisfies HandlerMap<'cases.get'>;
    const nothing = {
      // @ts-expect-error accounts.disable answers null, so forgetting to answer (undefined) is refused
      'accounts.disable': async () => undefined,
    } satisfies HandlerMap<'accounts.disable'>;
    expectTypeOf(wrong).not.toBeNever();
    expectTypeOf(nothing).not.toBeNever();
  });

  it('its input is the method’s parsed input: reading a field that is not there does not compile', () => {
    expectTypeOf<Parameters<HandlerOf<'views.remove'>>[0]>().toEqualTypeOf<{ id: number }>();
    const handlers = {
      'views.remove': async (input) => {
        // @ts-expect-error views.remove takes an id, not a name
        void input.name;
        return null;
      },
    } satisfies HandlerMap<'views.remove'>;
    expectTypeOf(handlers['views.remove']).parameter(0).toEqualTypeOf<{ id: number }>();
  });

  it('a map missing one of its methods does not compile', () => {
    // @ts-expect-error views.remove has no handler
    const partial = { 'views.list': async () => [] } satisfies HandlerMap<'views.list' | 'views.remove'>;
    expectTypeOf(partial).not.toBeNever();
  });

  it('the session user follows the method’s access: a user method always has one, an open one may not', () => {
    expectTypeOf<Parameters<HandlerOf<'cases.list'>>[1]>().toEqualTypeOf<SessionUser>();
    expectTypeOf<Parameters<HandlerOf<'backup.now'>>[1]>().toEqualTypeOf<SessionUser>();
    expectTypeOf<Parameters<HandlerOf<'auth.login'>>[1]>().toEqualTypeOf<SessionUser | null>();
  });
});

describe('a caller inside the process (the CLI, tests) is typed by the contract', () => {
  type Call = DeskRuntime['call'];
  type CallOf<M extends Parameters<Call>[0]> = ReturnType<typeof _call<M>>;
  it('the result is the method’s result, without a cast', () => {
    expectTypeOf<CallOf<'cases.get'>>().toEqualTypeOf<Promise<Result<CaseFile>>>();
    expectTypeOf<CallOf<'cases.list'>>().toEqualTypeOf<Promise<Result<QueuePage>>>();
  });

  it('a wrong input or an unknown method does not compile', () => {
    const typed = (c: Call) => {
      // @ts-expect-error an id is a number
      void c('cases.get', { id: 'PD-2026-00001' });
      // @ts-expect-error no such method
      void c('cases.remove', { id: 1 });
      // @ts-expect-error cases.close has no `reason`
      void c('cases.close', { id: 1, reason: 'done' });
      void c('cases.get', { id: 1 });
    };
    expectTypeOf(typed).toBeFunction();
  });
});

declare const _call: DeskRuntime['call'];

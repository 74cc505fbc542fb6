import { describe, expect, it, vi } from 'vitest';
import { channelOf, methodNames, type MethodName, type Result } from '../../../electron/contract/index.ts';
import { registerDeskIpc, type InvokeEventLike, type IpcMainLike } from '../../../electron/main/ipc.ts';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

function fakeRuntime() {
  const dispatch = vi.fn(async (method: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { method, input } }));
  return { dispatch };
}

const appFrame = { senderFrame: { url: 'app://privacy-desk/index.html', parent: null } };

function setup() {
  const { ipcMain, handlers } = fakeIpcMain();
  const runtime = fakeRuntime();
  const log = vi.fn();
  const unregister = registerDeskIpc({ ipcMain, runtime, log });
  const call = (method: MethodName, event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(channelOf(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, ...args);
  };
  return { handlers, runtime, log, unregister, call };
}

describe('registerDeskIpc', () => {
  it('registers exactly one channel per contract method and nothing else', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
    expect(handlers.size).toBe(methodNames.length);
    for (const channel of handlers.keys()) expect(channel).toMatch(/^desk:[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it("passes a good frame's input to runtime.dispatch and returns its result", async () => {
    const { call, runtime } = setup();
    const input = { username: 'sato', password: 'correct horse battery' };
    const result = await call('auth.login', appFrame, input);
    expect(runtime.dispatch).toHaveBeenCalledExactlyOnceWith('auth.login', input);
    expect(result).toEqual({ ok: true, value: { method: 'auth.login', input } });
  });

  it('passes exactly one argument: extra arguments never reach the core', async () => {
    const { call, runtime } = setup();
    await call('accounts.list', appFrame, {}, 'extra', { sneaky: true });
    expect(runtime.dispatch).toHaveBeenCalledExactlyOnceWith('accounts.list', {});
  });

  const foreign: Array<[string, InvokeEventLike]> = [
    ['a null frame', { senderFrame: null }],
    ['a subframe', { senderFrame: { url: 'app://privacy-desk/index.html', parent: { url: 'app://privacy-desk/', parent: null } } }],
    ['http://evil', { senderFrame: { url: 'http://evil.example/', parent: null } }],
    ['file:///etc/passwd', { senderFrame: { url: 'file:///etc/passwd', parent: null } }],
    ['app://other-host', { senderFrame: { url: 'app://other-host/index.html', parent: null } }],
  ];
  it.each(foreign)('answers FORBIDDEN to %s without calling the runtime', async (_name, event) => {
    const { call, runtime, log } = setup();
    const result = await call('settings.get', event, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: { code: 'FOREIGN_SENDER' } } });
    expect(runtime.dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused'));
  });

  it('answers FORBIDDEN when reading the sender frame throws', async () => {
    const { call, runtime } = setup();
    const event = {
      get senderFrame(): never {
        throw new Error('frame disposed');
      },
    };
    const result = (await call('desk.status', event, {})) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
    expect(runtime.dispatch).not.toHaveBeenCalled();
  });

  it('turns a runtime that throws (it should not) into INTERNAL instead of a rejected invoke', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const log = vi.fn();
    registerDeskIpc({ ipcMain, runtime: { dispatch: () => Promise.reject(new Error('boom')) }, log });
    const result = (await handlers.get(channelOf('desk.status'))?.(appFrame, {})) as Result<unknown>;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INTERNAL');
    expect(!result.ok && result.error.message).not.toContain('boom');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });

  it('returns a function that removes every handler it registered', () => {
    const { handlers, unregister } = setup();
    unregister();
    expect(handlers.size).toBe(0);
  });
});

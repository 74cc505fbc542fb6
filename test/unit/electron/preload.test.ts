import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createBuilder } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, methodNames, type DeskApi } from '../../../electron/contract/index.ts';
import { buildDeskApi } from '../../../electron/preload/build-api.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** The api as a plain record: desk[domain][verb]. */
const asRecord = (api: DeskApi) => api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

const shapeOf = (api: Record<string, Record<string, unknown>>) =>
  Object.entries(api)
    .flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}.${verb}`))
    .sort();

describe('buildDeskApi', () => {
  it('builds exactly one function per contract method, as desk.<domain>.<verb>', () => {
    const api = asRecord(buildDeskApi(methodNames, async () => null));
    expect(shapeOf(api)).toEqual([...methodNames].sort());
    for (const verbs of Object.values(api)) for (const fn of Object.values(verbs)) expect(typeof fn).toBe('function');
  });

  it("invokes each method's own channel with exactly its input", async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const api = asRecord(buildDeskApi(methodNames, invoke));
    for (const name of methodNames) {
      const [domain = '', verb = ''] = name.split('.');
      const input = { probe: name };
      await expect(api[domain]?.[verb]?.(input)).resolves.toEqual({ ok: true, value: { channel: channelOf(name), input } });
      expect(invoke).toHaveBeenLastCalledWith(channelOf(name), input);
    }
    expect(invoke).toHaveBeenCalledTimes(methodNames.length);
  });

  it('exposes nothing generic: no invoke/send/on and frozen groups', () => {
    const api = asRecord(buildDeskApi(methodNames, async () => null));
    for (const generic of ['invoke', 'send', 'on', 'ipcRenderer', 'channel']) expect(api).not.toHaveProperty(generic);
    expect(Object.isFrozen(api)).toBe(true);
    for (const group of Object.values(api)) expect(Object.isFrozen(group)).toBe(true);
  });

  it('answers a rejected invoke (no handler, window closing) as an INTERNAL error value', async () => {
    const api = buildDeskApi(methodNames, () => Promise.reject(new Error("No handler registered for 'desk:desk.status'")));
    await expect(api.desk.status({})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL', reason: { code: 'NO_ANSWER' } } });
  });

  it('refuses a method name that is not domain.verb', () => {
    expect(() => buildDeskApi(['__proto__.x' as never], async () => null)).toThrow(/domain\.verb/);
    expect(() => buildDeskApi(['status' as never], async () => null)).toThrow(/domain\.verb/);
    expect(() => buildDeskApi(['desk.status', 'desk.status'], async () => null)).toThrow(/Duplicate/);
  });
});

describe('the Electron bundles (built by build/vite.electron.config.ts into a temp folder)', () => {
  let outDir = '';
  let code = '';
  let mainCode = '';

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'privacy-desk-preload-'));
    const builder = await createBuilder({
      configFile: path.join(repoRoot, 'build/vite.electron.config.ts'),
      logLevel: 'silent',
      environments: { main: { build: { outDir } }, preload: { build: { outDir } } },
    });
    const { main, preload } = builder.environments;
    if (!main || !preload) throw new Error('the main and preload environments are missing from the config');
    await builder.build(main);
    await builder.build(preload);
    code = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
    mainCode = readFileSync(path.join(outDir, 'main.js'), 'utf8');
  }, 60_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('main.js is one ES module importing only electron, Node built-ins and the SQLite package', () => {
    // Comments and double-quoted strings dropped first: bundled libraries keep JSDoc like
    // "@typedef {import('..').Headers}" and messages like "iconv.enableStreamingAPI(require('stream'))",
    // which import nothing.
    const code = mainCode.replace(/\/\*[\s\S]*?\*\//g, '');
    const specifiers = new Set(
      [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*\(\s*(['"])([^'"]+)\3\s*\)/gm)].map(
        (m) => m[2] ?? m[4] ?? '',
      ),
    );
    expect(specifiers).toContain('electron');
    for (const specifier of specifiers) {
      expect(specifier, specifier).toMatch(/^(electron|node:[a-z_/]+|better-sqlite3-multiple-ciphers)$/);
    }
    expect(code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""')).not.toMatch(/\brequire\(/);
    expect(readdirSync(outDir).sort()).toEqual(['main.js', 'preload.cjs']);
  });

  it('preload.cjs is one CommonJS file that requires "electron" and nothing else', () => {
    const required = [...code.matchAll(/\brequire\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2]);
    expect(required).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    expect(code).not.toContain('zod');
  });

  it('exposes window.desk with one function per method, each bound to its own channel', async () => {
    const exposed: Array<[string, unknown]> = [];
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: { invoke },
    };
    const requireFake = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: requireFake, module, exports: module.exports }, { filename: 'preload.cjs' });

    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0] ?? [];
    expect(key).toBe('desk');
    const desk = api as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    expect(shapeOf(desk)).toEqual([...methodNames].sort());

    await expect(desk.auth?.login?.({ username: 'sato', password: 'x' })).resolves.toEqual({
      ok: true,
      value: { channel: 'desk:auth.login', input: { username: 'sato', password: 'x' } },
    });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('desk:auth.login', { username: 'sato', password: 'x' });
  });
});

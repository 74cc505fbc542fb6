// What the browser host answers for an invalid field (issue 12 item 2): the refused fields as codes with
// their limits (contract/field-problems.ts), not zod's English sentences, and the renderer's catalogs word
// each in Japanese with no English run and in English — the same words the screen's own check gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createHostServer } from '../../../electron/host/server.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import { methods, type DeskErrorData, type Result } from '../../../electron/contract/index.ts';
import { newDesk, tempDir } from '../../support/desk.ts';
import { ja } from '../../../renderer/src/i18n/ja.ts';
import { en } from '../../../renderer/src/i18n/en.ts';
import { interpolate, type MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { fieldProblemText, issueMessage, lastSegment } from '../../../renderer/src/forms/issueMessage.ts';

const TOKEN = 'beef'.repeat(12);
let data: ReturnType<typeof tempDir>;
let site: ReturnType<typeof tempDir>;
let rt: DeskRuntime;
let server: Server;
let port: number;

beforeAll(async () => {
  data = tempDir();
  site = tempDir();
  ({ rt } = await newDesk(data.path));
  server = createHostServer({ runtime: rt, token: TOKEN, staticDir: site.path });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await rt.close();
  data.remove();
  site.remove();
});

async function refused(method: string, input: unknown): Promise<DeskErrorData> {
  const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as Result<unknown>;
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
}

const tJa = (k: MessageKey, v?: Record<string, string | number>) => interpolate(ja[k], v);
const tEn = (k: MessageKey, v?: Record<string, string | number>) => interpolate(en[k], v);
/** Four or more English words in a row: what a Japanese screen must never show. */
const englishRun = /\b[A-Za-z]+(?:[ ,’'-]+[A-Za-z]+){3,}\b/;

describe('an invalid field over the host', () => {
  const cases: Array<{ method: string; input: Record<string, unknown>; field: string; problem: unknown; ja: string; en: string }> = [
    { method: 'settings.update', input: { businessHours: { open: '18:00', close: '10:00' } }, field: 'businessHours.close', problem: { code: 'rule' }, ja: ja['validation.custom.close'], en: 'Closing time must be after opening time.' },
    { method: 'settings.update', input: { idleLockMinutes: 0 }, field: 'idleLockMinutes', problem: { code: 'number_min', min: 1 }, ja: tJa('validation.range.idleLockMinutes', { min: 1, max: 240 }), en: tEn('validation.range.idleLockMinutes', { min: 1, max: 240 }) },
    { method: 'settings.update', input: { backup: { folder: 'relative/path', keep: 5, onLock: true, daily: true } }, field: 'backup.folder', problem: { code: 'pattern' }, ja: ja['validation.pattern.folder'], en: en['validation.pattern.folder'] },
    { method: 'settings.update', input: { backup: { folder: null, keep: 500, onLock: true, daily: true } }, field: 'backup.keep', problem: { code: 'number_max', max: 100 }, ja: tJa('validation.numberMax', { max: 100 }), en: 'Enter 100 or less.' },
    { method: 'settings.update', input: { security: { anchorEmail: 'kansa@' } }, field: 'security.anchorEmail', problem: { code: 'pattern' }, ja: ja['validation.pattern.anchorEmail'], en: 'This is not a valid email address (e.g. kansa@example.co.jp).' },
    { method: 'settings.update', input: { colour: 'red' }, field: 'colour', problem: { code: 'unknown_field' }, ja: ja['validation.unknownField'], en: 'This field is not accepted.' },
    { method: 'accounts.create', input: { username: 'tanaka', displayName: 'x'.repeat(500), role: 'agent' }, field: 'displayName', problem: { code: 'too_long', max: 100 }, ja: tJa('validation.tooLong', { max: 100 }), en: 'At most 100 characters.' },
    { method: 'accounts.create', input: { username: 'tanaka', displayName: '田中', role: 'boss' }, field: 'role', problem: { code: 'choose' }, ja: ja['validation.choose'], en: 'Choose one.' },
    { method: 'accounts.create', input: { username: '', displayName: '田中', role: 'agent' }, field: 'username', problem: { code: 'too_short', min: 2 }, ja: tJa('validation.tooShort', { min: 2 }), en: 'At least 2 characters.' },
    { method: 'accounts.create', input: { username: 'tanaka', displayName: '', role: 'agent' }, field: 'displayName', problem: { code: 'required' }, ja: ja['validation.required'], en: 'Required.' },
  ];

  it.each(cases)('$method $field: a code with its limit, worded by the catalogs', async ({ method, input, field, problem, ja: jaText, en: enText }) => {
    const error = await refused(method, input);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe(field);
    expect(error.issues?.[0]).toEqual({ field, problem });
    // Nothing in the issues is a sentence: codes, limits, field paths.
    expect(JSON.stringify(error.issues)).not.toMatch(englishRun);
    const issue = error.issues![0]!;
    const jaWords = fieldProblemText(tJa, ja, issue.problem, lastSegment(issue.field));
    expect(jaWords).toBe(jaText);
    expect(jaWords).toMatch(/[぀-ヿ一-鿿]/);
    expect(jaWords).not.toMatch(englishRun);
    expect(fieldProblemText(tEn, en, issue.problem, lastSegment(issue.field))).toBe(enText);
    // The screen's own check of the same input finds the same code and the same words.
    const own = (methods as Record<string, { input: { safeParse(x: unknown): { success: boolean; error?: { issues: Parameters<typeof issueMessage>[3][] } } } }>)[method]!.input.safeParse(input);
    expect(own.success).toBe(false);
    expect(issueMessage(tJa, ja, 'ja', own.error!.issues[0]!, lastSegment(issue.field))).toBe(jaWords);
  });
});

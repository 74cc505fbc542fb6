// "The office exports mail from its mail client and IT imports it": `desk mail import FILE.eml… --json`
// files each mail as the mailbox would, prints one line per file, and stores the same mail once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newDesk, SUPERVISOR, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { corpus, malformed, plainMail, word } from '../../support/mail-corpus.ts';
import { runCli } from '../../support/run-cli.ts';

let dir: { path: string; remove(): void };
let files: { path: string; remove(): void };
let reference = '';
const desk = () => ['--data-dir', dir.path, '--user', SUPERVISOR.username];

function file(name: string, content: Buffer): string {
  const p = join(files.path, name);
  writeFileSync(p, content);
  return p;
}

beforeAll(async () => {
  dir = tempDir('pd-cli-mail-');
  files = tempDir('pd-cli-eml-');
  const { rt } = await newDesk(dir.path);
  reference = value(await rt.call('cases.create', { ...intake(1), arrivedAt: new Date(Date.now() - 3_600_000).toISOString() })).reference;
  await rt.close();
});
afterAll(() => {
  dir.remove();
  files.remove();
});

describe('desk mail import', () => {
  it('prints one JSON line per file: inbox, attached with its reference, duplicate, and keeps unreadable mail', async () => {
    const request = file('request.eml', corpus().find((e) => e.name.startsWith('attachments'))!.raw);
    const reply = file('reply.eml', plainMail({ subject: word(`Re: 【${reference}】受付のお知らせ`, 'UTF-8') }));
    const garbage = file('garbage.eml', malformed()[1]!.raw);
    const r = await runCli(['mail', 'import', request, reply, request, garbage, ...desk(), '--json'], SUPERVISOR.password);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { file: 'request.eml', status: 'inbox', subject: '本人確認書類の送付', from: 'member@example.com', arrivedAt: '2026-11-24T00:15:02.000Z', attachments: ['在留カード.jpg', '住民票の写し.png', '在留カード.pdf', 'IMG_0001.HEIC', 'documents.zip'] },
      expect.objectContaining({ file: 'reply.eml', status: 'attached', reference }),
      expect.objectContaining({ file: 'request.eml', status: 'duplicate' }),
      expect.objectContaining({ file: 'garbage.eml', status: 'inbox', unreadable: true, attachments: [] }),
    ]);
  }, 60_000);

  it('exits 1 when a file cannot be read at all, after importing the others; says so in plain English without --json', async () => {
    const ok = file('ok.eml', plainMail({ subject: 'fine' }));
    const r = await runCli(['mail', 'import', join(files.path, 'missing.eml'), ok, ...desk()], SUPERVISOR.password);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing.eml: not imported — the file cannot be read');
    expect(r.stdout).toContain('ok.eml: in the Inbox');
  }, 60_000);

  it('refuses a wrong password without touching the desk', async () => {
    const r = await runCli(['mail', 'import', file('x.eml', plainMail({})), ...desk(), '--json'], 'wrong password');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Wrong user name or password');
    expect(r.stdout).toBe('');
  }, 60_000);
});

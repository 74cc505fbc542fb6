// "A 15 s mail.sendTest or a backup.now no longer freezes cases.list or session.touch" (issue 12 item 4,
// issue 15's "the host serves calls concurrently"). Two browser clients of one desk over the real HTTP
// host: the supervisor tests a mail server that accepts the connection and never says a word (the
// desk's real 15 s greeting timeout), and while that test is still waiting, the other client's queue
// and session touch come back. What is asserted is what a person sees: the queue appeared while the
// mail test was still running. The time the queue took is printed, not asserted (the machine is shared);
// the figure against its target (under 100 ms) is `npm run bench -- concurrent-calls`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { createHostServer } from '../../../electron/host/server.ts';
import type { DeskRuntime } from '../../../electron/core/runtime.ts';
import type { Result } from '../../../electron/contract/index.ts';
import { newDesk, tempDir, value } from '../../support/desk.ts';
import { intake } from '../../support/mail-desk.ts';
import { startSilentServer } from '../../support/smtp.ts';

const TOKEN = 'feed'.repeat(12);

let data: ReturnType<typeof tempDir>;
let site: ReturnType<typeof tempDir>;
let rt: DeskRuntime;
let server: Server;
let port: number;
let silent: Awaited<ReturnType<typeof startSilentServer>>;

beforeAll(async () => {
  data = tempDir();
  site = tempDir();
  ({ rt } = await newDesk(data.path));
  for (let i = 0; i < 30; i++) value(await rt.call('cases.create', intake(i)));
  silent = await startSilentServer();
  value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: silent.port, tls: 'none', user: '' }));
  server = createHostServer({ runtime: rt, token: TOKEN, staticDir: site.path });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await silent.close();
  await rt.close();
  data.remove();
  site.remove();
});

/** One browser client: its own HTTP connection (no shared keep-alive pool). */
function client() {
  return async (method: string, input: unknown = {}): Promise<Result<Record<string, unknown>>> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Result<Record<string, unknown>>;
  };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

describe('two clients of one desk', () => {
  it('the queue and the session touch answer while a mail test waits on a server that never answers', async () => {
    const supervisor = client();
    const colleague = client();

    let testDone = false;
    const mailTest = supervisor('mail.sendTest', { to: 'it-staff@example.jp' }).finally(() => (testDone = true));
    // The desk is now inside the SMTP exchange: the silent server has the connection and says nothing.
    await until(() => silent.connections > 0, 'the mail test to reach the server');

    const t0 = performance.now();
    const queue = await colleague('cases.list', { view: 'all_open' });
    const queueMs = performance.now() - t0;
    const touch = await colleague('session.touch');

    // What the colleague sees: the queue, whole, while the mail test is still waiting.
    expect(queue).toMatchObject({ ok: true, value: { total: 30 } });
    expect(touch).toMatchObject({ ok: true });
    expect(testDone).toBe(false);
    console.log(`[concurrent-calls] cases.list answered in ${queueMs.toFixed(1)} ms while mail.sendTest was waiting`);

    // And the mail test ends the way a person is told: the server did not greet in time.
    expect(await mailTest).toMatchObject({ ok: true, value: { sent: false, failure: { code: 'SMTP_TIMEOUT', phase: 'greeting' } } });
  }, 60_000);
});

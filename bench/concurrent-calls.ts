// npm run bench -- concurrent-calls [--cases N] [--rounds N]
// Issue 12's figure: while one client's mail.sendTest waits on a mail server that accepts the connection and
// never says a word (the desk's real 15 s greeting timeout), another client's cases.list answers in under
// 100 ms. Two HTTP clients of one desk over the real browser host, as test/integration/host/concurrent-calls
// shows without timing it. Baseline: the same cases.list calls with nothing else running, in the same run;
// rounds are medians.
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import { createHostServer } from '../electron/host/server.ts';
import { newDesk, tempDir, value } from '../test/support/desk.ts';
import { intake } from '../test/support/mail-desk.ts';
import { startSilentServer } from '../test/support/smtp.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 200);
const ROUNDS = arg('rounds', 15);
const TARGET_MS = 100;
const TOKEN = 'feed'.repeat(12); // the host's token format (hex)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const data = tempDir('pd-bench-concurrent-');
const site = tempDir('pd-bench-site-');
const { rt } = await newDesk(data.path);
const silent = await startSilentServer();
let server: Server | undefined;
try {
  for (let i = 0; i < CASES; i++) value(await rt.call('cases.create', intake(i)));
  value(await rt.call('mail.updateSettings', { host: '127.0.0.1', port: silent.port, tls: 'none', user: '' }));
  const host = createHostServer({ runtime: rt, token: TOKEN, staticDir: site.path });
  server = host;
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  const address = host.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  /** One browser client: its own connection per call (no shared keep-alive pool). */
  const call = async (method: string, input: unknown = {}): Promise<{ ok: boolean }> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', connection: 'close' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean };
  };
  const listRounds = async (): Promise<number[]> => {
    const ms: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const r = await call('cases.list', { view: 'all_open' });
      ms.push(performance.now() - t0);
      if (!r.ok) throw new Error(`cases.list was refused: ${JSON.stringify(r)}`);
    }
    return ms;
  };

  await listRounds(); // warm-up: the first reads fill the page cache and JIT
  const idle = await listRounds();

  let testDone = false;
  const mailTest = call('mail.sendTest', { to: 'it-staff@example.jp' }).finally(() => (testDone = true));
  const waitFrom = Date.now();
  while (silent.connections === 0) {
    if (Date.now() - waitFrom > 10_000) throw new Error('the mail test never reached the silent server');
    await new Promise((ok) => setTimeout(ok, 5));
  }
  const busy = await listRounds();
  const touchT0 = performance.now();
  await call('session.touch');
  const touchMs = performance.now() - touchT0;
  const stillWaiting = !testDone;
  await mailTest;

  const i = median(idle);
  const b = median(busy);
  console.log(`  cases.list (${CASES} cases), nothing else running: median ${i.toFixed(1)} ms (${idle.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  cases.list while mail.sendTest waits on a silent server: median ${b.toFixed(1)} ms (${busy.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  session.touch meanwhile: ${touchMs.toFixed(1)} ms; the mail test was ${stillWaiting ? 'still waiting' : 'ALREADY OVER (the figures do not show concurrency)'}`);
  console.log(`  ratio busy/idle: ${(b / i).toFixed(2)}x; target: busy median under ${TARGET_MS} ms`);
  if (b >= TARGET_MS || !stillWaiting) process.exitCode = 1;
  console.log(JSON.stringify({ bench: 'concurrent-calls', cases: CASES, rounds: ROUNDS, idle_ms: Number(i.toFixed(1)), busy_ms: Number(b.toFixed(1)), touch_ms: Number(touchMs.toFixed(1)), ratio: Number((b / i).toFixed(2)), target_ms: TARGET_MS }));
} finally {
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  await silent.close();
  await rt.close();
  data.remove();
  site.remove();
}

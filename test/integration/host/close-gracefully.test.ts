// Stopping the host answers the requests it already has and cuts only one that hangs past the grace period.
import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGracefully } from '../../../electron/host/close-gracefully.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose handler tells the test a request arrived, then answers when the test says so (or never). */
function startServer(): Promise<{ port: number; arrived: () => Promise<string>; answer: (path: string) => void }> {
  const waiting = new Map<string, () => void>();
  const arrivals: string[] = [];
  let onArrival: (() => void) | undefined;
  server = createServer((req, res) => {
    const path = req.url ?? '';
    arrivals.push(path);
    onArrival?.();
    waiting.set(path, () => res.end(`answer to ${path}`));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((ok) =>
    server!.listen(0, '127.0.0.1', () =>
      ok({
        port: (server!.address() as AddressInfo).port,
        arrived: () =>
          new Promise<string>((got) => {
            const take = () => {
              const next = arrivals.shift();
              if (next !== undefined) got(next);
              else onArrival = take;
            };
            take();
          }),
        answer: (path) => waiting.get(path)?.(),
      }),
    ),
  );
}

function get(port: number, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res: IncomingMessage) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', (e) => done({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    });
    req.on('error', (e) => done({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end();
  });
}

describe('stopping the host', () => {
  it('answers a request that arrived before the stop, in full', async () => {
    const s = await startServer();
    const reply = get(s.port, '/api/cases.list');
    expect(await s.arrived()).toBe('/api/cases.list');
    const stopped = closeGracefully(server!, 5_000);
    setTimeout(() => s.answer('/api/cases.list'), 100);
    expect(await reply).toEqual({ status: 200, body: 'answer to /api/cases.list' });
    await stopped;
    // Nothing new is taken once stopped.
    expect(await get(s.port, '/favicon.svg')).toEqual({ error: 'ECONNREFUSED' });
  });

  it('cuts a request that is still unanswered after the grace period, and stops', async () => {
    const s = await startServer();
    const reply = get(s.port, '/api/mail.test');
    await s.arrived();
    const started = Date.now();
    await closeGracefully(server!, 300);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(await reply).toEqual({ error: 'ECONNRESET' });
  });

  it('stops at once when nothing is in flight, even with idle keep-alive connections open', async () => {
    const s = await startServer();
    const agent = new Agent({ keepAlive: true });
    const first = new Promise<number>((done) =>
      request({ host: '127.0.0.1', port: s.port, path: '/a', agent }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      }).end(),
    );
    await s.arrived();
    s.answer('/a');
    expect(await first).toBe(200);
    const started = Date.now();
    await closeGracefully(server!, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });
});

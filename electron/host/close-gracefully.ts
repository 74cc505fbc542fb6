// Stopping the host (SIGTERM, the PC shutting down, the parent gone) answers what it was already asked and
// takes nothing new. Cutting every connection at once left a browser with an empty answer to whatever was in
// flight: a contract call whose result then never showed, or the favicon Chromium asks for at every change
// of address. A call that hangs (a mail server that never answers) is cut after the grace period, so a
// stop is never held up for long.
import type { Server } from 'node:http';

export const STOP_GRACE_MS = 2_000;

export async function closeGracefully(server: Server, graceMs = STOP_GRACE_MS): Promise<void> {
  // close() stops accepting and ends idle keep-alive connections at once (Node >= 19); a request already
  // received is answered, with `Connection: close`, and its connection then ends. Whatever is still open
  // after the grace period is cut, which lets close() finish.
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  await new Promise<void>((done) => server.close(() => done()));
  clearTimeout(cut);
}

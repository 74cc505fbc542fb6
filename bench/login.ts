// npm run bench -- login [--rounds N]
// What a wrong login costs, at the real scrypt cost (N=2^17, r=8, p=1): a known user name with a wrong
// password (the baseline) against a user name the desk does not have. The two must take the same time
// (within 20%), or the login screen tells an attacker which names have accounts. Rounds alternate so a
// busy machine slows both alike; medians are compared.
// The same for a PC's connection profile to a shared desk (issue 17, core/shared-desk/connection-profile.ts):
// a name connected on this PC with a wrong password against a name never connected here — the login screen
// must not tell which names have a copy of the database password on this PC by the time it takes.
import { performance } from 'node:perf_hooks';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDesk, lockDesk, unlockWithPassword } from '../electron/core/vault/vault.ts';
import { deskPaths } from '../electron/core/storage/data-dir.ts';
import { ARTICLE_11_DESK } from '../electron/contract/index.ts';
import { openDatabasePassword, wrapDatabasePassword } from '../electron/core/shared-desk/connection-profile.ts';
import { DEFAULT_SCRYPT } from '../electron/core/keys/wrap.ts';

const ROUNDS = (() => {
  const i = process.argv.indexOf('--rounds');
  return i > 0 ? Number(process.argv[i + 1]) : 8;
})();

const root = mkdtempSync(join(tmpdir(), 'pd-bench-login-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const paths = deskPaths(join(root, 'desk'));
  mkdirSync(paths.dataDir);
  const { unlocked } = await createDesk(paths, { desk: { ...ARTICLE_11_DESK }, supervisor: { username: 'sato', displayName: '佐藤', password: 'bench password 2026' }, locale: 'ja' });
  await lockDesk(unlocked);

  const known: number[] = [];
  const unknown: number[] = [];
  const attempt = async (username: string, into: number[]) => {
    const t0 = performance.now();
    const desk = await unlockWithPassword(paths, username, 'not the password 2026');
    into.push(performance.now() - t0);
    if (desk) throw new Error('a wrong password opened the desk');
  };
  await attempt('sato', []); // warm-up: the first scrypt allocates its 128 MiB
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      await attempt('sato', known);
      await attempt(`nobody${i}`, unknown);
    } else {
      await attempt(`nobody${i}`, unknown);
      await attempt('sato', known);
    }
  }
  const k = median(known);
  const u = median(unknown);
  const ratio = u / k;
  console.log(`  known user, wrong password: median ${k.toFixed(0)} ms (${known.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  unknown user:               median ${u.toFixed(0)} ms (${unknown.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  ratio unknown/known: ${ratio.toFixed(2)}x (aim: within 0.80–1.20)`);

  // A connection profile at the real cost: one person connected on this PC.
  const base = { format: 1 as const, url: 'postgres://pd_desk@127.0.0.1:5432/desk', deskId: 'bench-desk', slots: [] };
  const profile = { ...base, slots: [await wrapDatabasePassword(base, 'sato', 'bench password 2026', 'database password', DEFAULT_SCRYPT)] };
  const connected: number[] = [];
  const stranger: number[] = [];
  const tryProfile = async (username: string, into: number[]) => {
    const t0 = performance.now();
    const r = await openDatabasePassword(profile, username, 'not the password 2026');
    into.push(performance.now() - t0);
    if (r.password !== null) throw new Error('a wrong password opened the profile');
  };
  await tryProfile('sato', []);
  for (let i = 0; i < ROUNDS; i++) {
    const order: Array<[string, number[]]> = i % 2 === 0 ? [['sato', connected], [`nobody${i}`, stranger]] : [[`nobody${i}`, stranger], ['sato', connected]];
    for (const [name, into] of order) await tryProfile(name, into);
  }
  const pk = median(connected);
  const pu = median(stranger);
  const profileRatio = pu / pk;
  console.log(`  profile: connected name, wrong password: median ${pk.toFixed(0)} ms; name not connected here: median ${pu.toFixed(0)} ms`);
  console.log(`  profile ratio not-connected/connected: ${profileRatio.toFixed(2)}x (aim: within 0.80–1.20)`);
  if (ratio < 0.8 || ratio > 1.2 || profileRatio < 0.8 || profileRatio > 1.2) process.exitCode = 1;
  console.log(
    JSON.stringify({ bench: 'login', rounds: ROUNDS, known_ms: Math.round(k), unknown_ms: Math.round(u), ratio: Number(ratio.toFixed(2)), profile_known_ms: Math.round(pk), profile_unknown_ms: Math.round(pu), profile_ratio: Number(profileRatio.toFixed(2)) }),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}

// Wrong passwords slow down that account only: after two free mistakes (typos happen), each further
// one doubles the wait, up to five minutes. Other staff on the same PC are never held up.
//
// The counters outlive the process: they are kept in `<data folder>/login-throttle.json` (beside the
// desk folder, readable before login like the key-slot file), so restarting the desk or switching to
// the command line (`npm run desk`, which takes the same data-folder lock) does not hand out fresh tries.
// The file names no one: each entry is keyed by an HMAC of what was typed as the user name under the
// file's own random salt (people do type passwords into the user-name box). It is no secret and no
// defence against someone who can edit files in the data folder — that person can attack the key-slot
// file offline anyway; it stops guessing through the login screen, the browser host and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-file.ts';

export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

const FREE_FAILURES = 2;
const MAX_DELAY_MS = 5 * 60_000;
/** A day after its last miss an entry is forgotten (and the file never grows past MAX_ENTRIES). */
const FORGET_AFTER_MS = 24 * 3_600_000;
const MAX_ENTRIES = 500;

export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

const entrySchema = z.object({ failures: z.number().int().nonnegative(), lockedUntil: z.number(), lastFailure: z.number() });
const fileSchema = z.object({ format: z.literal(1), salt: z.string(), entries: z.record(z.string(), entrySchema) });
type ThrottleFile = z.infer<typeof fileSchema>;
type Entry = z.infer<typeof entrySchema>;

export class LoginThrottle {
  /** In memory too: a miss still counts in this process when the file cannot be written (a full disk). */
  private readonly byAccount = new Map<string, Entry>();
  private readonly file: string | undefined;
  private readonly salt: string;

  /** `file`: where the counters persist; without it (unit tests) they live in memory only. */
  constructor(file?: string) {
    this.file = file;
    this.salt = this.readFile()?.salt ?? randomBytes(16).toString('base64');
  }

  /** Seconds still to wait before this account may try again; 0 when it may try now. */
  waitSeconds(username: string, now: number): number {
    const s = this.current(username);
    return s && s.lockedUntil > now ? Math.ceil((s.lockedUntil - now) / 1000) : 0;
  }

  failed(username: string, now: number): void {
    const failures = (this.current(username)?.failures ?? 0) + 1;
    this.store(username, { failures, lockedUntil: now + delayAfter(failures), lastFailure: now });
  }

  succeeded(username: string): void {
    this.store(username, null);
  }

  private key(username: string): string {
    return createHmac('sha256', this.salt).update(username, 'utf8').digest('base64url').slice(0, 24);
  }

  /** The file's entry and this process's, whichever has counted more misses. */
  private current(username: string): Entry | undefined {
    const k = this.key(username);
    const mine = this.byAccount.get(k);
    const stored = this.read()?.entries[k];
    if (!stored) return mine;
    if (!mine) return stored;
    return stored.failures >= mine.failures ? stored : mine;
  }

  private store(username: string, entry: Entry | null): void {
    const k = this.key(username);
    if (entry) this.byAccount.set(k, entry);
    else this.byAccount.delete(k);
    if (!this.file) return;
    const stored = this.read();
    if (!entry && !stored?.entries[k]) return; // nothing to forget: a good login writes nothing
    const file: ThrottleFile = stored ?? { format: 1, salt: this.salt, entries: {} };
    if (entry) file.entries[k] = entry;
    else delete file.entries[k];
    const cutoff = (entry?.lastFailure ?? Date.now()) - FORGET_AFTER_MS;
    const kept = Object.entries(file.entries)
      .filter(([, e]) => e.lastFailure >= cutoff || e.lockedUntil > cutoff)
      .sort(([, a], [, b]) => b.lastFailure - a.lastFailure)
      .slice(0, MAX_ENTRIES);
    try {
      writeFileAtomic(this.file, JSON.stringify({ ...file, entries: Object.fromEntries(kept) }) + '\n');
    } catch {
      // A full or read-only disk: the miss still counts in memory; the login answer must not change.
    }
  }

  /** The file when it is this throttle's (same salt); a damaged or foreign file is started over. */
  private read(): ThrottleFile | null {
    const f = this.readFile();
    return f && f.salt === this.salt ? f : null;
  }

  private readFile(): ThrottleFile | null {
    if (!this.file || !existsSync(this.file)) return null;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null; // it held only counters
    } catch {
      return null;
    }
  }
}

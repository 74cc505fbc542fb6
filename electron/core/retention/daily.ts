// The daily retention purge: while a desk is open, once per Japan day (checked from the runtime's idle
// timer, an in-memory check), purge the closed cases past retention in the background. Recorded in the
// audit log as the desk's own act (no person's name).
import { japanDateOf } from '../calendar/index.ts';
import type { UnlockedDesk } from '../vault/vault.ts';
import { runPurge } from './purge.ts';
import { nameOf } from '../thrown.ts';

export class DailyPurge {
  private lastDay: string | null = null;
  private running: Promise<void> | null = null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(now: () => Date, log: (line: string) => void) {
    this.now = now;
    this.log = log;
  }

  startIfDue(desk: UnlockedDesk): void {
    const today = japanDateOf(this.now());
    if (this.running || this.lastDay === today) return;
    this.lastDay = today;
    this.running = runPurge({ db: desk.store.db, actor: null, now: this.now() })
      .then((r) => {
        if (r.purged.length > 0) this.log(`[retention] daily purge: ${r.purged.length} case(s)`);
      })
      .catch((e: unknown) => this.log(`[retention] daily purge stopped (${nameOf(e)})`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Waits for a purge under way (before the desk locks). */
  async settle(): Promise<void> {
    await this.running;
  }
}

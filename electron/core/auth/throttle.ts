// Wrong passwords slow down that account only: after two free mistakes (typos happen), each further
// one doubles the wait, up to five minutes. Other staff on the same PC are never held up.
export interface ThrottleState {
  failures: number;
  lockedUntil: number;
}

const FREE_FAILURES = 2;
const MAX_DELAY_MS = 5 * 60_000;

export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export class LoginThrottle {
  private readonly byAccount = new Map<string, ThrottleState>();

  /** Seconds still to wait before this account may try again; 0 when it may try now. */
  waitSeconds(username: string, now: number): number {
    const s = this.byAccount.get(username);
    return s && s.lockedUntil > now ? Math.ceil((s.lockedUntil - now) / 1000) : 0;
  }

  failed(username: string, now: number): void {
    const failures = (this.byAccount.get(username)?.failures ?? 0) + 1;
    this.byAccount.set(username, { failures, lockedUntil: now + delayAfter(failures) });
  }

  succeeded(username: string): void {
    this.byAccount.delete(username);
  }
}

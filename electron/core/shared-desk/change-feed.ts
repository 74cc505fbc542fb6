// Live refresh on a shared desk: this PC listens on the server's `desk_change` channel (PostgreSQL
// migration 0010 announces every committed change as a kind and an id) on a connection of its own, and
// keeps the recent announcements numbered in memory. Open screens ask `desk.changes` with the last number
// they saw and refresh what changed (renderer/src/api/useSharedDeskRefresh.ts). A lost connection is made
// again by itself (1 s, 2, 4 … 30 s); since announcements may have been missed meanwhile, the first one
// after it says "everything" so the screens reload all they show.
import type pg from 'pg';
import { poolConfig } from '../../../db/postgres.ts';
import { CHANGE_KINDS, type ChangeKind, type DeskChanges, isOneOf } from '../../contract/index.ts';
import type { SharedDeskServer } from '../storage/data-dir.ts';
import { codeOf, nameOf } from '../thrown.ts';
import { isJsonObject } from '../../../db/json.ts';

export const CHANGE_CHANNEL = 'desk_change';
/** Announcements kept: a screen further behind than this reloads everything. */
const KEEP = 2_000;

interface Announcement {
  n: number;
  kind: ChangeKind | 'all';
  id: number | null;
}

const isKind = (k: unknown): k is ChangeKind => isOneOf(CHANGE_KINDS, k);

export class ChangeFeed {
  private client: pg.Client | null = null;
  private server: SharedDeskServer | null = null;
  private stopped = true;
  private n = 0;
  private kept: Announcement[] = [];
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly log: (line: string) => void;

  constructor(log: (line: string) => void) {
    this.log = log;
  }

  /** Listens to the shared desk's announcements until stop(). Never throws: a failure is retried. */
  async start(server: SharedDeskServer): Promise<void> {
    this.server = server;
    this.stopped = false;
    await this.connect(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const c = this.client;
    this.client = null;
    this.server = null;
    await c?.end().catch(() => undefined);
  }

  /** What was announced after number `since` (0: nothing seen yet, just take the current number). */
  since(since: number): DeskChanges {
    const cursor = this.n;
    if (since === 0 || since >= cursor) return { shared: true, cursor, all: false, kinds: [], cases: [] };
    const oldest = this.kept[0]?.n ?? cursor + 1;
    const after = this.kept.filter((a) => a.n > since);
    if (since < oldest - 1 || after.some((a) => a.kind === 'all')) return { shared: true, cursor, all: true, kinds: [...CHANGE_KINDS], cases: [] };
    const kinds = [...new Set(after.map((a) => a.kind).filter(isKind))];
    const cases = [...new Set(after.filter((a) => a.kind === 'case' && a.id !== null).map((a) => a.id!))];
    return { shared: true, cursor, all: false, kinds, cases };
  }

  private push(kind: ChangeKind | 'all', id: number | null): void {
    this.kept.push({ n: ++this.n, kind, id });
    if (this.kept.length > KEEP) this.kept.splice(0, this.kept.length - KEEP);
  }

  private async connect(again: boolean): Promise<void> {
    const server = this.server;
    if (this.stopped || !server) return;
    let client: pg.Client | null = null;
    try {
      const driver = (await import('pg')).default;
      client = new driver.Client(poolConfig(server.target, server.password, driver));
      client.on('error', () => this.lost(client));
      client.on('end', () => this.lost(client));
      client.on('notification', (m) => this.heard(m.channel, m.payload));
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      if (again) this.push('all', null); // what happened while we were away is not known
    } catch (e) {
      await client?.end().catch(() => undefined);
      this.log(`[shared desk] live refresh not listening (${codeOf(e) ?? nameOf(e)}); trying again`);
      this.schedule();
    }
  }

  private heard(channel: string, payload: string | undefined): void {
    if (channel !== CHANGE_CHANNEL || !payload) return;
    try {
      const m: unknown = JSON.parse(payload);
      if (isJsonObject(m) && isKind(m.kind)) this.push(m.kind, typeof m.id === 'number' && Number.isInteger(m.id) ? m.id : null);
    } catch {
      this.push('all', null); // an announcement we cannot read: reload rather than miss it
    }
  }

  private lost(client: pg.Client | null): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.retry) return;
    this.failures++;
    const wait = Math.min(1_000 * 2 ** (this.failures - 1), 30_000);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect(true);
    }, wait);
    this.retry.unref();
  }
}

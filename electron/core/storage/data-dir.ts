// Where a desk lives on disk. The default is the per-user app-data folder Electron uses for this app
// (app.getPath('userData')), so the desktop app and browser mode open the same desk by default.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../../../db/postgres.ts';

export const APP_FOLDER_NAME = 'Privacy Desk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** The files of one desk, kept in a subfolder so Electron's own files in userData never mix with them. */
export interface DeskPaths {
  dataDir: string;
  deskDir: string;
  database: string;
  keySlots: string;
  instanceLock: string;
  /**
   * A shared desk: its cases, accounts and key slots live in this PostgreSQL database, not in the folder
   * (which then holds only this PC's things: the instance lock, backup status). The password stays in memory.
   */
  server?: SharedDeskServer;
  /** Failed-login counters (core/auth/throttle.ts): outside the desk folder, they survive a restore too. */
  loginThrottle: string;
  /** This PC's pointer to a shared desk (core/shared-desk/connection-profile.ts), when IT connected it. */
  connectionProfile: string;
}

export interface SharedDeskServer {
  target: DatabaseTarget;
  /**
   * The database password, in memory only: given at start (--database-url: the environment or a prompt), or —
   * on a PC with a connection profile — unwrapped at each login and forgotten ('') when the desk locks.
   */
  password: string;
  /** This PC's connection profile the password comes from (core/shared-desk/connection-profile.ts). */
  profile?: string;
}

export function deskPaths(dataDir: string, server?: SharedDeskServer): DeskPaths {
  const deskDir = join(dataDir, 'desk');
  return {
    dataDir,
    deskDir,
    database: join(deskDir, 'desk.db'),
    keySlots: join(deskDir, 'keyslots.json'),
    instanceLock: join(dataDir, 'desk.lock'),
    ...(server ? { server } : {}),
    loginThrottle: join(dataDir, 'login-throttle.json'),
    connectionProfile: join(dataDir, 'connection.json'),
  };
}

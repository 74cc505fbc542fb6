// Playwright global setup: the e2e run's PostgreSQL cluster, shared by the specs that need one (the shared-desk
// specs), each of which makes a database of its own in it. Like vitest's (test/support/postgres-global.ts) it
// only makes the rendezvous folder: the first spec that asks starts the cluster (e2ePostgres below, whichever
// worker runs it), so runs of specs without PostgreSQL pay no initdb. The returned teardown stops it.
import { closeRunFolder, openRunFolder } from '../support/postgres-shared.ts';

/** Where the run's folder is named for the workers (they inherit the environment set here). */
export const RUN_FOLDER_ENV = 'PRIVACY_DESK_E2E_POSTGRES_RUN';

export default function globalSetup(): () => Promise<void> {
  const dir = openRunFolder();
  process.env[RUN_FOLDER_ENV] = dir;
  return () => closeRunFolder(dir);
}

// A shared desk over TLS with the certificate verified (issue 17): a server with a certificate from the
// office's CA (made here with openssl), reached with ?sslmode=verify-full&sslrootcert=CA-FILE. `desk init`
// and `desk db check` work through it, and db check reports the connection as TLS, as the server itself
// sees it (pg_stat_ssl). A CA file the certificate does not chain to is refused with that reason before
// anything is written. Its own cluster (TLS on), stopped at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDatabase, startPostgres, withAdmin, type PostgresCluster } from '../../support/postgres.ts';
import { SUPERVISOR, tempDir } from '../../support/desk.ts';
import { runCli } from '../../support/run-cli.ts';

const certs = tempDir('pd-tls-certs-');
const pc = tempDir('pd-tls-pc-');
let cluster: PostgresCluster | undefined;

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: certs.path, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

/** A CA (its certificate in NAME.crt) and, signed by it, a certificate for 127.0.0.1 (server.crt/.key). */
function makeCa(name: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`]);
}

beforeAll(async () => {
  makeCa('office-ca');
  makeCa('other-ca');
  writeFileSync(join(certs.path, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'office-ca.crt', '-CAkey', 'office-ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'san.cnf']);
  cluster = await startPostgres({ tls: { cert: readFileSync(join(certs.path, 'server.crt'), 'utf8'), key: readFileSync(join(certs.path, 'server.key'), 'utf8') } });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  certs.remove();
  pc.remove();
});

describe('a shared desk over TLS', () => {
  it('init and db check through verify-full with the office CA (db check: "connection: ok (TLS)"); another CA is refused and nothing is written', async () => {
    const d = await freshDatabase(cluster!);
    const env = { PRIVACY_DESK_DATABASE_PASSWORD: d.password };
    const tlsUrl = (ca: string) => `${d.url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(join(certs.path, ca))}`;
    const tables = async () => Number((await withAdmin(cluster!, (c) => c.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`), d.name)).rows[0].n);

    const refused = await runCli(['init', '--database-url', tlsUrl('other-ca.crt'), '--user', SUPERVISOR.username], SUPERVISOR.password, { env, timeoutMs: 120_000 });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("The database server 127.0.0.1's certificate does not verify against the CA file");
    expect(await tables()).toBe(0);

    const init = await runCli(['init', '--database-url', tlsUrl('office-ca.crt'), '--user', SUPERVISOR.username], SUPERVISOR.password, { env, timeoutMs: 120_000 });
    expect(init, init.stderr).toMatchObject({ code: 0 });
    const check = await runCli(['db', 'check', '--database-url', tlsUrl('office-ca.crt'), '--data-dir', pc.path, '--user', SUPERVISOR.username], SUPERVISOR.password, { env, timeoutMs: 120_000 });
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('connection: ok (TLS)');
    // Without TLS the same loopback server is reached in plaintext, and db check says so.
    const plain = await runCli(['db', 'check', '--database-url', d.url, '--data-dir', pc.path, '--user', SUPERVISOR.username], SUPERVISOR.password, { env, timeoutMs: 120_000 });
    expect(plain.stdout).toContain('connection: ok (loopback, no TLS)');
  }, 300_000);
});

// Runs npm scripts side by side and fails if any fails: `npm test`'s checks (the two type checks, the lint
// and the renderer build) are single-threaded and independent, so on a two-core machine they take about
// half as long together as one after the other. Each script's output is held and printed whole when it
// ends, so the logs of two scripts never interleave; the summary names every script that failed.
//   node build/run-parallel.ts typecheck:main typecheck:renderer lint build:renderer
import { spawn } from 'node:child_process';

interface Finished {
  script: string;
  code: number | null;
  seconds: number;
}

function run(script: string): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => out.push(d));
    const done = (code: number | null, error?: Error) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      process.stdout.write(`\n> ${script} (${code === 0 ? 'ok' : `failed, exit ${code}`}, ${seconds} s)\n`);
      process.stdout.write(Buffer.concat(out));
      if (error) process.stdout.write(`${error.message}\n`);
      resolve({ script, code, seconds });
    };
    child.once('error', (e) => done(null, e));
    child.once('close', (code) => done(code));
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node build/run-parallel.ts SCRIPT...');
  process.exit(2);
}
const results = await Promise.all(scripts.map(run));
const failed = results.filter((r) => r.code !== 0);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.map((r) => r.script).join(', ')}`);
  process.exit(1);
}

/* global process, console */
// The entry of `npm start`, `npm run serve` and `npm run desk`: plain JavaScript, so that an older Node
// (which cannot load TypeScript) gets one clear sentence instead of a loader error. With Node 24 it runs
// the TypeScript entry named first, with the remaining arguments.
//   node electron/node-check.mjs electron/launch.ts [args…]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (!(major >= 24)) {
  const event = process.env.npm_lifecycle_event;
  const command = !event || event === 'start' ? 'npm start' : `npm run ${event}`;
  console.error(`Privacy Desk needs Node 24: run \`bash build/with-node24.sh ${command}\` (this is Node ${process.versions.node}).`);
  process.exit(1);
}
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node electron/node-check.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const file = resolve(entry);
// The entry checks process.argv[1] to know it is the program being run.
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(file).href);

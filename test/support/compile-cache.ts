// The test runs start hundreds of Node processes (the admin command line, browser-mode hosts, crash children),
// each of which strips the types of and compiles the same few hundred modules again: about half of a CLI
// start's CPU. Node's module compile cache (NODE_COMPILE_CACHE, Node >= 22.1; TypeScript included since 23.x)
// keeps the stripped and compiled code on disk, keyed by each file's content, so a changed file is compiled
// afresh. The runners' configs call this before any worker or child starts; children inherit the variable.
// Only the tests use it: the desk itself does not depend on it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useNodeCompileCache(): void {
  process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'privacy-desk-test-compile-cache');
}

// "No test or source reads outside the repository" (issue 12 item 7): what the code and its tests rely on
// from the design documents lives in the repo (docs/, README), so a fresh clone on a CI machine has it all.
// Every tracked text file is read: no absolute path into someone's machine or the shared design folder, and
// every path built from the file's own location (import.meta.dirname / import.meta.url) stays in the repo.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|sh|ya?ml|md|html|css|txt)$|^\.ci\/run$/;
const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => TEXT.test(f) && f !== 'package-lock.json');

/** Absolute paths that would be someone's machine: the shared design folder, home folders. */
const FOREIGN = /['"`(\s=](\/work\/|\/home\/|\/Users\/|\/root\/|[A-Z]:\\\\Users)/g;
/** Stated, not read: a fake working directory handed to path.resolve in a unit test. */
const ALLOWED = new Map([['test/unit/electron/main-helpers.test.ts', ["home/desk')"]]]);

/** The paths a file builds from its own location, joined to where it is (repo-relative). */
function ownLocationPaths(file: string, text: string): string[] {
  const dir = path.posix.dirname(file);
  const out: string[] = [];
  for (const m of text.matchAll(/new URL\(\s*['"`]([^'"`$]*)['"`]\s*,\s*import\.meta\.url\s*\)/g)) out.push(path.posix.join(dir, m[1]!));
  for (const m of text.matchAll(/(?:resolve|join)\(\s*(?:import\.meta\.dirname|__dirname)((?:\s*,\s*['"`][^'"`$]*['"`])+)/g)) {
    const parts = [...m[1]!.matchAll(/['"`]([^'"`]*)['"`]/g)].map((p) => p[1]!);
    out.push(path.posix.join(dir, ...parts));
  }
  return out;
}

describe('the repository is self-contained', () => {
  it('reads its files from a fresh clone: the list is not empty', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('docs/policy/privacy-policy.en.txt');
  });

  it('no file names a path outside the repository (the design folder, a home folder)', () => {
    const found: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      for (const m of text.matchAll(FOREIGN)) {
        const line = text.slice(text.lastIndexOf('\n', m.index) + 1, text.indexOf('\n', m.index));
        if (ALLOWED.get(f)?.some((a) => line.includes(a))) continue;
        found.push(`${f}: ${line.trim().slice(0, 120)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('every path a file builds from its own location stays inside the repository', () => {
    const outside: string[] = [];
    let seen = 0;
    for (const f of files.filter((x) => /\.(ts|tsx|js|mjs)$/.test(x))) {
      for (const p of ownLocationPaths(f, readFileSync(path.join(root, f), 'utf8'))) {
        seen++;
        if (p === '..' || p.startsWith('../')) outside.push(`${f} → ${p}`);
      }
    }
    expect(seen).toBeGreaterThan(10); // the patterns do find the repo's own uses
    expect(outside).toEqual([]);
  });

  it('the check itself catches a path that climbs out or names the design folder', () => {
    // (The samples are assembled so that this file's own text does not match.)
    const up = (n: number) => Array.from({ length: n }, () => "'..'").join(', ');
    expect(ownLocationPaths('test/unit/x.test.ts', `new URL('${'../'.repeat(4)}shared/DOMAIN.md', import.meta.url)`)).toEqual(['../../shared/DOMAIN.md']);
    expect(ownLocationPaths('test/unit/x.test.ts', `resolve(import.meta.dirname, ${up(4)})`)).toEqual(['../..']);
    expect(ownLocationPaths('test/unit/x.test.ts', `resolve(import.meta.dirname, ${up(2)})`)).toEqual(['.']);
    const designFolder = ['', 'work', 'shared', ''].join('/'); // spelled apart: this file is scanned too
    expect(`readFileSync('${designFolder}policy/privacy-policy.en.txt')`.match(FOREIGN)).not.toBeNull();
  });
});

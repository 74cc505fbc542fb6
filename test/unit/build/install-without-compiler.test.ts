// Issue 11, item 10: `npm ci` on a machine without Python or a C compiler. better-sqlite3-multiple-ciphers
// ships a prebuilt Node-API binary per platform, but npm runs `node-gyp rebuild` for it unless the
// project denies that one install script; every other package's script stays allowed.
// Issue 11, item 12: `.ci/run`'s font check under `pipefail`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
const SQLITE = 'better-sqlite3-multiple-ciphers';

describe('installing without a compiler', () => {
  it("denies the sqlite package's node-gyp rebuild, and only that", () => {
    expect(pkg.allowScripts?.[SQLITE]).toBe(false);
    const denied = Object.entries(pkg.allowScripts ?? {}).filter(([, v]) => v === false).map(([k]) => k);
    expect(denied).toEqual([SQLITE]);
  });

  it('reviews every other package that has an install script (allowed, so npm 12 still runs it)', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([k]) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
    for (const name of withScripts) expect(pkg.allowScripts?.[name], name).toBe(true);
  });

  it('the package ships a prebuilt binary for every platform the installers target', () => {
    const prebuilds = path.join(root, 'node_modules', SQLITE, 'prebuilds');
    for (const p of ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64']) {
      expect(existsSync(path.join(prebuilds, `${p}.node`)), p).toBe(true);
    }
  });

  it('the desk opens databases through the shipped binary, not one built here', () => {
    const out = execFileSync(
      process.execPath,
      ['-e', `const D=require(${JSON.stringify(SQLITE)});const db=new D(':memory:');db.prepare('select 1').get();console.log(Object.keys(require.cache).filter(k=>k.endsWith('.node')).join('\\n'))`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(out.trim()).toMatch(new RegExp(`prebuilds[\\\\/]${process.platform}-${process.arch}\\.node$`));
  });

  it('build/path-without-compilers.sh hides python3, make and cc but keeps node', { timeout: 120_000 }, () => {
    const dir = execFileSync('bash', [path.join(root, 'build/path-without-compilers.sh')], { encoding: 'utf8' }).trim();
    try {
      const found = spawnSync('bash', ['-c', 'command -v python3 make cc gcc; command -v node >/dev/null && echo node-ok'], { env: { ...process.env, PATH: dir }, encoding: 'utf8' });
      expect(found.stdout.trim()).toBe('node-ok');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('.ci/run font check', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'pd-ci-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function fontCheck(fcListOutput: string): number {
    const script = readFileSync(path.join(root, '.ci/run'), 'utf8');
    const fn = /^has_cjk_font\(\) \{[\s\S]*?^\}/m.exec(script);
    expect(fn, '.ci/run defines has_cjk_font').not.toBeNull();
    // A fake fc-list writing far more than a pipe holds, the font first: grep -q stops at once.
    writeFileSync(path.join(tmp, 'fonts.txt'), fcListOutput);
    writeFileSync(path.join(tmp, 'fc-list'), `#!/bin/sh\nexec cat ${JSON.stringify(path.join(tmp, 'fonts.txt'))}\n`);
    chmodSync(path.join(tmp, 'fc-list'), 0o755);
    const r = spawnSync('bash', ['-c', `set -euo pipefail\n${fn![0]}\nhas_cjk_font`], { env: { ...process.env, PATH: `${tmp}:${process.env.PATH}` } });
    return r.status ?? -1;
  }

  it('finds the font in a long list under pipefail (no SIGPIPE false negative)', () => {
    const lines = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK JP:style=Regular'];
    for (let i = 0; i < 200_000; i++) lines.push(`/usr/share/fonts/truetype/other/Font${i}.ttf: Other Font ${i}:style=Regular`);
    expect(fontCheck(lines.join('\n') + '\n')).toBe(0);
  });

  it('says the font is missing when it is', () => {
    expect(fontCheck('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf: DejaVu Sans:style=Book\n')).not.toBe(0);
  });
});

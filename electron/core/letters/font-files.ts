// Serving the letter fonts (fonts.ts) from node_modules/@fontsource: shared by the browser host and
// Electron's app:// protocol, so both answer `/letters/fonts/<name>` with the same bytes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { FONT_ROUTE, servedFont } from './fonts.ts';

const require = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();

function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    dir = path.dirname(require.resolve(`@fontsource/${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  return dir;
}

/**
 * The file behind a request path (`/letters/fonts/noto-serif-jp-117-400-normal.woff2`), or null when the
 * path is not exactly one of the fonts a letter uses. The name is matched against a fixed pattern
 * before any path is built, so `..`, separators and encodings never reach the file system.
 */
export function letterFontFile(requestPath: string): string | null {
  if (!requestPath.startsWith(FONT_ROUTE)) return null;
  const name = requestPath.slice(FONT_ROUTE.length);
  const font = servedFont(name);
  if (!font) return null;
  return path.join(packageDir(font.pkg), 'files', font.file);
}

/** Response headers for a font: immutable (the name carries package, subset and weight). */
export const FONT_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'font/woff2',
  'Cache-Control': 'public, max-age=31536000, immutable',
};

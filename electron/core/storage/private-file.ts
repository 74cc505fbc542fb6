// Files the desk writes OUTSIDE its encrypted database (exports, reports, saved letters) hold personal
// data in the clear. They are at least private to this PC's user: mode 0600 from the moment they exist
// (written under a temporary name created 0600, then renamed), and an existing file of that name is
// replaced, not rewritten with its old, wider mode. Windows has no such mode: there the folder's ACL decides.
import { fstatSync, fchmodSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file.ts';

export const PRIVATE_FILE_MODE = 0o600;

export function writePrivateFile(path: string, data: string | Uint8Array): void {
  writeFileAtomic(path, data); // its temporary file is created 0600 (a umask only narrows it), renamed over `path`
}

/**
 * When stdout was redirected to a file by the shell (`desk export … > cases.csv`), the shell created it with
 * the umask's mode (often 0644: readable by every account on the PC); narrow it to 0600. A pipe or a
 * terminal is left alone. Returns whether stdout is a file.
 */
export function narrowRedirectedFile(fd: number): boolean {
  try {
    if (!fstatSync(fd).isFile()) return false;
    if (process.platform !== 'win32') fchmodSync(fd, PRIVATE_FILE_MODE);
    return true;
  } catch {
    return false;
  }
}

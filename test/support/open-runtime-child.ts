// Child process for the storage tests: opens a runtime on a data folder (as another user, or while
// this test process holds the folder) and prints the outcome as one JSON line.
import { openDeskRuntime } from '../../electron/core/runtime.ts';

const dataDir = process.argv[2]!;
try {
  const rt = await openDeskRuntime({ dataDir, mode: 'browser', log: () => {} });
  await rt.close();
  console.log(JSON.stringify({ ok: true }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, code: (e as { code?: string }).code, message: (e as Error).message }));
}

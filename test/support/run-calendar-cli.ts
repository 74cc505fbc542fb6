// Runs `desk calendar …` on its own so tests can spawn it as a child process (with another TZ, real
// stdin/stdout) until the lead wires calendarCommand into electron/cli/main.ts.
import { calendarCommand } from '../../electron/cli/commands/calendar.ts';

process.exitCode = await calendarCommand(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});

// The Electron transport of the contract: one ipcMain.handle per method (`desk:<method>`), nothing
// generic. Each call is refused unless it comes from the app's own main frame; the input goes to the
// core untouched (runtime.dispatch validates it with the contract's zod schema, checks the session and
// role, and never throws). Errors cross as data: a handler never rejects.
// `ipcMain` and the runtime are parameters so this is unit-tested with fakes in plain Node.
import { channelOf } from '../contract/api.ts';
import type { Result } from '../contract/errors.ts';
import { errorOf } from '../contract/english.ts';
import { methodNames, type MethodName } from '../contract/methods.ts';
import type { DeskRuntime } from '../core/runtime.ts';
import { isTrustedSender, type SenderFrameLike } from './trusted-sender.ts';

/** The part of an IpcMainInvokeEvent this transport reads. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The part of Electron's ipcMain this transport uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler?(channel: string): void;
}

export interface DeskIpcOptions {
  ipcMain: IpcMainLike;
  runtime: Pick<DeskRuntime, 'dispatch'>;
  /** Defaults to isTrustedSender (app://privacy-desk main frame). */
  isTrusted?: (frame: SenderFrameLike | null) => boolean;
  log?: (message: string) => void;
  /** Defaults to every method of the contract. */
  methods?: readonly MethodName[];
  /**
   * Methods the main process answers itself (letters.print and letters.savePdf: print.ts), after the
   * same sender check; they reach the core through runtime.dispatch like everything else.
   */
  local?: Partial<Record<MethodName, (input: unknown) => Promise<Result<unknown>>>>;
}


/** Registers the handlers; returns a function that removes them (when ipcMain can). */
export function registerDeskIpc(options: DeskIpcOptions): () => void {
  const isTrusted = options.isTrusted ?? isTrustedSender;
  const log = options.log ?? (() => {});
  const channels: string[] = [];

  for (const method of options.methods ?? methodNames) {
    const channel = channelOf(method);
    options.ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
      let trusted: boolean;
      let senderUrl = '(no frame)';
      try {
        const frame = event.senderFrame;
        senderUrl = frame?.url ?? senderUrl;
        trusted = isTrusted(frame);
      } catch {
        trusted = false;
      }
      if (!trusted) {
        log(`IPC ${channel} refused: sender ${senderUrl} is not the app's main frame`);
        return { ok: false, error: errorOf({ code: 'FOREIGN_SENDER' }) };
      }
      // Exactly one argument crosses: the method's input. Anything beyond it is ignored.
      const input = args[0];
      try {
        const local = options.local?.[method];
        return await (local ? local(input) : options.runtime.dispatch(method, input));
      } catch (error) {
        log(`IPC ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return { ok: false, error: errorOf({ code: 'INTERNAL' }) };
      }
    });
    channels.push(channel);
  }

  return () => {
    for (const channel of channels) options.ipcMain.removeHandler?.(channel);
  };
}

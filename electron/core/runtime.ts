// PLACEHOLDER (being written): the core's single entry point for both transports.
import type { Result } from '../contract/index.ts';

export interface DeskRuntimeOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
}

export interface DeskRuntime {
  /** Validates `input` against the contract, checks the session and role, runs the method. Never throws. */
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** Locks the desk (forgets the data key), closes the database, releases the data-folder lock. */
  close(): Promise<void>;
}

export declare function openDeskRuntime(options: DeskRuntimeOptions): Promise<DeskRuntime>;

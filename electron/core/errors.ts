// The core throws DeskError for anything a desk agent can act on; dispatch turns it into the
// contract's `{ code, message }`. Anything else is a bug and surfaces as INTERNAL.
import type { DeskErrorData, ErrorCode } from '../contract/index.ts';

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: ErrorCode, message: string, extra: { field?: string; retryAfterSeconds?: number; params?: Record<string, string | number> } = {}) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.field = extra.field;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.params = extra.params;
  }

  toData(): DeskErrorData {
    const data: DeskErrorData = { code: this.code, message: this.message };
    if (this.field !== undefined) data.field = this.field;
    if (this.retryAfterSeconds !== undefined) data.retryAfterSeconds = this.retryAfterSeconds;
    if (this.params !== undefined) data.params = this.params;
    return data;
  }
}

export const isDeskError = (e: unknown): e is DeskError => e instanceof DeskError;

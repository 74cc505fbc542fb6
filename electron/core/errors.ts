// The core throws DeskError for anything a desk agent can act on; dispatch turns it into the contract's
// `{ code, reason, message }`. The thrower gives only the reason (a code with parameters, contract/codes.ts):
// the category follows from it and the English message comes from the one English table. Anything else
// thrown is a bug and surfaces as INTERNAL.
import { codeCategory, errorOf, inEnglish, type DeskErrorData, type ErrorCode, type Reason } from '../contract/index.ts';

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly reason: Reason;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(reason: Reason, extra: { field?: string | undefined; retryAfterSeconds?: number } = {}) {
    super(inEnglish(reason));
    this.name = 'DeskError';
    this.reason = reason;
    this.code = codeCategory[reason.code];
    this.field = extra.field;
    this.retryAfterSeconds = extra.retryAfterSeconds ?? (reason.code === 'AUTH_THROTTLED' ? reason.seconds : undefined);
  }

  toData(): DeskErrorData {
    return errorOf(this.reason, { field: this.field, retryAfterSeconds: this.retryAfterSeconds });
  }
}

export const isDeskError = (e: unknown): e is DeskError => e instanceof DeskError;

/** The error data of a reason, where no exception is involved (the gate's own refusals). */
export const errorData = errorOf;

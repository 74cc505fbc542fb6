// The core throws DeskError for anything a desk agent can act on; dispatch turns it into the
// contract's `{ code, message }`. Anything else is a bug and surfaces as INTERNAL.
import type { CaseRuleRefusal, DeskErrorData, ErrorCode } from '../contract/index.ts';
import { caseRuleEnglish } from '../contract/index.ts';

export class DeskError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly rule: CaseRuleRefusal | undefined;

  constructor(code: ErrorCode, message: string, extra: { field?: string; retryAfterSeconds?: number; rule?: CaseRuleRefusal } = {}) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.field = extra.field;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.rule = extra.rule;
  }

  /** A refusal by a case rule: its code and parameters, worded in English for the log and the CLI. */
  static rule(code: ErrorCode, rule: CaseRuleRefusal, field?: string): DeskError {
    return new DeskError(code, caseRuleEnglish(rule), { rule, ...(field === undefined ? {} : { field }) });
  }

  toData(): DeskErrorData {
    const data: DeskErrorData = { code: this.code, message: this.message };
    if (this.field !== undefined) data.field = this.field;
    if (this.retryAfterSeconds !== undefined) data.retryAfterSeconds = this.retryAfterSeconds;
    if (this.rule !== undefined) data.rule = this.rule;
    return data;
  }
}

export const isDeskError = (e: unknown): e is DeskError => e instanceof DeskError;

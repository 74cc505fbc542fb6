// What the contract's schemas refuse about one field, as data: a code and the limit it broke, read from
// zod's issue (its code, origin and bounds, or a rule's own `params.code`) — never zod's message, which is
// an English sentence. The desk's gate returns these on INVALID_INPUT (`issues`), the screens check the
// same schemas before sending and get the same codes, and the renderer words both from its catalogs
// (renderer/src/forms/issueMessage.ts: `validation.*`). The error's `message` keeps the schema's English for
// logs and IT staff.
import type { z } from 'zod';

export type FieldProblem =
  | { code: 'required' }
  | { code: 'too_short'; min: number }
  | { code: 'too_long'; max: number }
  | { code: 'number_min'; min: number }
  | { code: 'number_max'; max: number }
  /** A list with too few or too many entries (e.g. the sub-kinds asked for, the identity documents). */
  | { code: 'too_few'; min: number }
  | { code: 'too_many'; max: number }
  | { code: 'integer' }
  | { code: 'email' }
  /** Not in the field's format (a date, a time, a postal code …): the catalog may word it per field. */
  | { code: 'pattern' }
  /** Not one of the choices (an enum), or none chosen. */
  | { code: 'choose' }
  /** A rule of the contract across fields or about content; `rule` is its own code when it has one. */
  | { code: 'rule'; rule?: string; params?: Record<string, string | number> }
  /** A field the method does not take. */
  | { code: 'unknown_field' }
  | { code: 'invalid' };

/** One refused field: its path in the input ("businessHours.close") and what is wrong with it. */
export interface FieldIssue {
  field: string;
  problem: FieldProblem;
}

type Issue = z.core.$ZodIssue;

const num = (v: unknown): number => Number(v);

export function fieldProblemOf(issue: Issue): FieldProblem {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return num(issue.minimum) <= 1 ? { code: 'required' } : { code: 'too_short', min: num(issue.minimum) };
      if (issue.origin === 'number' || issue.origin === 'int') return { code: 'number_min', min: num(issue.minimum) };
      if (issue.origin === 'array' || issue.origin === 'set') return num(issue.minimum) <= 1 ? { code: 'choose' } : { code: 'too_few', min: num(issue.minimum) };
      return { code: 'invalid' };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', max: num(issue.maximum) };
      if (issue.origin === 'number' || issue.origin === 'int') return { code: 'number_max', max: num(issue.maximum) };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', max: num(issue.maximum) };
      return { code: 'invalid' };
    case 'invalid_format':
      return issue.format === 'email' ? { code: 'email' } : { code: 'pattern' };
    case 'custom': {
      const params = (issue as { params?: Record<string, unknown> }).params;
      if (typeof params?.code !== 'string') return { code: 'rule' };
      const facts = Object.fromEntries(Object.entries(params).filter(([k, v]) => k !== 'code' && (typeof v === 'number' || typeof v === 'string'))) as Record<string, string | number>;
      return Object.keys(facts).length > 0 ? { code: 'rule', rule: params.code, params: facts } : { code: 'rule', rule: params.code };
    }
    case 'invalid_value':
      return { code: 'choose' };
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number') return { code: 'integer' };
      // A required field left out arrives as undefined.
      if ((issue as { input?: unknown }).input === undefined) return { code: 'required' };
      return { code: 'invalid' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      return { code: 'invalid' };
  }
}

/** The path a refused field has in the input: an unknown key is reported on its object, so the key is added. */
export const fieldPathOf = (issue: Issue): string => [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].map(String).join('.');

/** The desk's issues for a failed parse, in zod's order. */
export const fieldIssuesOf = (error: { issues: readonly Issue[] }): FieldIssue[] => error.issues.map((i) => ({ field: fieldPathOf(i), problem: fieldProblemOf(i) }));

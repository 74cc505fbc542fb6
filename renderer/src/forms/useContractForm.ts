// Form state for screens that submit to the contract: values, one problem per field, and the two
// sources of problems — the contract's own zod schema before submitting, and the desk's answer
// (error.field / error.issues) after. Problems are stored unrendered so a language switch re-words them.
import { useCallback, useId, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import type { Coded, DeskErrorData, FieldProblem } from '../../../electron/contract/index.ts';
import type { MessageKey, MessageVars } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldProblemText, issueMessage, type ZodIssue } from './issueMessage.ts';

export type Problem = { issue: ZodIssue } | { problem: FieldProblem } | { key: MessageKey; vars?: MessageVars } | { coded: Coded };
type PathSegment = PropertyKey;

export function useContractForm<V extends Record<string, string>>(initial: V) {
  const { t, catalog, locale, say } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof V, Problem>>>({});
  // The form is found by id rather than a ref: a ref inside the returned object would make React's
  // compiler treat the whole form object as a ref that render may not read.
  const formId = useId();

  const isField = useCallback((name: string): name is keyof V & string => Object.hasOwn(initial, name), [initial]);

  /** The form field a schema path or a server `field` points at: its last segment, if the form has it. */
  const fieldOf = useCallback(
    (path: readonly PathSegment[] | string): (keyof V & string) | null => {
      const segments = typeof path === 'string' ? path.split('.') : path.map(String);
      const last = segments[segments.length - 1];
      return last !== undefined && isField(last) ? last : null;
    },
    [isField],
  );

  const focusFirst = (names: string[]) => {
    // Run after React has rendered the error so screen readers announce it with the focus move.
    requestAnimationFrame(() => {
      const first = names
        .map((n) => document.getElementById(formId)?.querySelector<HTMLElement>(`[name="${n}"]`))
        .find((el): el is HTMLElement => !!el);
      first?.focus();
    });
  };

  const show = (next: Partial<Record<keyof V, Problem>>) => {
    setProblems(next);
    focusFirst(Object.keys(next));
  };

  const messageOf = (name: keyof V & string): string | undefined => {
    const p = problems[name];
    if (!p) return undefined;
    if ('issue' in p) return issueMessage(t, catalog, locale, p.issue, name);
    if ('problem' in p) return fieldProblemText(t, catalog, p.problem, name);
    if ('key' in p) return t(p.key, p.vars);
    return say(p.coded);
  };

  const set = (name: keyof V & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setProblems((p) => (p[name] ? { ...p, [name]: undefined } : p));
  };

  /** Props for a Mantine text-like input bound to `name`. */
  const text = (name: keyof V & string) => {
    const error = messageOf(name);
    return {
      name,
      value: values[name] as string,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(name, e.currentTarget.value),
      error,
      // Mantine marks TextInput invalid itself but not PasswordInput; screen readers need both.
      'aria-invalid': error ? true : undefined,
    };
  };

  /** Parses with the contract's schema; on failure marks the fields and returns null. */
  function check<S extends z.ZodType>(schema: S, input: z.input<S>, extra: Partial<Record<keyof V, Problem>> = {}): z.output<S> | null {
    const result = schema.safeParse(input);
    const found: Partial<Record<keyof V, Problem>> = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const name = fieldOf(issue.path);
        if (name && !found[name]) found[name] = { issue };
      }
    }
    const all = { ...found, ...extra };
    if (Object.keys(all).length > 0 || !result.success) {
      show(all);
      return null;
    }
    setProblems({});
    return result.data;
  }

  /** Puts a desk error beside its field(s). Returns false when no field of this form was named. */
  const applyServerError = (error: DeskErrorData): boolean => {
    const found: Partial<Record<keyof V, Problem>> = {};
    for (const issue of error.issues ?? []) {
      const name = fieldOf(issue.field);
      if (name && !found[name]) found[name] = { problem: issue.problem };
    }
    if (error.field) {
      const name = fieldOf(error.field);
      if (name && !found[name]) found[name] = { coded: error.reason };
    }
    if (Object.keys(found).length === 0) return false;
    show(found);
    return true;
  };

  /** Marks one field with a catalog message (e.g. a wrong password, which is not a schema problem). */
  const fail = (name: keyof V & string, key: MessageKey, vars?: MessageVars) => show({ [name]: { key, vars } } as Partial<Record<keyof V, Problem>>);

  const hasProblems = Object.values(problems).some(Boolean);

  return { values, setValues, set, text, check, applyServerError, fail, formId, hasProblems, fieldOf };
}

export type ContractForm<V extends Record<string, string>> = ReturnType<typeof useContractForm<V>>;

// Forms that submit to the contract: @mantine/form holding typed values (numbers as numbers, booleans as
// booleans), the contract's own zod schema as the validator, and a desk mutation as the submit. One
// pattern for every form: problems beside their fields (the schema's before sending, the desk's after,
// mapped by field and worded by code), anything else in one alert, the busy state from the mutation.
// Problems are stored as elements that word themselves, so a language switch re-words them.
import { Alert, Text } from '@mantine/core';
import { useForm, type FormErrors, type GetInputPropsReturnType, type LooseKeys, type UseFormReturnType } from '@mantine/form';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Coded, DeskErrorData, FieldProblem, Input, MethodName, Results } from '../../../electron/contract/index.ts';
import { methods } from '../../../electron/contract/index.ts';
import { useDeskMutation } from '../api/useDeskMutation.ts';
import type { MessageKey, MessageVars } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldIn } from './fieldPaths.ts';
import { fieldProblemText, issueMessage, lastSegment, type ZodIssue } from './issueMessage.ts';

/** A schema problem, worded in the current UI language when shown. */
function IssueText({ issue, field }: { issue: ZodIssue; field: string }) {
  const { t, catalog, locale } = useI18n();
  return <>{issueMessage(t, catalog, locale, issue, field)}</>;
}

/** A field the desk's gate refused, worded by its code. */
function ProblemText({ problem, field }: { problem: FieldProblem; field: string }) {
  const { t, catalog } = useI18n();
  return <>{fieldProblemText(t, catalog, problem, field)}</>;
}

/** A desk refusal beside its field, worded by its code. */
function CodedText({ coded }: { coded: Coded }) {
  const { say } = useI18n();
  return <>{say(coded)}</>;
}

/** A screen's own problem (a confirmation that does not match, a wrong password), worded from the catalog. */
function KeyText({ k, vars }: { k: MessageKey; vars?: MessageVars }) {
  const { t } = useI18n();
  return <>{t(k, vars)}</>;
}

/** A screen-side problem: a catalog key, with its values when it has any. */
export type ScreenProblem = MessageKey | { key: MessageKey; vars?: MessageVars };

const screenText = (p: ScreenProblem) => (typeof p === 'string' ? <KeyText k={p} /> : <KeyText k={p.key} vars={p.vars} />);

/** The schema's problems with `input`, one per form field (the first one found). */
export function schemaErrors<V extends object>(schema: z.ZodType, input: unknown, values: V): FormErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const name = fieldIn(values, issue.path);
    if (name && !errors[name]) errors[name] = <IssueText issue={issue} field={lastSegment(name)} />;
  }
  // A problem no field of this form shows (a rule across the whole input) still stops the submit.
  if (Object.keys(errors).length === 0) errors._form = <IssueText issue={result.error.issues[0]!} field="_form" />;
  return errors;
}

/** The desk's field errors (error.field with its code, error.issues) placed on this form's fields. */
export function deskFieldErrors<V extends object>(error: DeskErrorData, values: V): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues ?? []) {
    const name = fieldIn(values, issue.field);
    if (name && !errors[name]) errors[name] = <ProblemText problem={issue.problem} field={lastSegment(name)} />;
  }
  if (error.field) {
    const name = fieldIn(values, error.field);
    if (name && !errors[name]) errors[name] = <CodedText coded={error.reason} />;
  }
  return errors;
}

interface Options<M extends MethodName, V extends Record<string, unknown>> {
  /** The contract method the form submits to; its input schema validates before anything is sent. */
  method: M;
  initialValues: V;
  /** The contract input the values stand for (trimming, parsing typed dates) — what is checked and sent. */
  toInput: (values: V) => Input<M>;
  /**
   * Rules only the screen knows (a confirmation matches, a time is a time of day), checked with the schema
   * before sending; a field named here shows this problem rather than the schema's.
   */
  rules?: (values: V, input: Input<M>) => Partial<Record<keyof V & string, ScreenProblem | undefined>>;
  /** A refusal this form words itself (a wrong password beside its field): true when it was handled. */
  onDeskError?: (error: DeskErrorData, form: DeskForm<V>) => boolean;
  /** Runs between the check and the send (e.g. a look for duplicates); `send` sends the checked input. */
  beforeSend?: (input: Input<M>, send: () => void) => void;
  onSuccess?: (value: Results[M], input: Input<M>, form: UseFormReturnType<V>) => void;
}

/** A field of a desk form: a top-level key, or a nested path ('feePayment.accountNumber'). */
export type FieldPath<V> = LooseKeys<V> & string;

/** A text-like input bound to one field of a desk form (`field(name)`). */
export type BoundField = GetInputPropsReturnType & { name: string; 'aria-invalid': true | undefined };

/** What a form's own handlers get: the @mantine/form object plus marking one field with a catalog text. */
export interface DeskForm<V extends Record<string, unknown>> {
  form: UseFormReturnType<V>;
  /** Shows a catalog text under one field and moves the focus there. */
  fail: (name: FieldPath<V>, problem: ScreenProblem) => void;
}

export function useDeskForm<M extends MethodName, V extends Record<string, unknown>>({ method, initialValues, toInput, rules, onDeskError, beforeSend, onSuccess }: Options<M, V>) {
  const schema = methods[method].input as unknown as z.ZodType;
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const input = toInput(values);
      const errors = schemaErrors(schema, input, values);
      const own = rules?.(values, input) ?? {};
      for (const [name, problem] of Object.entries(own)) if (problem) errors[name] = screenText(problem as ScreenProblem);
      // A rule of the screen's own explains the submit's stop better than an unplaced schema problem.
      if (Object.keys(errors).length > 1 && errors._form && Object.values(own).some(Boolean)) delete errors._form;
      return errors;
    },
    validateInputOnChange: false,
    clearInputErrorOnChange: true,
  });
  const formId = useId();
  // A desk error no field of this form shows: the form's one alert.
  const [alert, setAlert] = useState<DeskErrorData | null>(null);
  const mutation = useDeskMutation(method, { onSuccess: (value, input) => onSuccess?.(value, input, form) });

  const focusFirstProblem = () =>
    // After React has rendered the error, so screen readers announce it with the focus move.
    requestAnimationFrame(() => document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const fail = (name: FieldPath<V>, problem: ScreenProblem) => {
    form.setFieldError(name, screenText(problem));
    focusFirstProblem();
  };

  const send = (input: Input<M>) =>
    mutation.mutate(input, {
      onError: (error) => {
        if (onDeskError?.(error, { form, fail })) return;
        const onFields = deskFieldErrors(error, form.getValues());
        if (Object.keys(onFields).length > 0) {
          form.setErrors(onFields);
          focusFirstProblem();
        } else setAlert(error);
      },
    });

  const onSubmit = (e?: FormEvent) => {
    e?.preventDefault();
    setAlert(null);
    const checked = form.validate();
    if (checked.hasErrors) {
      focusFirstProblem();
      return;
    }
    const input = toInput(form.getValues());
    if (beforeSend) beforeSend(input, () => send(input));
    else send(input);
  };

  /** Props for a text-like input bound to `name` (PasswordInput does not mark itself invalid; screen readers need it). */
  const field = (name: FieldPath<V>): BoundField => ({ name, ...form.getInputProps(name), 'aria-invalid': form.errors[name] ? true : undefined });

  return {
    form,
    formId,
    onSubmit,
    field,
    fail,
    busy: mutation.isPending,
    /** A desk error that belongs to no field (for <ErrorAlert>). */
    error: alert,
    /** A schema rule across the whole input that no field shows (render with <FormProblem>). */
    formProblem: form.errors._form ?? null,
  };
}

/** A schema problem that belongs to no field of the form, announced like a desk error. */
export function FormProblem({ problem }: { problem: ReactNode }) {
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      <Text size="sm">{problem}</Text>
    </Alert>
  );
}

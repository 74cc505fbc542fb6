// What every action form shares: the desk's answer (a new case file, or an error put beside a field or
// above the buttons) and the Cancel / confirm buttons. Forms with fields send through useDeskForm; a
// move with nothing to fill in (a confirmation) through useCaseMove — both on useDeskMutation.
import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CaseFile, DeskErrorData, Input, MethodName, Results } from '../../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../../forms/ErrorAlert.tsx';
import { FormProblem } from '../../../forms/useDeskForm.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export interface ActionFormProps {
  file: CaseFile;
  onDone: (file: CaseFile, message: string) => void;
  onCancel: () => void;
}

/** Methods that move a case and answer with its file as it now stands. */
type MoveMethod = { [M in MethodName]: Results[M] extends CaseFile ? M : never }[MethodName];

/** A move with nothing to fill in: its busy state and refusal; the new file goes to `onDone` with `message`. */
export function useCaseMove<M extends MoveMethod>(method: M, onDone: ActionFormProps['onDone'], message: string) {
  const mutation = useDeskMutation(method, { onSuccess: (file) => onDone(file as CaseFile, message) });
  return { busy: mutation.isPending, error: mutation.error, send: (input: Input<M>) => mutation.mutate(input) };
}

export function FormShell({
  formId,
  label,
  onSubmit,
  onCancel,
  busy,
  error,
  formProblem,
  submitLabel,
  submitColor,
  children,
}: {
  /** A form whose fields show problems (the first one gets the focus); without one the submit button does. */
  formId?: string;
  label: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  error: DeskErrorData | null;
  /** A schema rule across the input that no field shows. */
  formProblem?: ReactNode;
  submitLabel: string;
  submitColor?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      id={formId}
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="md">
        {children}
        <FormProblem problem={formProblem} />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={submitColor} data-autofocus={!formId || undefined}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

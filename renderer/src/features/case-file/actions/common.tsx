// What every action form shares: sending the move, the desk's answer (a new case file, or an error put
// beside a field or above the buttons), and the Cancel / confirm buttons.
import { Button, Group, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { CaseFile, DeskErrorData, Result } from '../../../../../electron/contract/index.ts';
import { ErrorAlert } from '../../../forms/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export interface ActionFormProps {
  file: CaseFile;
  onDone: (file: CaseFile, message: string) => void;
  onCancel: () => void;
}

/** Runs a move; a field error goes to `applyField` (a form's applyServerError), anything else is shown. */
export function useRunner(onDone: ActionFormProps['onDone'], applyField?: (e: DeskErrorData) => boolean) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const run = async (call: () => Promise<Result<CaseFile>>, message: string) => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (result.ok) onDone(result.value, message);
    else if (!applyField?.(result.error)) setError(result.error);
  };
  return { busy, error, run };
}

export function FormShell({
  formId,
  label,
  onSubmit,
  onCancel,
  busy,
  error,
  submitLabel,
  submitColor,
  children,
}: {
  formId?: string;
  label: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  error: DeskErrorData | null;
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

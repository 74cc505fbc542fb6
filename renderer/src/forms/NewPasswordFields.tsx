// New password + confirmation + strength hint, used by set-up, recovery and password change.
import { PasswordInput, Stack } from '@mantine/core';
import { useId } from 'react';
import type { Problem } from './useContractForm.ts';
import type { ContractForm } from './useContractForm.ts';
import { PasswordStrengthHint } from './PasswordStrengthHint.tsx';

interface Props<V extends Record<string, string>> {
  form: ContractForm<V>;
  name: keyof V & string;
  confirmName: keyof V & string;
  label: string;
  confirmLabel: string;
}

export function NewPasswordFields<V extends Record<string, string>>({ form, name, confirmName, label, confirmLabel }: Props<V>) {
  const hintId = useId();
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <PasswordInput label={label} required autoComplete="new-password" {...form.text(name)} />
        <PasswordStrengthHint password={form.text(name).value} id={hintId} />
      </Stack>
      <PasswordInput label={confirmLabel} required autoComplete="new-password" {...form.text(confirmName)} />
    </Stack>
  );
}

/** The confirmation is a screen-side check: the contract only ever sees one password. */
export function confirmationProblem(password: string, confirm: string, confirmName: string): Record<string, Problem> {
  return password === confirm ? {} : { [confirmName]: { key: 'validation.passwordMismatch' } };
}

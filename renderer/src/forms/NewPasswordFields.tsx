// New password + confirmation + strength hint, used by set-up, recovery and password change.
import { PasswordInput, Stack } from '@mantine/core';
import { useId } from 'react';
import type { BoundField } from './useDeskForm.tsx';
import { PasswordStrengthHint } from './PasswordStrengthHint.tsx';

interface Props {
  /** The new password's field and its confirmation's (useDeskForm's `field(name)`). */
  password: BoundField;
  confirm: BoundField;
  label: string;
  confirmLabel: string;
}

export function NewPasswordFields({ password, confirm, label, confirmLabel }: Props) {
  const hintId = useId();
  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <PasswordInput label={label} required autoComplete="new-password" {...password} />
        <PasswordStrengthHint password={String(password.value ?? '')} id={hintId} />
      </Stack>
      <PasswordInput label={confirmLabel} required autoComplete="new-password" {...confirm} />
    </Stack>
  );
}

/** The confirmation is a screen-side check: the contract only ever sees one password. */
export function confirmationProblem(password: string, confirm: string): 'validation.passwordMismatch' | undefined {
  return password === confirm ? undefined : 'validation.passwordMismatch';
}

import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DeskErrorData } from '../../../electron/contract/index.ts';
import { errorText } from '../i18n/describeError.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A desk error that belongs to no single field. role="alert" so it is announced when it appears. */
export function ErrorAlert({ error }: { error: DeskErrorData | null }) {
  const { say } = useI18n();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" data-error-code={error.code}>
      <Text size="sm">{errorText(say, error)}</Text>
    </Alert>
  );
}

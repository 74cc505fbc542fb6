// The core's warnings about this case, worded in the UI language from their codes (i18n/*-codes.ts).
import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { CaseFile } from '../../../../electron/contract/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const serious = new Set(['LEGAL_MARK_PASSED', 'FEE_SHORT', 'STALE_CERTIFICATE']);

export function CaseWarnings({ file }: { file: CaseFile }) {
  const { say } = useI18n();
  if (file.warnings.length === 0 && file.flags.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="case-warnings">
      {file.flags.map((f) => (
        <Alert key={f.code} color={f.code === 'DUE_AFTER_LEGAL_MARK' ? 'orange' : 'yellow'} variant="light" icon={<IconAlertTriangle size={18} />} data-code={f.code} py="xs">
          {say(f)}
        </Alert>
      ))}
      {file.warnings.map((w) => (
        <Alert
          key={w.code}
          color={serious.has(w.code) ? 'red' : w.code === 'PROVISIONAL_DUE' ? 'orange' : 'yellow'}
          variant="light"
          icon={w.code === 'PROVISIONAL_DUE' ? <IconInfoCircle size={18} /> : <IconAlertTriangle size={18} />}
          data-code={w.code}
          py="xs"
        >
          {say(w)}
        </Alert>
      ))}
    </Stack>
  );
}

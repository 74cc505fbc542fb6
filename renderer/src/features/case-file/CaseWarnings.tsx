// The core's warnings about this case, worded in the UI language from their code and the file's own
// figures. A code this renderer does not know yet is shown with the desk's message.
import { Alert, Stack } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { CaseFile } from '../../../../electron/contract/index.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { formatDate, yen, listOf } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { caseRuleText } from '../../i18n/caseRuleText.ts';
import type { Locale } from '../../i18n/catalog.ts';

function wording(t: Translate, locale: Locale, file: CaseFile, code: string, message: string): string {
  const d = file.deadline;
  switch (code) {
    case 'STALE_CERTIFICATE': {
      const latest = file.identityChecks.at(-1);
      const docs = listOf(locale, (latest?.staleCertificates ?? []).map((c) => t(`document.${c}`)));
      return t('warning.STALE_CERTIFICATE', { documents: docs });
    }
    case 'FEE_SHORT':
      return t('warning.FEE_SHORT', { amount: yen(locale, -(file.fees?.balance ?? 0)) });
    case 'FEE_EXCESS':
      return t('warning.FEE_EXCESS', { amount: yen(locale, file.fees?.balance ?? 0) });
    case 'LEGAL_MARK_NEAR':
      return t('warning.LEGAL_MARK_NEAR', { date: formatDate(locale, d.legalMark) });
    case 'LEGAL_MARK_PASSED':
      return t('warning.LEGAL_MARK_PASSED', { date: formatDate(locale, d.legalMark) });
    case 'PROVISIONAL_DUE':
      return t('warning.PROVISIONAL_DUE', { year: Number(d.due.slice(0, 4)) - 1 });
    default:
      return message;
  }
}

const serious = new Set(['LEGAL_MARK_PASSED', 'FEE_SHORT', 'STALE_CERTIFICATE']);

export function CaseWarnings({ file }: { file: CaseFile }) {
  const { t, locale } = useI18n();
  if (file.warnings.length === 0 && file.flags.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="case-warnings">
      {file.flags.map((f) => (
        <Alert key={f.code} color={f.code === 'DUE_AFTER_LEGAL_MARK' ? 'orange' : 'yellow'} variant="light" icon={<IconAlertTriangle size={18} />} data-code={f.code} py="xs">
          {caseRuleText(t, locale, f, file.case.type)}
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
          {wording(t, locale, file, w.code, w.message)}
        </Alert>
      ))}
    </Stack>
  );
}

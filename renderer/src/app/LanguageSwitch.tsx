import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { isOneOf } from '../../../electron/contract/index.ts';
import { locales } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** 日本語 / English, each label in its own language so either reader can find it. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="no-print">
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={locale}
        onChange={(value) => isOneOf(locales, value) && setLocale(value)}
        data={[
          { value: 'ja', label: <span lang="ja">{t('language.ja')}</span> },
          { value: 'en', label: <span lang="en">{t('language.en')}</span> },
        ]}
        data-testid="language-switch"
      />
    </div>
  );
}

// Words a case-rule code (electron/contract/case-rules.ts) in the UI language, from its parameters.
import { isRequestType, requestKinds, type CaseRuleCode, type RequestType } from '../../../electron/contract/index.ts';
import type { Locale, MessageKey, Translate } from './catalog.ts';
import { formatDate, listOf } from './format.ts';

function kindsOf(t: Translate, locale: Locale, type: RequestType): string {
  return listOf(locale, (requestKinds[type] as readonly string[]).map((k) => t(`kind.${type}.${k}` as MessageKey)));
}

export function caseRuleText(t: Translate, locale: Locale, rule: CaseRuleCode, type?: string): string {
  switch (rule.code) {
    case 'KINDS_REQUIRED':
      return t('caseRules.KINDS_REQUIRED', { kinds: kindsOf(t, locale, rule.type) });
    case 'KINDS_NOT_KNOWN':
      return t('caseRules.KINDS_NOT_KNOWN', { kinds: type && isRequestType(type) ? kindsOf(t, locale, type) : '' });
    case 'DUE_AFTER_LEGAL_MARK':
      return t('caseRules.DUE_AFTER_LEGAL_MARK', { due: formatDate(locale, rule.due), mark: formatDate(locale, rule.mark) });
    case 'NO_CONTACT':
      return t('caseRules.NO_CONTACT');
    case 'DUPLICATE_OF_OPEN_CASE':
      return t('caseRules.DUPLICATE_OF_OPEN_CASE', { reference: rule.reference });
  }
}

// Words for the notice rules' codes (core/notices/delivery.ts): refusals and who/why of a settled draft.
import type { NoticeRuleRefusal } from '../../../electron/contract/index.ts';
import type { Translate } from './catalog.ts';
import { formatDateTime } from './format.ts';

export function noticeRuleText(t: Translate, r: NoticeRuleRefusal): string {
  switch (r.code) {
    case 'NOTICE_ALREADY_DELIVERED':
      return t('noticeRule.NOTICE_ALREADY_DELIVERED', { channel: t(`notices.channel.${r.channel}`), time: formatDateTime('ja', r.at) });
    case 'OWED_NOTICES_UNSENT':
      return t('noticeRule.OWED_NOTICES_UNSENT', { kinds: r.kinds.map((k) => t(`noticeKind.${k}`)).join('、') });
    case 'ACKNOWLEDGEMENT_AFTER_DECISION':
      return t('noticeRule.ACKNOWLEDGEMENT_AFTER_DECISION');
  }
}

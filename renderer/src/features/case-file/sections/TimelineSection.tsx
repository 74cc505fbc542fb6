// Every event of the case with who and when (Japan time), oldest first, in words of the UI language.
import { Group, Text, Timeline } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCalendarEvent,
  IconCash,
  IconCheck,
  IconCircleDot,
  IconEye,
  IconGavel,
  IconId,
  IconInbox,
  IconMailForward,
  IconLock,
  IconLockOpen,
  IconNote,
  IconPlayerPause,
  IconPlayerPlay,
  IconSignature,
  IconUserShare,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import {
  caseStatuses,
  disclosureGrounds,
  feeMethods,
  identityDocumentTypes,
  intakeChannels,
  noticeChannels,
  noticeKinds,
  outcomes,
  pauseReasons,
  rejectionGrounds,
  requestTypes,
  resumedOnReply,
  type CaseFile,
  type CaseStatus,
  type TimelineEvent,
  isTimelineEventKind,
  type TimelineEventKind,
} from '../../../../../electron/contract/index.ts';
import { JapanDate, JapanDateTime } from '../../../components/JapanDate.tsx';
import type { Locale, Translate } from '../../../i18n/catalog.ts';
import { yen, listOf } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { eventLabel, resumeReasonText } from '../../../i18n/vocabulary.ts';
import { Section } from './Section.tsx';

const icons: Record<TimelineEventKind, Icon> = {
  received: IconInbox,
  status: IconEye,
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  extend: IconCalendarEvent,
  decision: IconGavel,
  returned: IconArrowBackUp,
  approval: IconSignature,
  withdrawn: IconX,
  rejected: IconX,
  notice: IconMailForward,
  closed: IconCheck,
  assigned: IconUserShare,
  identity_check: IconId,
  fee: IconCash,
  note: IconNote,
  due_recomputed: IconCalendarEvent,
  mail_edited: IconMailForward,
  mail_failed: IconMailForward,
  mail_possibly_duplicated: IconMailForward,
  mail_draft_skipped: IconMailForward,
  letter_reprint: IconMailForward,
  mail_received: IconMailForward,
  mail_bounced: IconMailForward,
  legal_hold: IconLock,
  legal_hold_lifted: IconLockOpen,
  answered: IconMailForward,
  converted: IconEye,
  rejection_proposed: IconGavel,
  withdrawal_proposed: IconX,
  notice_copy: IconMailForward,
  mail_settled: IconMailForward,
  notices_dropped: IconX,
};

const allOutcomes: readonly string[] = Object.values(outcomes).flat();
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const one = <T extends string>(list: readonly T[], v: unknown): T | null => (typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null);

function StatusMove({ data, t }: { data: Record<string, unknown>; t: Translate }) {
  const from = one<CaseStatus>(caseStatuses, data.from);
  const to = one<CaseStatus>(caseStatuses, data.to);
  if (!from || !to) return null;
  return <Text size="xs" c="dimmed">{`${t(`status.${from}`)} → ${t(`status.${to}`)}`}</Text>;
}

function detail(e: TimelineEvent, t: Translate, locale: Locale): ReactNode {
  const d = e.data;
  const line = (text: string | null) =>
    text ? (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    ) : null;
  switch (e.kind) {
    case 'received': {
      const type = one(requestTypes, d.type);
      const channel = one(intakeChannels, d.channel);
      return (
        <>
          {line([type && t(`type.${type}.long`), channel && t(`channel.${channel}`)].filter(Boolean).join(' · '))}
          {str(d.dayZero) && str(d.due) && (
            <Text size="xs" c="dimmed">
              {t('timeline.dayZeroDue')} <JapanDate date={str(d.dayZero)!} size="xs" /> → <JapanDate date={str(d.due)!} size="xs" />
            </Text>
          )}
        </>
      );
    }
    case 'pause': {
      const kind = one(pauseReasons, d.reasonKind);
      return (
        <>
          {line(kind && t(`pauseReason.${kind}`))}
          {line(str(d.reason))}
        </>
      );
    }
    case 'resume':
      return line(resumeReasonText(t, locale, str(d.reason) ?? '', resumedOnReply(d)));
    case 'legal_hold':
    case 'legal_hold_lifted':
    case 'returned':
    case 'withdrawn':
      return line(str(d.reason));
    case 'extend':
      return (
        <>
          {str(d.dueBefore) && str(d.due) && (
            <Text size="sm">
              <JapanDate date={str(d.dueBefore)!} size="sm" /> → <JapanDate date={str(d.due)!} size="sm" fw={600} />
            </Text>
          )}
          {line(str(d.reason))}
        </>
      );
    case 'decision': {
      const outcome = one(allOutcomes, d.outcome);
      const grounds = Array.isArray(d.grounds) ? d.grounds.map((g) => one(disclosureGrounds, g)).filter((g) => g !== null) : [];
      return (
        <>
          {line(outcome && t(`outcome.${outcome as (typeof outcomes)['disclosure'][number]}`))}
          {grounds.length > 0 && <Text size="xs" c="dimmed">{grounds.map((g) => t(`ground.${g}`)).join(' / ')}</Text>}
        </>
      );
    }
    case 'approval':
      return line(str(d.decidedBy) ? t('timeline.decidedBy', { name: str(d.decidedBy)! }) : null);
    case 'rejected': {
      const ground = one(rejectionGrounds, d.ground);
      return (
        <>
          {line(ground && t(`rejectionGround.${ground}`))}
          {line(str(d.reason))}
        </>
      );
    }
    case 'notice':
    case 'notice_copy': {
      const kind = one(noticeKinds, d.kind);
      const channel = one(noticeChannels, d.channel);
      const mailTo = str(d.mailTo);
      const messageId = str(d.messageId);
      return (
        <>
          {line([kind && t(`noticeKind.${kind}`), channel && t(`noticeChannel.${channel}`)].filter(Boolean).join(' · '))}
          {line(mailTo !== null && messageId !== null ? t('caseFile.noticeMailed', { to: mailTo, messageId }) : null)}
          {line(d.resent === true ? t('caseFile.noticeMailedResent') : null)}
          {line(str(d.note))}
        </>
      );
    }
    case 'assigned':
      return line(`${str(d.from) ?? t('queue.unassigned')} → ${str(d.to) ?? t('queue.unassigned')}`);
    case 'identity_check': {
      const docs = Array.isArray(d.documents) ? d.documents.map((x) => one(identityDocumentTypes, (x as { type?: unknown }).type)).filter((x) => x !== null) : [];
      const stale = Array.isArray(d.staleCertificates) ? d.staleCertificates.map((x) => one(identityDocumentTypes, x)).filter((x) => x !== null) : [];
      return (
        <>
          {line(`${d.verified ? t('identity.verified') : t('identity.notVerified')}${docs.length ? ` — ${listOf(locale, docs.map((x) => t(`document.${x}`)))}` : ''}`)}
          {stale.length > 0 && (
            <Text size="xs" c="red.7">
              {t('identity.stale', { documents: listOf(locale, stale.map((x) => t(`document.${x}`))) })}
            </Text>
          )}
        </>
      );
    }
    case 'fee': {
      const method = one(feeMethods, d.method);
      const kind = d.kind === 'refund' ? 'refund' : 'payment';
      return line([t(`feeKind.${kind}`), typeof d.amount === 'number' ? yen(locale, d.amount) : null, method && t(`feeMethod.${method}`)].filter(Boolean).join(' · '));
    }
    case 'due_recomputed':
      return str(d.oldDue) && str(d.newDue) ? (
        <Text size="sm">
          <JapanDate date={str(d.oldDue)!} size="sm" /> → <JapanDate date={str(d.newDue)!} size="sm" fw={600} />
        </Text>
      ) : null;
    case 'mail_received':
      return line([d.automatic === true && t('timeline.mailAutomatic'), d.afterClose === true && t('timeline.mailAfterClose')].filter(Boolean).join(' · ') || null);
    case 'mail_bounced':
      return (
        <>
          {line(str(d.diagnostic))}
          {line(d.byLetter === true ? t('timeline.bounceByLetter') : t('timeline.bounceNoAddress'))}
        </>
      );
    default:
      return null;
  }
}

export function TimelineSection({ file }: { file: CaseFile }) {
  const { t, locale } = useI18n();
  return (
    <Section
      title={t('caseFile.section.timeline')}
      testId="section-timeline"
      aside={
        <Text size="xs" c="dimmed">
          {t('timeline.japanTime')}
        </Text>
      }
    >
      <Timeline active={file.timeline.length - 1} bulletSize={26} lineWidth={2} data-testid="timeline">
        {file.timeline.map((e) => {
          // A kind from another version of the desk has no icon here.
          const Icon = isTimelineEventKind(e.kind) ? icons[e.kind] : IconCircleDot;
          return (
            <Timeline.Item
              key={e.id}
              bullet={<Icon size={14} aria-hidden />}
              title={
                <Group gap="xs" component="span">
                  <span>{eventLabel(t, e.kind)}</span>
                  <StatusMove data={e.data} t={t} />
                </Group>
              }
              data-kind={e.kind}
            >
              {detail(e, t, locale)}
              <Text size="xs" c="dimmed" mt={2}>
                {e.actor ?? t('timeline.system')} · <JapanDateTime at={e.at} size="xs" />
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Section>
  );
}

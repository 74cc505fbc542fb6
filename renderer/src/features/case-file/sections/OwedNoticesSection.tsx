// The top of the case file: every notice the case owes or owed (core/notices/delivery.ts computes it),
// by which channel, its state, and the next thing to do — with the Outbox draft one click away, and an
// acknowledgement the decision overtook cancelled only by a person ("superseded"). A notice delivered by
// one channel can be sent by the other as a copy, after a person confirms it (recorded as a copy).
import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CaseFile, OwedNotice, OwedNoticeState } from '../../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../../api/useDeskMutation.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { ErrorAlert } from '../../../forms/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { OutboxMessageModal } from '../../outbox/OutboxMessageModal.tsx';
import { LetterPreview } from '../../letters/LetterPreview.tsx';
import { Section } from './Section.tsx';
import { copyChannelOf } from '../copyChannel.ts';

const STATE_COLOR: Record<OwedNoticeState, string> = {
  to_prepare: 'orange',
  draft: 'gray',
  queued: 'blue',
  sent: 'teal',
  printed: 'teal',
  failed: 'red',
  bounced: 'grape',
  cancelled: 'dark',
};

export function OwedNoticesSection({ file, onChanged }: { file: CaseFile; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  // A copy: first the question (asked), then for a letter the preview to print it (printing).
  const [copyOf, setCopyOf] = useState<{ notice: OwedNotice; channel: 'mail' | 'letter'; step: 'asked' | 'printing' } | null>(null);
  const sendCopy = useDeskMutation('outbox.send', {
    onSuccess: () => {
      notifications.show({ message: t('notices.copy.queued'), color: 'teal' });
      onChanged();
    },
    onSettled: () => setCopyOf(null),
  });
  const cancel = useDeskMutation('outbox.cancel', {
    onSuccess: () => {
      notifications.show({ message: t('outbox.done.cancel'), color: 'teal' });
      onChanged();
    },
  });
  const busy = sendCopy.isPending;
  // The section's one alert: the newest refusal of either move.
  const error = sendCopy.error ?? cancel.error;
  const confirmCopy = () => {
    if (!copyOf) return;
    if (copyOf.channel === 'letter') return setCopyOf({ ...copyOf, step: 'printing' });
    cancel.reset();
    sendCopy.mutate({ id: copyOf.notice.outboxId!, copy: true });
  };
  const cancelSuperseded = (o: OwedNotice) => {
    sendCopy.reset();
    cancel.mutate({ id: o.outboxId!, reason: '', as: 'superseded' });
  };
  return (
    <Section title={t('notices.title')} testId="section-owed-notices">
      {file.owedNotices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notices.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} fz="sm">
          <Table.Tbody>
            {file.owedNotices.map((o) => (
              <Table.Tr key={o.kind} data-kind={o.kind} data-state={o.state} data-next={o.next}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`noticeKind.${o.kind}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`notices.channel.${o.channel}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge tt="none" variant="light" color={STATE_COLOR[o.state]} data-testid="owed-state">
                    {t(`notices.state.${o.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {o.deliveredAt && o.deliveredBy && (
                    <Text size="xs">
                      {t(`notices.channel.${o.deliveredBy}`)} · <JapanDateTime at={o.deliveredAt} size="xs" />
                    </Text>
                  )}
                  {o.copies.length > 0 && <Text size="xs">{t('notices.copies', { channels: o.copies.map((c) => t(`notices.channel.${c}`)).join('・') })}</Text>}
                  {o.cancellation && (
                    <Text size="xs" data-testid="owed-cancellation" data-reason={o.cancellation.reason}>
                      {o.cancellation.by
                        ? t('notices.cancelledBy', { by: o.cancellation.by, reason: t(`cancelReason.${o.cancellation.reason}`) })
                        : t('notices.cancelled', { reason: t(`cancelReason.${o.cancellation.reason}`) })}
                    </Text>
                  )}
                  {o.next !== 'none' && (
                    <Text size="xs" c="dimmed" data-testid="owed-next">
                      {t(`notices.next.${o.next}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {o.outboxId !== null && (
                      <Button size="xs" variant="default" onClick={() => setOpen(o.outboxId)}>
                        {t('notices.openDraft')}
                      </Button>
                    )}
                    {copyChannelOf(o, file) !== null && (
                      <Button size="xs" variant="light" data-testid="send-copy" data-channel={copyChannelOf(o, file)!} onClick={() => setCopyOf({ notice: o, channel: copyChannelOf(o, file)!, step: 'asked' })}>
                        {t(copyChannelOf(o, file) === 'letter' ? 'notices.copy.byLetter' : 'notices.copy.byMail')}
                      </Button>
                    )}
                    {o.next === 'cancel_superseded' && o.outboxId !== null && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => cancelSuperseded(o)} loading={cancel.isPending && cancel.variables.id === o.outboxId}>
                        {t('notices.cancelSuperseded')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ErrorAlert error={error} />
      {copyOf?.step === 'asked' && (
        <Modal opened onClose={() => setCopyOf(null)} title={t('notices.copy.title', { kind: t(`noticeKind.${copyOf.notice.kind}`) })} centered>
          <Stack gap="md" data-testid="copy-confirm">
            <Text size="sm">
              {t(copyOf.channel === 'letter' ? 'notices.copy.questionLetter' : 'notices.copy.questionMail', { kind: t(`noticeKind.${copyOf.notice.kind}`) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCopyOf(null)} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button onClick={confirmCopy} loading={busy}>
                {t(copyOf.channel === 'letter' ? 'notices.copy.yesLetter' : 'notices.copy.yesMail')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {copyOf?.step === 'printing' && (
        <Modal opened onClose={() => setCopyOf(null)} title={`${t('letters.previewTitle')} — ${file.case.reference}`} size={900} centered>
          <LetterPreview
            caseId={file.case.id}
            kind={copyOf.notice.kind}
            notices={file.notices}
            copy
            height="calc(100dvh - 320px)"
            onRecorded={() => {
              setCopyOf(null);
              onChanged();
            }}
          />
        </Modal>
      )}
      {open !== null && (
        <OutboxMessageModal
          id={open}
          onClose={() => {
            setOpen(null);
            onChanged();
          }}
          onChanged={onChanged}
        />
      )}
    </Section>
  );
}

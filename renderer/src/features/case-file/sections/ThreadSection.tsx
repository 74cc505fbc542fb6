// The case's correspondence in time order: mail received (opened here, audited by the desk), notices sent
// by email (with "not delivered" and the server's words when one bounced) and letters. When the case waits
// for the requester and a reply came, it offers "resume" with the reply's date; a person confirms, and the
// case's own resume move applies its clock rules. The move names the reply, not a sentence: the desk keeps
// which mail and when, and every reader sees it worded in their own language.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMailForward, IconMailOpened, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { noticeKinds, type CaseFile, type CaseThread } from '../../../../../electron/contract/index.ts';
import { useDeskMutation } from '../../../api/useDeskMutation.ts';
import { JapanDateTime } from '../../../components/JapanDate.tsx';
import { ErrorAlert } from '../../../forms/ErrorAlert.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useDeskQuery } from '../../../api/deskQueries.ts';
import { MailView } from '../../inbox/InboxMailModal.tsx';
import { MailFlags, senderText } from '../../inbox/InboxScreen.tsx';

export function ThreadSection({ file, onChanged }: { file: CaseFile; onChanged: (next: CaseFile) => void }) {
  const { t, locale } = useI18n();
  const caseId = file.case.id;
  // Asked again whenever the case file changes (a move, a notice): the thread follows.
  const query = useDeskQuery('inbox.thread', { caseId });
  const [openId, setOpenId] = useState<number | null>(null);
  const resumeCase = useDeskMutation('cases.resume', { onSuccess: onChanged });
  const resume = (thread: CaseThread) => {
    if (thread.resumeOffer) resumeCase.mutate({ id: caseId, version: file.version, reasonKind: 'requester_reply', inboxId: thread.resumeOffer.inboxId });
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="case-thread">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('thread.title')}
        </Title>
        {query.isError && <ErrorAlert error={query.error} />}
        <ErrorAlert error={resumeCase.error} />
        {query.isSuccess && query.data.resumeOffer && file.case.status === 'awaiting_requester' && (
          <Alert color="indigo" variant="light" data-testid="resume-offer">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm">{t('thread.resumeOffer', { date: formatDateTime(locale, query.data.resumeOffer.arrivedAt) })}</Text>
              <Button size="xs" loading={resumeCase.isPending} onClick={() => resume(query.data)}>
                {t('thread.resume')}
              </Button>
            </Group>
          </Alert>
        )}
        {query.isSuccess && query.data.entries.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('thread.empty')}
          </Text>
        )}
        {query.isSuccess &&
          query.data.entries.map((e, i) => (
            <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="thread-entry" data-kind={e.kind}>
              {e.kind === 'incoming' ? <IconMailOpened size={18} aria-hidden /> : e.kind === 'outgoing' ? <IconMailForward size={18} aria-hidden /> : <IconPrinter size={18} aria-hidden />}
              <Stack gap={2} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {t(`thread.${e.kind}`)}
                  </Text>
                  <JapanDateTime at={e.at} size="xs" c="dimmed" />
                  {e.kind === 'incoming' && <MailFlags m={e.inbox} />}
                  {e.kind === 'outgoing' && e.bounced && (
                    <Badge color="red" variant="light" size="sm" tt="none" data-testid="thread-bounced">
                      {t('thread.bounced')}
                    </Badge>
                  )}
                </Group>
                {e.kind === 'incoming' && (
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {e.inbox.subject || t('inbox.noSubject')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {senderText(t, e.inbox)}
                    </Text>
                    <Button size="compact-xs" variant="default" onClick={() => setOpenId(e.inbox.id)}>
                      {t('thread.open')}
                    </Button>
                  </Group>
                )}
                {e.kind === 'outgoing' && (
                  <>
                    <Text size="sm">{e.subject}</Text>
                    {e.bounced && (
                      <Text size="xs" c="red">
                        {t('thread.bouncedHint', { diagnostic: e.bounced.diagnostic })}
                      </Text>
                    )}
                  </>
                )}
                {e.kind === 'letter' && <Text size="sm">{(noticeKinds as readonly string[]).includes(e.noticeKind) ? t(`noticeKind.${e.noticeKind as (typeof noticeKinds)[number]}`) : e.noticeKind}</Text>}
              </Stack>
            </Group>
          ))}
      </Stack>
      {openId !== null && (
        <Modal opened onClose={() => setOpenId(null)} title={t('inbox.mail.title')} size="xl" centered>
          <ThreadMail id={openId} />
        </Modal>
      )}
    </Paper>
  );
}

function ThreadMail({ id }: { id: number }) {
  const query = useDeskQuery('inbox.get', { id });
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (!query.isSuccess) return null;
  return <MailView mail={query.data} />;
}

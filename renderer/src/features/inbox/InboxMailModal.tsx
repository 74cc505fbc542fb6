// One incoming mail: sender, subject, when the desk's server received it, the text (never HTML: nothing
// remote is loaded), its attachments (saved, never opened by the desk), and what a person can do with
// it: create a case from it (the intake form, prefilled), attach it to a case, or set it aside.
// Opening the mail and saving an attachment are both recorded in the audit log by the desk.
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { dismissReasons, isOneOf, type CaseType, type DismissReason, type InboxMessage } from '../../../../electron/contract/index.ts';
import { deskValue, useDeskMutation, useDeskStep } from '../../api/useDeskMutation.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { MailFlags, senderText } from './InboxScreen.tsx';

interface Props {
  id: number;
  onClose: () => void;
  onChanged: () => void;
}

export function InboxMailModal({ id, onClose, onChanged }: Props) {
  const t = useT();
  const query = useDeskQuery('inbox.get', { id });
  return (
    <Modal opened onClose={onClose} title={t('inbox.mail.title')} size="xl" centered>
      {query.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isSuccess && <MailView mail={query.data} onChanged={onChanged} onClose={onClose} />}
    </Modal>
  );
}

export function MailView({ mail: m, onChanged, onClose }: { mail: InboxMessage; onChanged?: () => void; onClose?: () => void }) {
  const t = useT();
  const { go } = useShell();
  const [mode, setMode] = useState<'view' | 'attach' | 'dismiss'>('view');
  const create = (type: CaseType) => {
    onClose?.();
    go({ name: 'intake', mail: { inboxId: m.id, subject: m.subject, prefill: m.prefill }, start: { type } });
  };

  // Saved through the browser's download (the desk records the save in the audit log).
  const save = useDeskStep(async (desk, attachmentId: number) => {
    const file = deskValue(await desk.inbox.attachment({ id: m.id, attachmentId }));
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });


  return (
    <Stack gap="md" data-testid="inbox-mail" data-inbox-id={m.id} data-status={m.status}>
      <Paper withBorder p="sm" radius="md">
        <Stack gap={4}>
          <Field label={t('inbox.mail.from')} value={senderText(t, m)} />
          <Field label={t('inbox.mail.subject')} value={m.subject || t('inbox.noSubject')} />
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" w={120}>
              {t('inbox.mail.arrived')}
            </Text>
            <Stack gap={0}>
              <JapanDateTime at={m.arrivedAt} size="sm" data-testid="mail-arrived" />
              <Text size="xs" c="dimmed">
                {t(`inbox.arrival.${m.arrivalSource}`)}
              </Text>
            </Stack>
          </Group>
          {m.recipientCount > 1 && <Field label="" value={t('inbox.recipients', { n: m.recipientCount })} />}
          {m.reference && (
            <Group gap="xs" wrap="nowrap" align="baseline">
              <Text size="sm" c="dimmed" w={120}>
                {t('inbox.mail.case')}
              </Text>
              <Anchor component="button" type="button" size="sm" onClick={() => m.caseId !== null && go({ name: 'case', id: m.caseId })}>
                {m.reference}
              </Anchor>
              {m.attachedBy && (
                <Text size="xs" c="dimmed">
                  {t(`inbox.mail.attachedBy.${m.attachedBy}`)}
                </Text>
              )}
            </Group>
          )}
          <Group gap={6}>
            <MailFlags m={m} />
          </Group>
        </Stack>
      </Paper>

      {m.unreadable && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('inbox.unreadableHint')}
        </Alert>
      )}
      {m.oversize && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('inbox.oversizeHint', { mb: Math.round(m.size / 1024 / 1024) })}
        </Alert>
      )}
      {m.afterClose && (
        <Alert color="yellow" variant="light">
          {t('inbox.afterCloseHint')}
        </Alert>
      )}

      {!m.unreadable && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('inbox.mail.text')}
          </Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="mail-text">
              {m.text}
            </Text>
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed">
            {t('inbox.mail.textNote')}
          </Text>
        </Stack>
      )}

      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('inbox.mail.attachments')}
        </Text>
        {m.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('inbox.mail.noAttachments')}
          </Text>
        ) : (
          <>
            {m.attachments.map((a) => (
              <Group key={a.id} gap="xs" data-testid="mail-attachment">
                <IconPaperclip size={14} aria-hidden />
                <Text size="sm">{a.filename}</Text>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {a.contentType}
                </Badge>
                <Text size="xs" c="dimmed">
                  {Math.max(1, Math.round(a.size / 1024))} KB
                </Text>
                <Button size="compact-xs" variant="default" leftSection={<IconDownload size={12} aria-hidden />} onClick={() => save.mutate(a.id)} loading={save.isPending && save.variables === a.id}>
                  {t('inbox.mail.save')}
                </Button>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('inbox.mail.saveHint')}
            </Text>
          </>
        )}
      </Stack>

      <ErrorAlert error={save.error} />

      {m.status !== 'attached' && onChanged && mode === 'view' && (
        <Group justify="flex-end" data-testid="inbox-actions">
          <Button variant="default" onClick={() => setMode('dismiss')} disabled={m.status === 'dismissed'}>
            {t('inbox.action.dismiss')}
          </Button>
          <Button variant="default" onClick={() => setMode('attach')}>
            {t('inbox.action.attach')}
          </Button>
          {/* A question and a complaint are cases too (issue 19): taken in, answered and counted. */}
          <Button variant="light" onClick={() => create('complaint')}>
            {t('inbox.action.createComplaint')}
          </Button>
          <Button variant="light" onClick={() => create('inquiry')}>
            {t('inbox.action.createInquiry')}
          </Button>
          <Button onClick={() => create('disclosure')}>{t('inbox.action.createCase')}</Button>
        </Group>
      )}
      {mode === 'attach' && onChanged && <AttachPicker mail={m} onDone={onChanged} onCancel={() => setMode('view')} />}
      {mode === 'dismiss' && onChanged && <DismissForm mail={m} onDone={onChanged} onCancel={() => setMode('view')} />}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={120}>
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </Group>
  );
}

interface ActionProps {
  mail: InboxMessage;
  onDone: () => void;
  onCancel: () => void;
}

function AttachPicker({ mail, onDone, onCancel }: ActionProps) {
  const t = useT();
  const [search, setSearch] = useState(mail.subject.match(/PD-\d{4}-\d{5}/)?.[0] ?? mail.fromAddress);
  // Asked once the typing pauses; an answer for older text is cancelled by the data layer.
  const [asked] = useDebouncedValue(search, 250);
  const rows = useDeskQuery('cases.list', { search: asked, pageSize: 10 }).data?.rows ?? null;
  const attach = useDeskMutation('inbox.attach', {
    onSuccess: (attached) => {
      notifications.show({ message: t('inbox.attached', { reference: attached.reference ?? '' }), color: 'teal' });
      onDone();
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="attach-picker">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('inbox.attach.title')}
        </Text>
        <TextInput label={t('inbox.attach.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} data-autofocus />
        {rows && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('inbox.attach.none')}
          </Text>
        )}
        {rows?.map((c) => (
          <Button key={c.id} variant="light" justify="space-between" onClick={() => attach.mutate({ id: mail.id, caseId: c.id })} loading={attach.isPending && attach.variables.caseId === c.id} aria-label={t('inbox.attach.choose', { reference: c.reference })}>
            {`${c.reference} · ${c.memberName}`}
          </Button>
        ))}
        <ErrorAlert error={attach.error} />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DismissForm({ mail, onDone, onCancel }: ActionProps) {
  const t = useT();
  const [reason, setReason] = useState<DismissReason>('spam');
  const dismiss = useDeskMutation('inbox.dismiss', {
    onSuccess: () => {
      notifications.show({ message: t('inbox.dismissed'), color: 'teal' });
      onDone();
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" data-testid="dismiss-form">
      <Stack gap="xs">
        <Radio.Group label={t('inbox.dismiss.reason')} value={reason} onChange={(v) => isOneOf(dismissReasons, v) && setReason(v)}>
          <Group mt={4}>
            {dismissReasons.map((r) => (
              <Radio key={r} value={r} label={t(`inbox.dismiss.${r}`)} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorAlert error={dismiss.error} />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="gray" onClick={() => dismiss.mutate({ id: mail.id, reason })} loading={dismiss.isPending}>
            {t('inbox.dismiss.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

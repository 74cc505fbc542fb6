// One message of the outbox: read it, edit a draft (or a failed message) — recipient, subject, text —
// and send, retry or cancel it. Only the core's allowedActions are offered; a draft the core will not
// send yet says why (sendBlockedReason). Edits are checked with the contract's schema first, and the
// desk's field errors are shown beside the fields. Sending with unsaved edits saves them first.
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCopy, IconInfoCircle, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { DeskErrorData, OutboxMessage } from '../../../../electron/contract/index.ts';
import { useDeskQuery, useSetDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDateTime } from '../../components/JapanDate.tsx';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { deskFieldErrors, FormProblem, useDeskForm } from '../../forms/useDeskForm.tsx';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';

import { situation, stateColor } from './outboxText.ts';

interface Props {
  id: number;
  onClose: () => void;
  /** Something changed on the desk: the list and counts should be asked again. */
  onChanged: () => void;
}

export function OutboxMessageModal({ id, onClose, onChanged }: Props) {
  const t = useT();
  const query = useDeskQuery('outbox.get', { id });
  const setData = useSetDeskQuery();
  const title = query.isSuccess ? t('outbox.message.title', { reference: query.data.reference }) : t('outbox.message.loading');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" centered>
      {query.isPending && (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isSuccess && (
        <MessageView
          message={query.data}
          onUpdated={(m) => {
            setData('outbox.get', { id }, m);
            onChanged();
          }}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

type Values = { to: string; subject: string; body: string };
type Step = 'save' | 'send' | 'retry' | 'cancel' | 'sendCopy';

function MessageView({ message: m, onUpdated, onClose }: { message: OutboxMessage; onUpdated: (m: OutboxMessage) => void; onClose: () => void }) {
  const { t, locale, say } = useI18n();
  const { go } = useShell();
  // The step asked for: shown (busy) from state, read by the save's success from a ref (the step set just
  // before the save was sent, not the one its render saw).
  const [step, setStep] = useState<Step>('save');
  const asked = useRef<Step>('save');
  const [confirmCopy, setConfirmCopy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const can = (a: OutboxMessage['allowedActions'][number]) => m.allowedActions.includes(a);
  const editable = can('update');

  /** The step done: said, the list told, and the message closed after a send, retry or cancel. */
  const done = (what: Step, current: OutboxMessage) => {
    notifications.show({ message: t(`outbox.done.${what === 'sendCopy' ? 'send' : what}`), color: 'teal' });
    if (what !== 'save') {
      onUpdated(current);
      onClose();
    }
  };
  // A refusal naming the recipient belongs beside it; anything else is said above the buttons (`refusal` below).
  const refused = (e: DeskErrorData) => {
    const onFields = deskFieldErrors(e, form.getValues());
    if (Object.keys(onFields).length > 0) form.setErrors(onFields);
  };
  const send = useDeskMutation('outbox.send', { onSuccess: (r, input) => done(input.copy ? 'sendCopy' : 'send', r) });
  const retry = useDeskMutation('outbox.retry', { onSuccess: (r) => done('retry', r) });
  const cancel = useDeskMutation('outbox.cancel', { onSuccess: (r) => done('cancel', r) });
  const act = (what: Exclude<Step, 'save'>) => {
    if (what === 'send' || what === 'sendCopy') send.mutate({ id: m.id, copy: what === 'sendCopy' }, { onError: refused });
    else if (what === 'retry') retry.mutate({ id: m.id }, { onError: refused });
    else cancel.mutate({ id: m.id, reason: cancelReason }, { onError: refused });
  };

  // Edits are saved first (outbox.update, only the fields that changed); the step asked for follows.
  const { form, formId, onSubmit, field, busy: saving, error, formProblem } = useDeskForm({
    method: 'outbox.update',
    initialValues: { to: m.to, subject: m.subject, body: m.body } satisfies Values,
    toInput: (v) => ({
      id: m.id,
      ...(v.to !== m.to ? { to: v.to } : {}),
      ...(v.subject !== m.subject ? { subject: v.subject } : {}),
      ...(v.body !== m.body ? { body: v.body } : {}),
    }),
    onSuccess: (saved, _input, f) => {
      f.setValues({ to: saved.to, subject: saved.subject, body: saved.body });
      onUpdated(saved);
      if (asked.current === 'save') done('save', saved);
      else act(asked.current);
    },
  });
  const v = form.values;
  const dirty = v.to !== m.to || v.subject !== m.subject || v.body !== m.body;
  const busy: Step | null = saving || send.isPending || retry.isPending || cancel.isPending ? step : null;
  const moveError = send.error ?? retry.error ?? cancel.error;
  const refusal = moveError && Object.keys(deskFieldErrors(moveError, v)).length === 0 ? moveError : null;

  const run = (what: Step) => {
    asked.current = what;
    setStep(what);
    for (const move of [send, retry, cancel]) move.reset();
    if (what === 'save' || (dirty && what !== 'cancel' && what !== 'sendCopy')) onSubmit();
    else act(what);
  };

  return (
    <form
      id={formId}
      onSubmit={(e) => {
        e.preventDefault();
        run('save');
      }}
      noValidate
      aria-label={t('outbox.message.formLabel')}
      data-testid="outbox-message"
      data-state={m.state}
      data-outbox-id={m.id}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Group gap="xs">
            <Badge tt="none" color={stateColor[m.state]} variant={m.state === 'failed' ? 'filled' : 'light'} size="lg" data-testid="message-state">
              {t(`outbox.state.${m.state}`)}
            </Badge>
            <Badge tt="none" variant="outline" color="indigo" size="lg" style={{ textTransform: 'none' }}>
              {t(`noticeKind.${m.noticeKind}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            <Text size="sm" lang="ja">
              {m.memberName}
            </Text>
            <Anchor component="button" type="button" ff="monospace" size="sm" onClick={() => go({ name: 'case', id: m.caseId })}>
              {t('outbox.message.openCase', { reference: m.reference })}
            </Anchor>
          </Group>
        </Group>

        <Alert
          variant="light"
          color={m.state === 'failed' ? 'red' : m.sendBlockedReason ? 'yellow' : stateColor[m.state] === 'dark' ? 'gray' : stateColor[m.state]}
          icon={m.state === 'failed' || m.sendBlockedReason ? <IconAlertTriangle size={18} /> : <IconInfoCircle size={18} />}
          data-testid="message-situation"
        >
          <Text size="sm">{situation(t, locale, say, m)}</Text>
          {m.sendBlockedReason && (
            <Text size="sm" mt={4} data-testid="send-blocked-reason">
              {t('outbox.blockedBecause', { reason: say(m.sendBlockedReason) })}
            </Text>
          )}
        </Alert>
        {m.possiblyDuplicated && (
          <Alert variant="light" color="yellow" icon={<IconCopy size={18} />} data-testid="possibly-duplicated">
            {t('outbox.duplicateHint')}
          </Alert>
        )}

        {editable ? (
          <>
            <TextInput label={t('outbox.field.to')} required autoComplete="off" spellCheck={false} {...field('to')} />
            <TextInput label={t('outbox.field.subject')} required {...field('subject')} />
            <Textarea label={t('outbox.field.body')} required autosize minRows={10} maxRows={22} styles={{ input: { lineHeight: 1.6 } }} {...field('body')} />
          </>
        ) : (
          <Stack gap="xs">
            <Field label={t('outbox.field.to')} value={m.to} testId="message-to" />
            <Field label={t('outbox.field.subject')} value={m.subject} testId="message-subject" />
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('outbox.field.body')}
              </Text>
              <Paper withBorder p="sm" bg="gray.0" mah={420} style={{ overflow: 'auto' }}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.6 }} data-testid="message-body">
                  {m.body}
                </Text>
              </Paper>
            </Stack>
          </Stack>
        )}

        {m.attachments.length > 0 && (
          <Stack gap={2} data-testid="message-attachments">
            <Text size="sm" fw={500}>
              {t('outbox.attachments')}
            </Text>
            {m.attachments.map((a) => (
              <Group key={a.filename} gap="xs" data-testid="message-attachment">
                <IconPaperclip size={14} aria-hidden />
                <Text size="sm">{a.filename}</Text>
                <Text size="xs" c="dimmed">
                  {`${Math.max(1, Math.round(a.size / 1024))} KB`}
                </Text>
              </Group>
            ))}
          </Stack>
        )}

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          <Meta label={t('outbox.meta.created')} by={m.createdBy} at={m.createdAt} />
          {m.queuedAt && <Meta label={t('outbox.meta.queued')} by={m.queuedBy} at={m.queuedAt} />}
          {m.sentAt && <Meta label={t('outbox.meta.sent')} at={m.sentAt} />}
          <Text size="xs" c="dimmed">
            {t('outbox.meta.attempts', { n: m.attempts })}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} title={t('outbox.meta.messageId')}>
            {m.messageId}
          </Text>
        </SimpleGrid>

        <FormProblem problem={formProblem} />
        <ErrorAlert error={error ?? refusal} />

        {cancelling ? (
          <Paper withBorder p="md" radius="md" bg="gray.0">
            <Stack gap="sm">
              <Textarea
                label={t('outbox.cancel.reason')}
                description={t('outbox.cancel.reasonHint')}
                autosize
                minRows={2}
                value={cancelReason}
                onChange={(e) => setCancelReason(e.currentTarget.value)}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setCancelling(false)} disabled={busy !== null}>
                  {t('common.back')}
                </Button>
                <Button color="red" onClick={() => run('cancel')} loading={busy === 'cancel'}>
                  {t('outbox.cancel.confirm')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : (
          <Group justify="space-between" wrap="wrap">
            <Group gap="sm">
              {can('cancel') && (
                <Button variant="subtle" color="red" onClick={() => setCancelling(true)} disabled={busy !== null}>
                  {t('outbox.action.cancel')}
                </Button>
              )}
            </Group>
            <Group gap="sm">
              <Button variant="default" onClick={onClose} disabled={busy !== null}>
                {t('common.close')}
              </Button>
              {editable && (
                <Button type="submit" variant="default" disabled={!dirty || busy !== null} loading={busy === 'save'}>
                  {t('outbox.action.save')}
                </Button>
              )}
              {can('retry') && (
                <Button onClick={() => run('retry')} loading={busy === 'retry'} disabled={busy !== null && busy !== 'retry'}>
                  {dirty ? t('outbox.action.saveAndRetry') : t('outbox.action.retry')}
                </Button>
              )}
              {can('sendCopy') && !confirmCopy && (
                <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setConfirmCopy(true)} disabled={busy !== null}>
                  {t('outbox.sendCopy')}
                </Button>
              )}
              {can('sendCopy') && confirmCopy && (
                <Group gap="xs" data-testid="send-copy-confirm">
                  <Text size="sm">{t('outbox.sendCopyConfirm')}</Text>
                  <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => run('sendCopy')} loading={busy === 'sendCopy'}>
                    {t('noticeRule.sendCopy')}
                  </Button>
                </Group>
              )}
              {can('send') && (
                <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => run('send')} loading={busy === 'send'} disabled={busy !== null && busy !== 'send'}>
                  {dirty ? t('outbox.action.saveAndSend') : t('outbox.action.send')}
                </Button>
              )}
            </Group>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" fw={500} w={90} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Group>
  );
}

function Meta({ label, by, at }: { label: string; by?: string | null; at: string }) {
  return (
    <Text size="xs" c="dimmed">
      {label} <JapanDateTime at={at} />
      {by ? ` · ${by}` : ''}
    </Text>
  );
}

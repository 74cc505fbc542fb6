// The small moves: confirmations (start review, approve, close), a reason (resume, withdraw, return for
// revision), pause, reject, extend, assign, record a notice, add a note.
import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  caseInputs,
  finalNoticeKinds,
  isOneOf,
  noticeChannels,
  noticeKinds,
  pauseReasons,
  rejectionGrounds,
  type StaffMember,
  type CaseStatus,
  type NoticeChannel,
  type NoticeKind,
  type PauseReason,
  type RejectionGround,
} from '../../../../../electron/contract/index.ts';
import { useDesk } from '../../../api/DeskProvider.tsx';
import { useShell } from '../../../app/ShellContext.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { useContractForm } from '../../../forms/useContractForm.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { outcomeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, useRunner, type ActionFormProps } from './common.tsx';

export function ConfirmForm({ file, onDone, onCancel, action }: ActionFormProps & { action: 'startReview' | 'approve' | 'close' }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { busy, error, run } = useRunner(onDone);
  const id = file.case.id;
  // The version this person saw: a colleague's change since is refused (CASE_CHANGED), not overwritten.
  const version = file.version;
  const c = file.case;
  // Closing never drops an owed notice silently: the unsent ones are named, and a person confirms.
  const unsent = action === 'close' ? file.owedNotices.filter((o) => o.next !== 'none' && o.next !== 'wait_for_sender') : [];
  const [dropUnsent, setDropUnsent] = useState(false);
  const submit = () =>
    void run(
      () => (action === 'startReview' ? desk.cases.startReview({ id, version }) : action === 'approve' ? desk.cases.approve({ id, version }) : desk.cases.close({ id, version, dropUnsent })),
      t(`caseFile.done.${action}`),
    );
  return (
    <FormShell label={t(`action.${action}`)} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t(`action.${action}`)} submitColor={action === 'startReview' ? undefined : 'green'}>
      <Text size="sm">{t(`caseFile.confirm.${action}`)}</Text>
      {unsent.length > 0 && (
        <Alert variant="light" color="orange" p="sm" data-testid="close-owed">
          <Stack gap={6}>
            <Text size="sm">{t('noticeRule.OWED_NOTICES_UNSENT', { kinds: unsent.map((o) => t(`noticeKind.${o.kind}`)).join('、') })}</Text>
            <Checkbox label={t('noticeRule.dropAndClose')} checked={dropUnsent} onChange={(e) => setDropUnsent(e.currentTarget.checked)} />
          </Stack>
        </Alert>
      )}
      {action === 'approve' && c.outcome && (
        <Alert variant="light" color="gray" p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {outcomeLabel(t, c.outcome)}
            </Text>
            {c.grounds.length > 0 && <Text size="xs">{c.grounds.map((g) => t(`ground.${g}`)).join(' / ')}</Text>}
            {c.reasoning && (
              <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                {c.reasoning}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('caseFile.decidedBy', { name: c.decidedBy ?? '' })}
            </Text>
          </Stack>
        </Alert>
      )}
    </FormShell>
  );
}

type ReasonAction = 'resume' | 'withdraw' | 'returnForRevision';

export function ReasonForm({ file, onDone, onCancel, action }: ActionFormProps & { action: ReasonAction }) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ reason: '', written: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, version: file.version, reason: form.values.reason };
    if (action === 'withdraw') {
      const withdrawal = { ...input, written: form.values.written === 'yes' };
      if (!form.check(caseInputs.withdraw, withdrawal)) return;
      void run(() => desk.cases.withdraw(withdrawal), t('caseFile.done.withdraw'));
      return;
    }
    if (!form.check(caseInputs[action], input)) return;
    void run(() => desk.cases[action](input), t(`caseFile.done.${action}`));
  };
  return (
    <FormShell formId={form.formId} label={t(`action.${action}`)} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t(`action.${action}`)} submitColor={action === 'withdraw' ? 'red' : undefined}>
      <Text size="sm">{t(`caseFile.confirm.${action}`)}</Text>
      <Textarea label={t('caseFile.reason')} required autosize minRows={3} data-autofocus {...form.text('reason')} />
      {action === 'withdraw' && (
        <Checkbox
          label={t('caseRules.withdraw.written')}
          description={t('caseRules.withdraw.writtenHint')}
          checked={form.values.written === 'yes'}
          onChange={(e) => form.set('written', e.currentTarget.checked ? 'yes' : '')}
          name="written"
        />
      )}
    </FormShell>
  );
}

export function PauseForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ reasonKind: 'identity_documents', reason: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, version: file.version, reasonKind: form.values.reasonKind as PauseReason, reason: form.values.reason };
    if (!form.check(caseInputs.pause, input)) return;
    void run(() => desk.cases.pause(input), t('caseFile.done.pause'));
  };
  return (
    <FormShell formId={form.formId} label={t('action.pause')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.pause')}>
      <Text size="sm">{t('caseFile.confirm.pause')}</Text>
      <Radio.Group label={t('caseFile.pauseReasonKind')} value={form.values.reasonKind} onChange={(v) => form.set('reasonKind', v)} required>
        <Stack gap="xs" mt="xs">
          {pauseReasons.map((r) => (
            <Radio key={r} value={r} label={t(`pauseReason.${r}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea label={t('caseFile.reason')} description={t('caseFile.pauseReasonHint')} required autosize minRows={2} {...form.text('reason')} />
    </FormShell>
  );
}

export function RejectForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ ground: '', reason: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, version: file.version, ground: form.values.ground as RejectionGround, reason: form.values.reason };
    if (!form.check(caseInputs.reject, input)) return;
    void run(() => desk.cases.reject(input), t('caseFile.done.reject'));
  };
  const ground = form.text('ground');
  return (
    <FormShell formId={form.formId} label={t('action.reject')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.reject')} submitColor="red">
      <Text size="sm">{t('caseFile.confirm.reject')}</Text>
      <Select
        label={t('caseFile.rejectionGround')}
        data={rejectionGrounds.map((g) => ({ value: g, label: t(`rejectionGround.${g}`) }))}
        value={form.values.ground || null}
        onChange={(v) => form.set('ground', v ?? '')}
        name="ground"
        error={ground.error}
        required
        allowDeselect={false}
      />
      <Textarea label={t('caseFile.reason')} required autosize minRows={3} {...form.text('reason')} />
    </FormShell>
  );
}

export function ExtendForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t, locale } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ due: '', reason: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, version: file.version, due: form.values.due, reason: form.values.reason };
    if (!form.check(caseInputs.extend, input)) return;
    void run(() => desk.cases.extend(input), t('caseFile.done.extend'));
  };
  const due = form.text('due');
  return (
    <FormShell formId={form.formId} label={t('action.extend')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.extend')}>
      <Text size="sm">{t('caseFile.confirm.extend', { due: formatDate(locale, file.deadline.due, 'long') })}</Text>
      <DateField
        label={t('caseFile.newDue')}
        name="due"
        value={form.values.due || null}
        onChange={(v) => form.set('due', v ?? '')}
        minDate={file.deadline.due}
        error={due.error}
        required
        w={220}
        data-autofocus
      />
      <Textarea label={t('caseFile.reason')} required autosize minRows={2} {...form.text('reason')} />
    </FormShell>
  );
}

export function AssignForm({ file, onDone, onCancel, accounts }: ActionFormProps & { accounts: StaffMember[] | null }) {
  const { t } = useI18n();
  const desk = useDesk();
  const { user } = useShell();
  const form = useContractForm({ assignee: file.case.assignee ?? '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const send = (assignee: string | null) => {
    const input = { id: file.case.id, version: file.version, assignee };
    if (!form.check(caseInputs.assign, input)) return;
    void run(() => desk.cases.assign(input), t('caseFile.done.assign'));
  };
  const field = form.text('assignee');
  return (
    <FormShell formId={form.formId} label={t('action.assign')} onSubmit={() => send(form.values.assignee.trim() || null)} onCancel={onCancel} busy={busy} error={error} submitLabel={t('caseFile.assignSave')}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => send(user.username)} disabled={busy || file.case.assignee === user.username}>
          {t('bulk.assignMe')}
        </Button>
        <Button size="xs" variant="default" onClick={() => send(null)} disabled={busy || file.case.assignee === null}>
          {t('caseFile.unassign')}
        </Button>
      </Group>
      {accounts ? (
        <Select
          label={t('caseFile.assignee')}
          data={accounts.map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
          value={form.values.assignee || null}
          onChange={(v) => form.set('assignee', v ?? '')}
          name="assignee"
          error={field.error}
          searchable
        />
      ) : (
        <TextInput label={t('caseFile.assigneeUsername')} autoCapitalize="none" spellCheck={false} {...field} />
      )}
    </FormShell>
  );
}

/** The notice a case would send next, as a default. */
function defaultNotice(status: CaseStatus, contact = false): NoticeKind {
  if (status === 'approved') return contact ? 'reply' : 'decision';
  if (status === 'withdrawn') return 'withdrawal';
  if (status === 'rejected') return 'rejection';
  if (status === 'awaiting_requester') return 'documents_request';
  return 'acknowledgement';
}

export function NoticeForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ kind: defaultNotice(file.case.status, file.deadline.target), channel: 'mail', note: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, version: file.version, kind: form.values.kind as NoticeKind, channel: form.values.channel as NoticeChannel, note: form.values.note };
    if (!form.check(caseInputs.recordNotice, input)) return;
    void run(() => desk.cases.recordNotice(input), t('caseFile.done.recordNotice'));
  };
  const kind = form.text('kind');
  const final = isOneOf(finalNoticeKinds, form.values.kind);
  return (
    <FormShell formId={form.formId} label={t('action.recordNotice')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.recordNotice')}>
      <Text size="sm">{t('caseFile.confirm.recordNotice')}</Text>
      <Select
        label={t('caseFile.noticeKind')}
        data={noticeKinds.map((k) => ({ value: k, label: t(`noticeKind.${k}`) }))}
        value={form.values.kind}
        onChange={(v) => v && form.set('kind', v)}
        name="kind"
        error={kind.error}
        allowDeselect={false}
        required
      />
      {final && (
        <Text size="xs" c="dimmed">
          {t('caseFile.noticeFinalHint')}
        </Text>
      )}
      <Radio.Group label={t('caseFile.noticeChannel')} value={form.values.channel} onChange={(v) => form.set('channel', v)} required>
        <Group mt="xs">
          {noticeChannels.map((c) => (
            <Radio key={c} value={c} label={t(`noticeChannel.${c}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput label={t('caseFile.noticeNote')} description={t('caseFile.noticeNoteHint')} {...form.text('note')} />
    </FormShell>
  );
}

export function NoteForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ text: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const submit = () => {
    const input = { id: file.case.id, text: form.values.text };
    if (!form.check(caseInputs.addNote, input)) return;
    void run(() => desk.cases.addNote(input), t('caseFile.done.addNote'));
  };
  return (
    <FormShell formId={form.formId} label={t('action.addNote')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.addNote')}>
      <Textarea label={t('caseFile.noteText')} description={t('caseFile.noteHint')} required autosize minRows={4} lang="ja" data-autofocus {...form.text('text')} />
    </FormShell>
  );
}

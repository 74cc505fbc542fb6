// The small moves: confirmations (start review, approve, close), a reason (resume, withdraw, return for
// revision), pause, reject, extend, assign, record a notice, add a note.
import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  isFinalNoticeKind,
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
import { useShell } from '../../../app/ShellContext.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { outcomeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, useCaseMove, type ActionFormProps } from './common.tsx';

export function ConfirmForm({ file, onDone, onCancel, action }: ActionFormProps & { action: 'startReview' | 'approve' | 'close' }) {
  const { t } = useI18n();
  const { busy, error, send } = useCaseMove(`cases.${action}`, onDone, t(`caseFile.done.${action}`));
  const id = file.case.id;
  // The version this person saw: a colleague's change since is refused (CASE_CHANGED), not overwritten.
  const version = file.version;
  const c = file.case;
  // Closing never drops an owed notice silently: the unsent ones are named, and a person confirms.
  const unsent = action === 'close' ? file.owedNotices.filter((o) => o.next !== 'none' && o.next !== 'wait_for_sender') : [];
  const [dropUnsent, setDropUnsent] = useState(false);
  const submit = () => send(action === 'close' ? { id, version, dropUnsent } : { id, version });
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
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: `cases.${action}`,
    initialValues: { reason: '', written: false },
    toInput: (v) =>
      action === 'withdraw'
        ? { id: file.case.id, version: file.version, reason: v.reason, written: v.written }
        : { id: file.case.id, version: file.version, reason: v.reason },
    onSuccess: (next) => onDone(next, t(`caseFile.done.${action}`)),
  });
  return (
    <FormShell formId={formId} label={t(`action.${action}`)} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t(`action.${action}`)} submitColor={action === 'withdraw' ? 'red' : undefined}>
      <Text size="sm">{t(`caseFile.confirm.${action}`)}</Text>
      <Textarea label={t('caseFile.reason')} required autosize minRows={3} data-autofocus {...field('reason')} />
      {action === 'withdraw' && (
        <Checkbox
          label={t('caseRules.withdraw.written')}
          description={t('caseRules.withdraw.writtenHint')}
          name="written"
          {...form.getInputProps('written', { type: 'checkbox' })}
        />
      )}
    </FormShell>
  );
}

export function PauseForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.pause',
    initialValues: { reasonKind: 'identity_documents' as PauseReason, reason: '' },
    toInput: (v) => ({ id: file.case.id, version: file.version, ...v }),
    onSuccess: (next) => onDone(next, t('caseFile.done.pause')),
  });
  return (
    <FormShell formId={formId} label={t('action.pause')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.pause')}>
      <Text size="sm">{t('caseFile.confirm.pause')}</Text>
      <Radio.Group label={t('caseFile.pauseReasonKind')} required {...form.getInputProps('reasonKind')}>
        <Stack gap="xs" mt="xs">
          {pauseReasons.map((r) => (
            <Radio key={r} value={r} label={t(`pauseReason.${r}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea label={t('caseFile.reason')} description={t('caseFile.pauseReasonHint')} required autosize minRows={2} {...field('reason')} />
    </FormShell>
  );
}

export function RejectForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.reject',
    initialValues: { ground: '' as RejectionGround | '', reason: '' },
    // '' until a ground is chosen: sent to the schema as it is, which asks to choose one.
    toInput: (v) => ({ id: file.case.id, version: file.version, ground: v.ground as RejectionGround, reason: v.reason }),
    onSuccess: (next) => onDone(next, t('caseFile.done.reject')),
  });
  return (
    <FormShell formId={formId} label={t('action.reject')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.reject')} submitColor="red">
      <Text size="sm">{t('caseFile.confirm.reject')}</Text>
      <Select
        label={t('caseFile.rejectionGround')}
        data={rejectionGrounds.map((g) => ({ value: g, label: t(`rejectionGround.${g}`) }))}
        value={form.values.ground || null}
        onChange={(v) => form.setFieldValue('ground', isOneOf(rejectionGrounds, v) ? v : '')}
        name="ground"
        error={form.errors.ground}
        required
        allowDeselect={false}
      />
      <Textarea label={t('caseFile.reason')} required autosize minRows={3} {...field('reason')} />
    </FormShell>
  );
}

export function ExtendForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t, locale } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.extend',
    initialValues: { due: '', reason: '' },
    toInput: (v) => ({ id: file.case.id, version: file.version, due: v.due, reason: v.reason }),
    onSuccess: (next) => onDone(next, t('caseFile.done.extend')),
  });
  return (
    <FormShell formId={formId} label={t('action.extend')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.extend')}>
      <Text size="sm">{t('caseFile.confirm.extend', { due: formatDate(locale, file.deadline.due, 'long') })}</Text>
      <DateField
        label={t('caseFile.newDue')}
        name="due"
        value={form.values.due || null}
        onChange={(v) => form.setFieldValue('due', v ?? '')}
        minDate={file.deadline.due}
        error={form.errors.due}
        required
        w={220}
        data-autofocus
      />
      <Textarea label={t('caseFile.reason')} required autosize minRows={2} {...field('reason')} />
    </FormShell>
  );
}

export function AssignForm({ file, onDone, onCancel, accounts }: ActionFormProps & { accounts: StaffMember[] | null }) {
  const { t } = useI18n();
  const { user } = useShell();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.assign',
    initialValues: { assignee: file.case.assignee ?? '' },
    toInput: (v) => ({ id: file.case.id, version: file.version, assignee: v.assignee.trim() || null }),
    onSuccess: (next) => onDone(next, t('caseFile.done.assign')),
  });
  /** The quick buttons: the field takes the choice and the form sends it. */
  const send = (assignee: string) => {
    form.setFieldValue('assignee', assignee);
    onSubmit();
  };
  return (
    <FormShell formId={formId} label={t('action.assign')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('caseFile.assignSave')}>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => send(user.username)} disabled={busy || file.case.assignee === user.username}>
          {t('bulk.assignMe')}
        </Button>
        <Button size="xs" variant="default" onClick={() => send('')} disabled={busy || file.case.assignee === null}>
          {t('caseFile.unassign')}
        </Button>
      </Group>
      {accounts ? (
        <Select
          label={t('caseFile.assignee')}
          data={accounts.map((a) => ({ value: a.username, label: `${a.displayName} (${a.username})` }))}
          value={form.values.assignee || null}
          onChange={(v) => form.setFieldValue('assignee', v ?? '')}
          name="assignee"
          error={form.errors.assignee}
          searchable
        />
      ) : (
        <TextInput label={t('caseFile.assigneeUsername')} autoCapitalize="none" spellCheck={false} {...field('assignee')} />
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
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.recordNotice',
    initialValues: { kind: defaultNotice(file.case.status, file.deadline.target), channel: 'mail' as NoticeChannel, note: '' },
    toInput: (v) => ({ id: file.case.id, version: file.version, ...v }),
    onSuccess: (next) => onDone(next, t('caseFile.done.recordNotice')),
  });
  const final = isFinalNoticeKind(form.values.kind);
  return (
    <FormShell formId={formId} label={t('action.recordNotice')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.recordNotice')}>
      <Text size="sm">{t('caseFile.confirm.recordNotice')}</Text>
      <Select
        label={t('caseFile.noticeKind')}
        data={noticeKinds.map((k) => ({ value: k, label: t(`noticeKind.${k}`) }))}
        value={form.values.kind}
        onChange={(v) => isOneOf(noticeKinds, v) && form.setFieldValue('kind', v)}
        name="kind"
        error={form.errors.kind}
        allowDeselect={false}
        required
      />
      {final && (
        <Text size="xs" c="dimmed">
          {t('caseFile.noticeFinalHint')}
        </Text>
      )}
      <Radio.Group label={t('caseFile.noticeChannel')} required {...form.getInputProps('channel')}>
        <Group mt="xs">
          {noticeChannels.map((c) => (
            <Radio key={c} value={c} label={t(`noticeChannel.${c}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput label={t('caseFile.noticeNote')} description={t('caseFile.noticeNoteHint')} {...field('note')} />
    </FormShell>
  );
}

export function NoteForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const { formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.addNote',
    initialValues: { text: '' },
    toInput: (v) => ({ id: file.case.id, text: v.text }),
    onSuccess: (next) => onDone(next, t('caseFile.done.addNote')),
  });
  return (
    <FormShell formId={formId} label={t('action.addNote')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.addNote')}>
      <Textarea label={t('caseFile.noteText')} description={t('caseFile.noteHint')} required autosize minRows={4} lang="ja" data-autofocus {...field('text')} />
    </FormShell>
  );
}

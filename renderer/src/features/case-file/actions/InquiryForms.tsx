// The moves of an inquiry or complaint (issue 19): answer it from a reply template (filled by the desk from
// the policy and its settings, then edited), or convert an inquiry into a request ("this is a request").
import { Alert, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { caseInputs, deliveryPreferences, replyTemplates, requestKinds, requestTypes, type DeliveryPreference, type ReplyTemplate, type RequestType } from '../../../../../electron/contract/index.ts';
import { useDesk } from '../../../api/DeskProvider.tsx';
import { useDeskQuery } from '../../../api/deskQueries.ts';
import { useContractForm } from '../../../forms/useContractForm.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { kindLabel, typeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, useRunner, type ActionFormProps } from './common.tsx';

const isTemplate = (s: string): s is ReplyTemplate => (replyTemplates as readonly string[]).includes(s);
const isRequestType = (s: string): s is RequestType => (requestTypes as readonly string[]).includes(s);
const isDelivery = (s: string): s is DeliveryPreference => (deliveryPreferences as readonly string[]).includes(s);

export function AnswerForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const first: ReplyTemplate = file.case.kinds.find(isTemplate) ?? 'blank';
  const [template, setTemplate] = useState<ReplyTemplate>(first);
  const filled = useDeskQuery('inquiries.fillReply', { id: file.case.id, template });
  const form = useContractForm({ ja: '', en: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const { set } = form;
  useEffect(() => {
    if (filled.data) {
      set('ja', filled.data.ja);
      set('en', filled.data.en);
    }
    // Only when a (new) template's text arrives: staff edits are kept otherwise.
  }, [filled.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = () => {
    const input = { id: file.case.id, version: file.version, template, ja: form.values.ja, en: form.values.en };
    if (!form.check(caseInputs.answer, input)) return;
    void run(() => desk.cases.answer(input), t('inquiry.done.answer'));
  };
  return (
    <FormShell formId={form.formId} label={t('action.answer')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.answer')}>
      <Select
        label={t('inquiry.template')}
        data={replyTemplates.map((r) => ({ value: r, label: t(`replyTemplate.${r}`) }))}
        value={template}
        onChange={(v) => v && isTemplate(v) && setTemplate(v)}
        name="template"
        allowDeselect={false}
      />
      {file.case.type === 'complaint' && (
        <Alert color="grape" variant="light" p="xs">
          <Text size="sm">{t('inquiry.complaintNeedsApproval')}</Text>
        </Alert>
      )}
      {filled.data && (
        <Text size="xs" c="dimmed">
          {t(filled.data.channel === 'mail' ? 'inquiry.byMail' : 'inquiry.byLetter')}
        </Text>
      )}
      {filled.data?.withRequestForm && filled.data.channel === 'mail' && (
        <Text size="xs" c={filled.data.formAttached ? 'teal.8' : 'orange.9'} data-testid="request-form-attached" data-attached={filled.data.formAttached}>
          {t(filled.data.formAttached ? 'requestFormPdf.willAttach' : 'requestFormPdf.noneStored')}
        </Text>
      )}
      <Textarea label={t('inquiry.replyJa')} required autosize minRows={8} maxRows={18} lang="ja" data-testid="reply-ja" {...form.text('ja')} />
      <Textarea label={t('inquiry.replyEn')} autosize minRows={4} maxRows={12} lang="en" data-testid="reply-en" {...form.text('en')} />
    </FormShell>
  );
}

export function ConvertForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const form = useContractForm({ type: 'disclosure', kinds: '', delivery: 'electronic', arrivedAt: '' });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const type = isRequestType(form.values.type) ? form.values.type : 'disclosure';
  const submit = () => {
    const input = {
      id: file.case.id,
      version: file.version,
      type,
      kinds: form.values.kinds ? [form.values.kinds] : [],
      delivery: type === 'disclosure' && isDelivery(form.values.delivery) ? form.values.delivery : null,
      arrivedAt: form.values.arrivedAt.trim() === '' ? null : form.values.arrivedAt.trim(),
    };
    if (!form.check(caseInputs.convert, input)) return;
    void run(() => desk.cases.convert(input), t('inquiry.done.convert'));
  };
  return (
    <FormShell formId={form.formId} label={t('action.convert')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.convert')}>
      <Stack gap="xs">
        <Text size="sm">{t('inquiry.convertHint', { reference: file.case.reference })}</Text>
        <Select
          label={t('caseFile.type')}
          data={requestTypes.map((r) => ({ value: r, label: typeLabel(t, r) }))}
          value={type}
          onChange={(v) => v && form.set('type', v)}
          name="type"
          allowDeselect={false}
        />
        <Select
          label={t('inquiry.convertKind')}
          data={(requestKinds[type] as readonly string[]).map((k) => ({ value: k, label: kindLabel(t, type, k) }))}
          value={form.values.kinds || null}
          onChange={(v) => form.set('kinds', v ?? '')}
          name="kinds"
          clearable
        />
        {type === 'disclosure' && (
          <Select label={t('intake.delivery')} data={deliveryPreferences.map((d) => ({ value: d, label: t(`delivery.${d}`) }))} value={form.values.delivery} onChange={(v) => v && form.set('delivery', v)} name="delivery" allowDeselect={false} />
        )}
        <Textarea label={t('inquiry.convertArrivedAt')} description={t('inquiry.convertArrivedAtHint')} autosize minRows={1} {...form.text('arrivedAt')} />
      </Stack>
    </FormShell>
  );
}

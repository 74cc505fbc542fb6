// The moves of an inquiry or complaint (issue 19): answer it from a reply template (filled by the desk from
// the policy and its settings, then edited), or convert an inquiry into a request ("this is a request").
import { Alert, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { deliveryPreferences, replyTemplates, requestKinds, requestTypes, type DeliveryPreference, type ReplyTemplate, type RequestType } from '../../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../../api/deskQueries.ts';
import { useDeskForm } from '../../../forms/useDeskForm.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { kindLabel, typeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, type ActionFormProps } from './common.tsx';

const isTemplate = (s: string): s is ReplyTemplate => (replyTemplates as readonly string[]).includes(s);
const isRequestType = (s: string): s is RequestType => (requestTypes as readonly string[]).includes(s);
const isDelivery = (s: string): s is DeliveryPreference => (deliveryPreferences as readonly string[]).includes(s);

export function AnswerForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const first: ReplyTemplate = file.case.kinds.find(isTemplate) ?? 'blank';
  const [template, setTemplate] = useState<ReplyTemplate>(first);
  const filled = useDeskQuery('inquiries.fillReply', { id: file.case.id, template });
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.answer',
    initialValues: { ja: '', en: '' },
    toInput: (v) => ({ id: file.case.id, version: file.version, template, ...v }),
    onSuccess: (next) => onDone(next, t('inquiry.done.answer')),
  });
  const { setValues } = form;
  useEffect(() => {
    if (filled.data) setValues({ ja: filled.data.ja, en: filled.data.en });
    // Only when a (new) template's text arrives: staff edits are kept otherwise.
  }, [filled.data]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <FormShell formId={formId} label={t('action.answer')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.answer')}>
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
      <Textarea label={t('inquiry.replyJa')} required autosize minRows={8} maxRows={18} lang="ja" data-testid="reply-ja" {...field('ja')} />
      <Textarea label={t('inquiry.replyEn')} autosize minRows={4} maxRows={12} lang="en" data-testid="reply-en" {...field('en')} />
    </FormShell>
  );
}

export function ConvertForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.convert',
    initialValues: { type: 'disclosure' as RequestType, kinds: '', delivery: 'electronic' as DeliveryPreference, arrivedAt: '' },
    toInput: (v) => ({
      id: file.case.id,
      version: file.version,
      type: v.type,
      kinds: v.kinds ? [v.kinds] : [],
      delivery: v.type === 'disclosure' ? v.delivery : null,
      arrivedAt: v.arrivedAt.trim() === '' ? null : v.arrivedAt.trim(),
    }),
    onSuccess: (next) => onDone(next, t('inquiry.done.convert')),
  });
  const type = form.values.type;
  return (
    <FormShell formId={formId} label={t('action.convert')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.convert')}>
      <Stack gap="xs">
        <Text size="sm">{t('inquiry.convertHint', { reference: file.case.reference })}</Text>
        <Select
          label={t('caseFile.type')}
          data={requestTypes.map((r) => ({ value: r, label: typeLabel(t, r) }))}
          value={type}
          onChange={(v) => v && isRequestType(v) && form.setFieldValue('type', v)}
          name="type"
          allowDeselect={false}
        />
        <Select
          label={t('inquiry.convertKind')}
          data={(requestKinds[type] as readonly string[]).map((k) => ({ value: k, label: kindLabel(t, type, k) }))}
          value={form.values.kinds || null}
          onChange={(v) => form.setFieldValue('kinds', v ?? '')}
          name="kinds"
          clearable
        />
        {type === 'disclosure' && (
          <Select label={t('intake.delivery')} data={deliveryPreferences.map((d) => ({ value: d, label: t(`delivery.${d}`) }))} value={form.values.delivery} onChange={(v) => v && isDelivery(v) && form.setFieldValue('delivery', v)} name="delivery" allowDeselect={false} />
        )}
        <Textarea label={t('inquiry.convertArrivedAt')} description={t('inquiry.convertArrivedAtHint')} autosize minRows={1} {...field('arrivedAt')} />
      </Stack>
    </FormShell>
  );
}

// The decision: an outcome of this request type; for a disclosure, the Art. 6 grounds it rests on (with
// their text); the reasons the member will read; for a suspension's alternative measure, the measure.
// The desk checks what a decision must carry and answers with the field at fault.
import { Checkbox, Select, Stack, Textarea } from '@mantine/core';
import { disclosureGrounds, isOneOf, isRequestType, outcomes, refusalOutcomes, requestKinds, type Outcome } from '../../../../../electron/contract/index.ts';
import { useDeskForm } from '../../../forms/useDeskForm.tsx';
import type { MessageKey } from '../../../i18n/catalog.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { outcomeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, type ActionFormProps } from './common.tsx';

/** The desk's own words for what a decision lacks, per field, in the UI language. */
const fieldMessages: Partial<Record<string, MessageKey>> = {
  outcome: 'validation.choose',
  grounds: 'caseFile.decide.groundsRequired',
  reasoning: 'caseFile.decide.reasoningRequired',
  alternativeMeasure: 'caseFile.decide.measureRequired',
};

export function DecideForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const c = file.case;
  // A correction or suspension taken in without its sub-kind: the decision records it (the desk requires it).
  const needsKinds = c.type !== 'disclosure' && c.kinds.length === 0;
  // Only a request is decided (the action is offered for nothing else); its type picks the kinds and outcomes.
  const kindList: readonly string[] = isRequestType(c.type) ? requestKinds[c.type] : [];
  const outcomeList: readonly Outcome[] = isRequestType(c.type) ? outcomes[c.type] : [];
  const firstOutcome: Outcome | '' = c.outcome ?? '';
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.decide',
    initialValues: {
      kinds: [] as string[],
      outcome: firstOutcome,
      grounds: c.grounds,
      reasoning: c.reasoning,
      alternativeMeasure: c.alternativeMeasure,
    },
    toInput: (v) => ({
      id: c.id,
      version: file.version,
      ...(needsKinds ? { kinds: v.kinds } : {}),
      outcome: v.outcome,
      grounds: c.type === 'disclosure' ? v.grounds : [],
      reasoning: v.reasoning,
      alternativeMeasure: v.outcome === 'alternative_measure' ? v.alternativeMeasure : '',
    }),
    rules: (v) => ({
      kinds: needsKinds && v.kinds.length === 0 ? 'validation.choose' : undefined,
      outcome: v.outcome ? undefined : 'validation.choose',
    }),
    onDeskError: (e, { form: f, fail }) => {
      const key = e.field ? fieldMessages[e.field] : undefined;
      if (e.code !== 'INVALID_INPUT' || !key || !e.field || !Object.hasOwn(f.getValues(), e.field)) return false;
      fail(e.field as 'outcome', key);
      return true;
    },
    onSuccess: (next) => onDone(next, t('caseFile.done.decide')),
  });
  const v = form.values;
  const outcome = v.outcome;
  const withholds = outcome !== '' && (refusalOutcomes.includes(outcome) || outcome === 'alternative_measure');

  return (
    <FormShell formId={formId} label={t('action.decide')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.decide')}>
      {needsKinds && (
        <Checkbox.Group
          label={t('caseRules.decide.kinds')}
          {...form.getInputProps('kinds')}
          required
          data-testid="decide-kinds"
        >
          <Stack gap="xs" mt="xs">
            {kindList.map((k) => (
              <Checkbox key={k} value={k} name="kinds" label={t(`kind.${c.type}.${k}` as MessageKey)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Select
        label={t('caseFile.outcome')}
        data={outcomeList.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
        value={v.outcome || null}
        onChange={(next) => form.setFieldValue('outcome', isOneOf(outcomeList, next) ? next : '')}
        name="outcome"
        error={form.errors.outcome}
        required
        allowDeselect={false}
        data-autofocus
      />
      {c.type === 'disclosure' && (
        <Checkbox.Group
          label={t('caseFile.grounds')}
          description={t('caseFile.groundsHint')}
          value={v.grounds}
          onChange={(next) => form.setFieldValue('grounds', next.filter((g) => isOneOf(disclosureGrounds, g)))}
          error={form.errors.grounds}
          required={outcome === 'disclosed_partial' || outcome === 'not_disclosed'}
        >
          <Stack gap="sm" mt="xs">
            {disclosureGrounds.map((g) => (
              <Checkbox key={g} value={g} name="grounds" label={t(`ground.${g}`)} description={t(`ground.${g}.text`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {outcome === 'alternative_measure' && (
        <Textarea label={t('caseFile.alternativeMeasure')} required autosize minRows={3} lang="ja" {...field('alternativeMeasure')} />
      )}
      <Textarea
        label={t('caseFile.reasoning')}
        description={t('caseFile.reasoningHint')}
        required={withholds}
        autosize
        minRows={4}
        lang="ja"
        {...field('reasoning')}
      />
    </FormShell>
  );
}

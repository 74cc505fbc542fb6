// The decision: an outcome of this request type; for a disclosure, the Art. 6 grounds it rests on (with
// their text); the reasons the member will read; for a suspension's alternative measure, the measure.
// The desk checks what a decision must carry and answers with the field at fault.
import { Checkbox, Select, Stack, Textarea } from '@mantine/core';
import { caseInputs, disclosureGrounds, outcomes, refusalOutcomes, requestKinds, type DeskErrorData, type DisclosureGround, type Outcome, type RequestType } from '../../../../../electron/contract/index.ts';
import { useDesk } from '../../../api/DeskProvider.tsx';
import { useContractForm } from '../../../forms/useContractForm.ts';
import type { MessageKey } from '../../../i18n/catalog.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { outcomeLabel } from '../../../i18n/vocabulary.ts';
import { FormShell, useRunner, type ActionFormProps } from './common.tsx';

/** The desk's own words for what a decision lacks, per field, in the UI language. */
const fieldMessages: Record<string, MessageKey> = {
  outcome: 'validation.choose',
  grounds: 'caseFile.decide.groundsRequired',
  reasoning: 'caseFile.decide.reasoningRequired',
  alternativeMeasure: 'caseFile.decide.measureRequired',
};

export function DecideForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const desk = useDesk();
  const c = file.case;
  // A correction or suspension taken in without its sub-kind: the decision records it (the desk requires it).
  const needsKinds = c.type !== 'disclosure' && c.kinds.length === 0;
  const form = useContractForm({ kinds: '', outcome: c.outcome ?? '', grounds: c.grounds.join(','), reasoning: c.reasoning, alternativeMeasure: c.alternativeMeasure });
  const applyField = (e: DeskErrorData) => {
    const key = e.field ? fieldMessages[e.field] : undefined;
    if (e.code === 'INVALID_INPUT' && key && form.fieldOf(e.field!)) {
      form.fail(form.fieldOf(e.field!)!, key);
      return true;
    }
    return form.applyServerError(e);
  };
  const { busy, error, run } = useRunner(onDone, applyField);
  const v = form.values;
  const grounds = v.grounds ? (v.grounds.split(',') as DisclosureGround[]) : [];
  const outcome = v.outcome as Outcome;
  const withholds = refusalOutcomes.includes(outcome) || outcome === 'alternative_measure';

  const submit = () => {
    const kinds = v.kinds ? v.kinds.split(',') : [];
    const input = {
      id: c.id,
      version: file.version,
      ...(needsKinds ? { kinds } : {}),
      outcome: v.outcome,
      grounds: c.type === 'disclosure' ? grounds : [],
      reasoning: v.reasoning,
      alternativeMeasure: outcome === 'alternative_measure' ? v.alternativeMeasure : '',
    };
    if (needsKinds && kinds.length === 0) {
      form.fail('kinds', 'validation.choose');
      return;
    }
    if (!v.outcome) {
      form.fail('outcome', 'validation.choose');
      return;
    }
    if (!form.check(caseInputs.decide, input)) return;
    void run(() => desk.cases.decide(input), t('caseFile.done.decide'));
  };

  const outcomeField = form.text('outcome');
  const groundsField = form.text('grounds');
  const kindsField = form.text('kinds');
  return (
    <FormShell formId={form.formId} label={t('action.decide')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.decide')}>
      {needsKinds && (
        <Checkbox.Group
          label={t('caseRules.decide.kinds')}
          value={v.kinds ? v.kinds.split(',') : []}
          onChange={(next) => form.set('kinds', next.join(','))}
          error={kindsField.error}
          required
          data-testid="decide-kinds"
        >
          <Stack gap="xs" mt="xs">
            {(requestKinds[c.type as RequestType] as readonly string[]).map((k) => (
              <Checkbox key={k} value={k} name="kinds" label={t(`kind.${c.type}.${k}` as MessageKey)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Select
        label={t('caseFile.outcome')}
        data={(outcomes[c.type as RequestType] as readonly Outcome[]).map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
        value={v.outcome || null}
        onChange={(next) => form.set('outcome', next ?? '')}
        name="outcome"
        error={outcomeField.error}
        required
        allowDeselect={false}
        data-autofocus
      />
      {c.type === 'disclosure' && (
        <Checkbox.Group
          label={t('caseFile.grounds')}
          description={t('caseFile.groundsHint')}
          value={grounds}
          onChange={(next) => form.set('grounds', next.join(','))}
          error={groundsField.error}
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
        <Textarea label={t('caseFile.alternativeMeasure')} required autosize minRows={3} lang="ja" {...form.text('alternativeMeasure')} />
      )}
      <Textarea
        label={t('caseFile.reasoning')}
        description={t('caseFile.reasoningHint')}
        required={withholds}
        autosize
        minRows={4}
        lang="ja"
        {...form.text('reasoning')}
      />
    </FormShell>
  );
}

// A payment of the disclosure fee (¥1,000, Art. 6) or a refund: how it came, how much, when.
import { NumberInput, Radio, Group, Select, SimpleGrid, TextInput, Text } from '@mantine/core';
import { feeMethods, isOneOf, type FeeMethod } from '../../../../../electron/contract/index.ts';
import { DateField } from '../../../components/DateField.tsx';
import { useDeskForm } from '../../../forms/useDeskForm.tsx';
import { japanToday, yen } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { FormShell, type ActionFormProps } from './common.tsx';

export function FeeForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t, locale } = useI18n();
  const ledger = file.fees;
  const balance = ledger?.balance ?? 0;
  const { form, formId, onSubmit, field, busy, error, formProblem } = useDeskForm({
    method: 'cases.recordFee',
    initialValues: {
      kind: (balance > 0 ? 'refund' : 'payment') as 'payment' | 'refund',
      method: 'postal_money_order' as FeeMethod,
      // A number once typed; the contract also reads text (full-width digits, commas and ¥: １，０００ is ¥1,000).
      amount: (balance > 0 ? balance : balance < 0 ? -balance : (ledger?.required ?? 1000)) as number | string,
      receivedOn: japanToday(),
      note: '',
    },
    toInput: (v) => ({ id: file.case.id, version: file.version, ...v, amount: typeof v.amount === 'number' ? v.amount : v.amount.trim() }),
    onSuccess: (next) => onDone(next, t('caseFile.done.recordFee')),
  });
  const v = form.values;
  return (
    <FormShell formId={formId} label={t('action.recordFee')} onSubmit={onSubmit} onCancel={onCancel} busy={busy} error={error} formProblem={formProblem} submitLabel={t('action.recordFee')}>
      {ledger && (
        <Text size="sm" c="dimmed">
          {t('fee.summary', { required: yen(locale, ledger.required), paid: yen(locale, ledger.paid), refunded: yen(locale, ledger.refunded) })}
        </Text>
      )}
      <Radio.Group label={t('fee.kind')} required {...form.getInputProps('kind')}>
        <Group mt="xs">
          <Radio value="payment" label={t('feeKind.payment')} />
          <Radio value="refund" label={t('feeKind.refund')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('fee.method')}
          data={feeMethods.map((m) => ({ value: m, label: t(`feeMethod.${m}`) }))}
          value={v.method}
          onChange={(next) => isOneOf(feeMethods, next) && form.setFieldValue('method', next)}
          allowDeselect={false}
          required
        />
        <NumberInput
          label={t('fee.amount')}
          name="amount"
          {...form.getInputProps('amount')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          leftSection="¥"
          required
        />
        <DateField
          label={t('fee.receivedOn')}
          name="receivedOn"
          value={v.receivedOn || null}
          onChange={(d) => form.setFieldValue('receivedOn', d ?? '')}
          maxDate={japanToday()}
          error={form.errors.receivedOn}
          required
        />
        <TextInput label={t('fee.note')} {...field('note')} />
      </SimpleGrid>
    </FormShell>
  );
}

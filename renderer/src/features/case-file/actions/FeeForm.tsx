// A payment of the disclosure fee (¥1,000, Art. 6) or a refund: how it came, how much, when.
import { NumberInput, Radio, Group, Select, SimpleGrid, TextInput, Text } from '@mantine/core';
import { caseInputs, feeMethods, type FeeMethod } from '../../../../../electron/contract/index.ts';
import { useDesk } from '../../../api/DeskProvider.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { useContractForm } from '../../../forms/useContractForm.ts';
import { japanToday, yen } from '../../../i18n/format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { FormShell, useRunner, type ActionFormProps } from './common.tsx';

export function FeeForm({ file, onDone, onCancel }: ActionFormProps) {
  const { t, locale } = useI18n();
  const desk = useDesk();
  const ledger = file.fees;
  const balance = ledger?.balance ?? 0;
  const form = useContractForm({
    kind: balance > 0 ? 'refund' : 'payment',
    method: 'postal_money_order',
    amount: String(balance > 0 ? balance : balance < 0 ? -balance : (ledger?.required ?? 1000)),
    receivedOn: japanToday(),
    note: '',
  });
  const { busy, error, run } = useRunner(onDone, form.applyServerError);
  const v = form.values;
  const submit = () => {
    const input = {
      id: file.case.id,
      version: file.version,
      kind: v.kind as 'payment' | 'refund',
      method: v.method as FeeMethod,
      // As typed: the contract reads full-width digits, commas and ¥ (１，０００ is ¥1,000).
      amount: v.amount,
      receivedOn: v.receivedOn,
      note: v.note,
    };
    if (!form.check(caseInputs.recordFee, input)) return;
    void run(() => desk.cases.recordFee(input), t('caseFile.done.recordFee'));
  };
  const amount = form.text('amount');
  const receivedOn = form.text('receivedOn');
  return (
    <FormShell formId={form.formId} label={t('action.recordFee')} onSubmit={submit} onCancel={onCancel} busy={busy} error={error} submitLabel={t('action.recordFee')}>
      {ledger && (
        <Text size="sm" c="dimmed">
          {t('fee.summary', { required: yen(locale, ledger.required), paid: yen(locale, ledger.paid), refunded: yen(locale, ledger.refunded) })}
        </Text>
      )}
      <Radio.Group label={t('fee.kind')} value={v.kind} onChange={(next) => form.set('kind', next)} required>
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
          onChange={(next) => next && form.set('method', next)}
          allowDeselect={false}
          required
        />
        <NumberInput
          label={t('fee.amount')}
          name="amount"
          value={v.amount}
          onChange={(next) => form.set('amount', String(next))}
          error={amount.error}
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
          onChange={(d) => form.set('receivedOn', d ?? '')}
          maxDate={japanToday()}
          error={receivedOn.error}
          required
        />
        <TextInput label={t('fee.note')} {...form.text('note')} />
      </SimpleGrid>
    </FormShell>
  );
}

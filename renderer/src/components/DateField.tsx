// A date typed or picked as YYYY-MM-DD. Typed with a Japanese IME it may arrive in full-width digits or
// with slashes (２０２６／１２／０８); the parser accepts those. The value is a Japan calendar date string.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { parseTypedDate } from '../forms/typedInput.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

export function DateField({ value, onChange, ...props }: Props) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      placeholder="2026-12-08"
      dateParser={parseTypedDate}
      leftSection={<IconCalendar size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      value={value}
      onChange={(v) => onChange(v ? String(v) : null)}
      {...props}
    />
  );
}

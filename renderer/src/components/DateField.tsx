// A date typed or picked as YYYY-MM-DD. Typed with a Japanese IME it may arrive in full-width digits or
// with slashes (２０２６／１２／０８); the parser accepts those. The value is a Japan calendar date string.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState } from 'react';
import { parseTypedDate } from '../forms/typedInput.ts';

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

export function DateField({ value, onChange, popoverProps, onKeyDown, ...props }: Props) {
  // Escape with the calendar open closes the calendar only: the dialog around the field stays, with what
  // was typed. Mantine's modal leaves alone an Escape from an element marked data-mantine-stop-propagation.
  const [picking, setPicking] = useState(false);
  return (
    <DateInput
      popoverProps={{
        ...popoverProps,
        onOpen: () => {
          setPicking(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setPicking(false);
          popoverProps?.onClose?.();
        },
      }}
      data-mantine-stop-propagation={picking || undefined}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && picking) e.stopPropagation();
        onKeyDown?.(e);
      }}
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

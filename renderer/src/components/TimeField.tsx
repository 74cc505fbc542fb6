// A time of day typed as HH:MM, always 24-hour (a native time input follows the PC's locale and may
// show AM/PM). Full-width digits and "1030" or "10時30分" are accepted and tidied on blur.
import { TextInput, type TextInputProps } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { parseTypedTime } from '../forms/typedInput.ts';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void };

export function TimeField({ value, onChange, onBlur, ...props }: Props) {
  return (
    <TextInput
      inputMode="numeric"
      placeholder="10:30"
      autoComplete="off"
      leftSection={<IconClock size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const tidy = parseTypedTime(e.currentTarget.value);
        if (tidy && tidy !== value) onChange(tidy);
        onBlur?.(e);
      }}
      {...props}
    />
  );
}

// A Japan date ('2026-12-10') or instant as a <time> element: the locale's form on screen, both the era
// and the Western form in a tooltip, and the machine value in `dateTime` (tests and assistive tech read it).
import { Text, Tooltip, type TextProps } from '@mantine/core';
import { bothStyles, formatDate, formatDateTime, japanParts } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface Props extends TextProps {
  date: string;
  format?: 'short' | 'long' | 'plain';
  /** Add the era and Western forms as a tooltip. */
  withTooltip?: boolean;
  /** The same forms as the browser's own title: for table cells, where a floating tooltip per cell costs too much. */
  withTitle?: boolean;
}

export function JapanDate({ date, format = 'short', withTooltip = false, withTitle = false, ...text }: Props) {
  const { locale } = useI18n();
  const el = (
    <Text component="time" dateTime={date} span fz={text.size ? undefined : 'inherit'} title={withTitle ? bothStyles(date) : undefined} {...text}>
      {formatDate(locale, date, format)}
    </Text>
  );
  return withTooltip ? (
    <Tooltip label={bothStyles(date)} withArrow openDelay={300}>
      {el}
    </Tooltip>
  ) : (
    el
  );
}

/** An instant shown in Japan time; the tooltip gives the date in both styles. */
export function JapanDateTime({ at, ...text }: { at: string } & TextProps) {
  const { locale } = useI18n();
  const { date } = japanParts(new Date(at));
  return (
    <Tooltip label={bothStyles(date)} withArrow openDelay={300}>
      <Text component="time" dateTime={at} span fz={text.size ? undefined : 'inherit'} {...text}>
        {formatDateTime(locale, at)}
      </Text>
    </Tooltip>
  );
}

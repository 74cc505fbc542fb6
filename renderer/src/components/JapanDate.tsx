// A Japan date ('2026-12-10') or instant as a <time> element: the locale's form on screen, both the era
// and the Western form in a tooltip, and the machine value in `dateTime` (tests and assistive tech read it).
import { Text, type TextProps } from '@mantine/core';
import { HintOnDemand } from './HintOnDemand.tsx';
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
  const el = (trigger?: object) => (
    <Text component="time" dateTime={date} span fz={text.size ? undefined : 'inherit'} title={withTitle ? bothStyles(date) : undefined} {...text} {...trigger}>
      {formatDate(locale, date, format)}
    </Text>
  );
  // The hint is made when pointed at (HintOnDemand): a case file shows dozens of dates.
  return withTooltip ? (
    <HintOnDemand<HTMLTimeElement> label={bothStyles(date)} openDelay={300}>
      {(trigger) => el(trigger)}
    </HintOnDemand>
  ) : (
    el()
  );
}

/** An instant shown in Japan time; the hint gives the date in both styles. */
export function JapanDateTime({ at, ...text }: { at: string } & TextProps) {
  const { locale } = useI18n();
  const { date } = japanParts(new Date(at));
  return (
    <HintOnDemand<HTMLTimeElement> label={bothStyles(date)} openDelay={300}>
      {(trigger) => (
        <Text component="time" dateTime={at} span fz={text.size ? undefined : 'inherit'} {...text} {...trigger}>
          {formatDateTime(locale, at)}
        </Text>
      )}
    </HintOnDemand>
  );
}

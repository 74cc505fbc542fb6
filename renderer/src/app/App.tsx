// Providers around the desk flow. The desk is wrapped once here so a LOCKED answer from any call,
// on any screen, reaches the flow.
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ja';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { DeskProvider } from '../api/DeskProvider.tsx';
import { getDesk } from '../api/getDesk.ts';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.tsx';
import { createLockWatch } from './lockWatch.ts';
import { DeskFlow } from './DeskFlow.tsx';
import { themeFor } from './theme.ts';

export function App() {
  const [watched] = useState(() => createLockWatch(getDesk()));
  return (
    <I18nProvider>
      <ThemeForLanguage>
        {/* Bottom right: a message must never cover the lock button in the header. */}
        <Notifications position="bottom-right" />
        <DeskProvider desk={watched.desk}>
          <DeskFlow onLocked={watched.onLocked} />
        </DeskProvider>
      </ThemeForLanguage>
    </I18nProvider>
  );
}

function ThemeForLanguage({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n();
  const theme = useMemo(() => themeFor(t), [t]);
  return (
    // defaultColorScheme instead of <ColorSchemeScript>: that one is an inline script the CSP forbids.
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* Date pickers in the UI language; weeks run Monday to Sunday like the desk's wall calendar. */}
      <DatesProvider settings={{ locale, firstDayOfWeek: 1, consistentWeeks: true }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

// Providers around the desk flow. The desk is wrapped once here so a LOCKED answer from any call,
// on any screen, reaches the flow.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { DeskProvider } from '../api/DeskProvider.tsx';
import { getDesk } from '../api/getDesk.ts';
import { I18nProvider, useT } from '../i18n/I18nProvider.tsx';
import { createLockWatch } from './lockWatch.ts';
import { DeskFlow } from './DeskFlow.tsx';
import { themeFor } from './theme.ts';

export function App() {
  const [watched] = useState(() => createLockWatch(getDesk()));
  return (
    <I18nProvider>
      <ThemeForLanguage>
        <Notifications position="top-right" />
        <DeskProvider desk={watched.desk}>
          <DeskFlow onLocked={watched.onLocked} />
        </DeskProvider>
      </ThemeForLanguage>
    </I18nProvider>
  );
}

function ThemeForLanguage({ children }: { children: ReactNode }) {
  const t = useT();
  const theme = useMemo(() => themeFor(t), [t]);
  return (
    // defaultColorScheme instead of <ColorSchemeScript>: that one is an inline script the CSP forbids.
    <MantineProvider theme={theme} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

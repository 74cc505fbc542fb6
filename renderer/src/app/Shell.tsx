// The logged-in frame: header (desk, person, language, lock), the navigation, and one screen. It holds
// every piece of desk data on screen, so DeskFlow unmounts it whole on lock.
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendar,
  IconChartBar,
  IconInbox,
  IconMailbox,
  IconLock,
  IconMail,
  IconPrinter,
  IconSettings,
  IconShieldLock,
  type Icon,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { SessionUser } from '../../../electron/contract/index.ts';
import { useDesk } from '../api/DeskProvider.tsx';
import { BackupIndicator } from '../features/backup/BackupIndicator.tsx';
import { CalendarScreen } from '../features/calendar/CalendarScreen.tsx';
import { CaseFileScreen } from '../features/case-file/CaseFileScreen.tsx';
import { IntakeScreen } from '../features/intake/IntakeScreen.tsx';
import { InboxScreen } from '../features/inbox/InboxScreen.tsx';
import { LettersScreen } from '../features/letters/LettersScreen.tsx';
import { OutboxScreen } from '../features/outbox/OutboxScreen.tsx';
import { initialQueueState, type QueueState } from '../features/queue/queueState.ts';
import { QueueScreen } from '../features/queue/QueueScreen.tsx';
import { ReportsScreen } from '../features/reports/ReportsScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { LockReason } from './DeskFlow.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { screenOf, ShellContext, type Route, type ScreenId, type ShellValue } from './ShellContext.tsx';
import { useIdleLock } from './useIdleLock.ts';

export interface DeskSession {
  /** New for every login, so the shell (and all it holds) is a fresh tree each time. */
  id: number;
  user: SessionUser;
  deskName: string;
  idleLockMinutes: number;
}

interface NavItem {
  id: ScreenId;
  label: MessageKey;
  icon: Icon;
  supervisorOnly?: boolean;
}

const navItems: NavItem[] = [
  { id: 'queue', label: 'nav.queue', icon: IconInbox },
  { id: 'inbox', label: 'nav.inbox', icon: IconMailbox },
  { id: 'calendar', label: 'nav.calendar', icon: IconCalendar },
  { id: 'outbox', label: 'nav.outbox', icon: IconMail },
  { id: 'letters', label: 'nav.letters', icon: IconPrinter },
  { id: 'reports', label: 'nav.reports', icon: IconChartBar },
  { id: 'settings', label: 'nav.settings', icon: IconSettings, supervisorOnly: true },
];

interface ShellProps {
  session: DeskSession;
  onLock: (reason: LockReason) => void;
  onDeskChanged: () => void;
}

export function Shell({ session, onLock, onDeskChanged }: ShellProps) {
  const t = useT();
  const desk = useDesk();
  const [route, setRoute] = useState<Route>({ name: 'queue' });
  const [queue, setQueue] = useState<QueueState>(initialQueueState);
  const [navOpen, nav] = useDisclosure(false);
  const { user } = session;
  const screen = screenOf(route);
  const shell = useMemo<ShellValue>(
    () => ({
      user,
      route,
      go: (next) => {
        setRoute(next);
        window.scrollTo({ top: 0 });
      },
      queue,
      setQueue,
    }),
    [user, route, queue],
  );
  const items = navItems.filter((item) => !item.supervisorOnly || user.role === 'supervisor');

  useIdleLock({
    idleLockMinutes: session.idleLockMinutes,
    onIdle: () => onLock('idle'),
    // A failed touch needs no handling here: a LOCKED answer is caught by the app's lock watch.
    onActiveTouch: () => void desk.session.touch({}),
  });

  const roleLabel = t(`role.${user.role}`);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <IconShieldLock size={26} color="var(--mantine-color-indigo-7)" aria-hidden />
            <Stack gap={0} miw={0}>
              <Text fw={700} size="sm" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" truncate data-testid="desk-name">
                {session.deskName}
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            <BackupIndicator role={user.role} onOpenSettings={() => shell.go({ name: 'settings' })} />
            <Group gap={6} wrap="nowrap" aria-label={t('shell.userMenu', { name: user.displayName, role: roleLabel })} role="group">
              <Text size="sm" fw={500} data-testid="current-user" truncate maw={220}>
                {user.displayName}
              </Text>
              <Badge variant="light" color={user.role === 'supervisor' ? 'grape' : 'blue'} data-testid="current-role">
                {roleLabel}
              </Badge>
            </Group>
            <LanguageSwitch />
            <Tooltip label={t('shell.lockHint')}>
              <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={() => onLock('user')}>
                {t('shell.lock')}
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navLabel')} className="no-print">
        {items.map((item) => (
          <NavLink
            key={item.id}
            component="button"
            type="button"
            label={t(item.label)}
            leftSection={<item.icon size={18} aria-hidden />}
            active={screen === item.id}
            aria-current={screen === item.id ? 'page' : undefined}
            onClick={() => {
              shell.go({ name: item.id });
              nav.close();
            }}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <ShellContext value={shell}>
          <ScreenView route={route} user={user} onDeskChanged={onDeskChanged} />
        </ShellContext>
      </AppShell.Main>
    </AppShell>
  );
}

function ScreenView({ route, user, onDeskChanged }: { route: Route; user: SessionUser; onDeskChanged: () => void }) {
  switch (route.name) {
    case 'queue':
      return <QueueScreen />;
    case 'intake':
      return <IntakeScreen key={route.mail?.inboxId ?? 0} mail={route.mail} />;
    case 'inbox':
      return <InboxScreen />;
    case 'case':
      // Keyed by case: opening another case starts from a fresh screen.
      return <CaseFileScreen key={route.id} id={route.id} />;
    case 'calendar':
      return <CalendarScreen />;
    case 'outbox':
      return <OutboxScreen />;
    case 'letters':
      return <LettersScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'settings':
      return user.role === 'supervisor' ? <SettingsScreen currentUser={user} onDeskChanged={onDeskChanged} /> : null;
  }
}

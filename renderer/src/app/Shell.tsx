// The logged-in frame: header (desk, person, language, lock), the navigation, and the screen the address
// names (app/routes.ts). It holds every piece of desk data on screen — the session's query cache and its
// router included — so DeskFlow unmounts it whole on lock and the next login starts from nothing.
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
import { QueryClientProvider } from '@tanstack/react-query';
import { Activity, createContext, memo, startTransition, use, useEffect, useMemo, useRef, useState } from 'react';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate, useParams } from 'react-router';
import type { SessionUser } from '../../../electron/contract/index.ts';
import { DeskProvider, useDesk } from '../api/DeskProvider.tsx';
import { createDeskQueryClient, invalidatingDesk } from '../api/deskQueries.ts';
import { useSharedDeskRefresh } from '../api/useSharedDeskRefresh.ts';
import { BackupIndicator } from '../features/backup/BackupIndicator.tsx';
import { CalendarScreen } from '../features/calendar/CalendarScreen.tsx';
import { CaseFileScreen } from '../features/case-file/CaseFileScreen.tsx';
import { IntakeScreen } from '../features/intake/IntakeScreen.tsx';
import { InboxScreen } from '../features/inbox/InboxScreen.tsx';
import { LettersScreen } from '../features/letters/LettersScreen.tsx';
import { OutboxScreen } from '../features/outbox/OutboxScreen.tsx';
import { QueueScreen } from '../features/queue/QueueScreen.tsx';
import { queueLoader } from '../features/queue/queueLoader.ts';
import { ReportsScreen } from '../features/reports/ReportsScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { MessageKey } from '../i18n/catalog.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { LockReason } from './DeskFlow.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { pathOf, screenOfPath, type IntakeStart, type MailIntake, type Route, type ScreenId } from './routes.ts';
import { ANSWER_WAIT_MS, NavigateContext, ShellContext, type NavigateTo, type ShellValue } from './ShellContext.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import type { PaletteItem } from './paletteItems.ts';
import { ShortcutsHelp, useShortcuts } from './shortcuts.tsx';
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

interface FrameProps {
  session: DeskSession;
  onLock: (reason: LockReason) => void;
  onDeskChanged: () => void;
}

/** The shell's props, for the route elements the router renders. */
const FrameContext = createContext<FrameProps | null>(null);

export function Shell({ session, onLock, onDeskChanged }: ShellProps) {
  const base = useDesk();
  // One cache and one router per session (the shell is keyed by session): dropped whole on lock.
  const [client] = useState(createDeskQueryClient);
  const desk = useMemo(() => invalidatingDesk(base, client), [base, client]);
  const [router] = useState(() =>
    createHashRouter([
      {
        path: '/',
        element: <Frame />,
        children: [
          { index: true, element: <Navigate to="/queue" replace /> },
          // The queue is drawn by the frame itself (kept while a case is open, see Frame); the route names it and
          // its loader holds a move to it until the list it shows has come (features/queue/queueLoader.ts).
          { path: 'queue', element: null, loader: queueLoader(client, desk) },
          { path: 'cases/new', element: <IntakeRoute /> },
          { path: 'inbox', element: <InboxScreen /> },
          { path: 'cases/:ref', element: <CaseRoute /> },
          { path: 'calendar', element: <CalendarScreen /> },
          { path: 'outbox', element: <OutboxScreen /> },
          { path: 'letters', element: <LettersScreen /> },
          { path: 'reports', element: <ReportsScreen /> },
          { path: 'settings', element: <SettingsRoute /> },
          { path: '*', element: <Navigate to="/queue" replace /> },
        ],
      },
    ]),
  );
  useEffect(
    () => () => {
      client.clear();
      router.dispose();
    },
    [client, router],
  );
  const navigateTo = useMemo<NavigateTo>(() => (to, options) => void router.navigate(to, options), [router]);
  return (
    <QueryClientProvider client={client}>
      <DeskProvider desk={desk}>
        <FrameContext value={{ session, onLock, onDeskChanged }}>
          {/* No transitions: the router would wrap every address change in React.startTransition, a render
              that yields and restarts whenever the list's answer arrives — a page turn or a tab then waited
              100–300 ms after its data for the screen to commit. An address change here is a person's
              click; it is drawn at once, like any other click. */}
          <NavigateContext value={navigateTo}>
            <RouterProvider router={router} useTransitions={false} />
          </NavigateContext>
        </FrameContext>
      </DeskProvider>
    </QueryClientProvider>
  );
}

function useFrame(): FrameProps {
  const value = use(FrameContext);
  if (!value) throw new Error('useFrame() outside the shell');
  return value;
}

function CaseRoute() {
  const { ref = '' } = useParams();
  // A number is an id from a list (CaseFileScreen then puts the reference in the address).
  // The same lookup and a memoised screen: this route is drawn again whenever the router's state changes (Back
  // beginning, a loader waiting), and the case file under it need not be.
  const lookup = useMemo(() => (/^\d+$/.test(ref) ? { id: Number(ref) } : { reference: ref }), [ref]);
  return <CaseFileKept key={ref} lookup={lookup} />;
}

/** New intake; from an incoming mail, the mail rides in the history entry's state (it is no address). */
function IntakeRoute() {
  const state = useLocation().state as { mail?: MailIntake; start?: IntakeStart } | null;
  const mail = state?.mail;
  const start = state?.start;
  return <IntakeScreen key={`${mail?.inboxId ?? 0}:${start?.type ?? ''}:${start?.related?.id ?? ''}`} mail={mail} start={start} />;
}

function SettingsRoute() {
  const { session, onDeskChanged } = useFrame();
  return session.user.role === 'supervisor' ? <SettingsScreen currentUser={session.user} onDeskChanged={onDeskChanged} /> : <Navigate to="/queue" replace />;
}

const QueueKept = memo(QueueScreen);
const CaseFileKept = memo(CaseFileScreen);

/**
 * The queue stays mounted, hidden (React's Activity), while a case or another screen is open: opening a case
 * no longer tears down fifty rows, and Back shows the list as it was at once (then asks the desk again, as
 * any screen does on show). It keeps the address it last had; it is mounted on the first visit only.
 * Leaving it hides it at once, in the same frame as the next screen (display: none on its wrapper), and
 * disconnects its effects a frame later, after that screen is painted: Activity walks every fiber of the
 * queue (fifty rows, the filters) to detach refs and effects, a tenth of opening a case. Coming back
 * connects them first, as Activity does.
 */
function KeptQueue() {
  const location = useLocation();
  const onQueue = location.pathname === '/queue';
  const [search, setSearch] = useState<string | null>(onQueue ? location.search : null);
  if (onQueue && search !== location.search) setSearch(location.search);
  const [asleep, setAsleep] = useState(!onQueue);
  if (onQueue && asleep) setAsleep(false);
  useEffect(() => {
    if (onQueue || asleep) return;
    const frame = requestAnimationFrame(() => startTransition(() => setAsleep(true)));
    return () => cancelAnimationFrame(frame);
  }, [onQueue, asleep]);
  if (search === null) return null;
  return (
    <div style={{ display: onQueue ? 'contents' : 'none' }}>
      <Activity mode={asleep ? 'hidden' : 'visible'}>
        <QueueKept search={search} />
      </Activity>
    </div>
  );
}

function Frame() {
  const t = useT();
  const desk = useDesk();
  const { session, onLock } = useFrame();
  useSharedDeskRefresh(); // colleagues' changes on a shared desk refresh what is on screen
  const navigate = useNavigate();
  const location = useLocation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { user } = session;
  const screen: ScreenId = screenOfPath(location.pathname);
  // The last move asked for: a move waiting for its answer goes ahead only if nothing moved since.
  const moves = useRef(0);
  const shell = useMemo<ShellValue>(() => {
    const goNow = (next: Route, replace: boolean) => {
      void navigate(pathOf(next), { replace, ...(next.name === 'intake' && (next.mail || next.start) ? { state: { mail: next.mail, start: next.start } } : {}) });
      window.scrollTo({ top: 0 });
    };
    return {
      user,
      go: (next: Route, options?: { replace?: boolean; after?: Promise<unknown> }) => {
        const move = ++moves.current;
        const replace = options?.replace === true;
        if (!options?.after) return goNow(next, replace);
        const from = window.location.hash;
        const waited = new Promise<void>((resolve) => setTimeout(resolve, ANSWER_WAIT_MS));
        void Promise.race([options.after, waited]).then(() => {
          if (moves.current === move && window.location.hash === from) goNow(next, replace);
        });
      },
      // react-router numbers its entries: idx > 0 means this session's history has a page to go back to.
      back: (fallback: Route) => {
        moves.current++;
        if (((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0) void navigate(-1);
        else void navigate(pathOf(fallback));
      },
    };
  }, [user, navigate]);
  const items = useMemo(() => navItems.filter((item) => !item.supervisorOnly || user.role === 'supervisor'), [user.role]);
  const shortcuts = useShortcuts(shell);

  useIdleLock({
    idleLockMinutes: session.idleLockMinutes,
    onIdle: () => onLock('idle'),
    // A failed touch needs no handling here: a LOCKED answer is caught by the app's lock watch.
    onActiveTouch: () => void desk.session.touch({}),
  });

  const roleLabel = t(`role.${user.role}`);
  // The header and the navigation are drawn again only when what they show changes, not on every address
  // change inside a screen (a page turn, a tab, a search): the frame re-renders with each of those.
  const header = useMemo(
    () => (
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
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
    ),
    [t, navOpen, toggleNav, session.deskName, user, roleLabel, shell, onLock],
  );
  const navbar = useMemo(
    () => (
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
              closeNav();
            }}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          />
        ))}
      </AppShell.Navbar>
    ),
    [t, items, screen, shell, closeNav],
  );
  const actions = useMemo<PaletteItem[]>(
    () => [{ label: t('queue.new'), route: { name: 'intake' } }, ...items.map((item) => ({ label: t(item.label), route: { name: item.id } as Route }))],
    [t, items],
  );
  // The same element while only the address inside a screen changes (a page turn, a tab, a search): React
  // then skips the frame's own components and only the screen, which reads the address (Outlet), renders.
  const { helpOpen, closeHelp, palette } = shortcuts;
  return useMemo(
    () => (
      <AppShell header={{ height: 60 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
        {header}

        {navbar}

        <AppShell.Main>
          <ShellContext value={shell}>
            <KeptQueue />
            <Outlet />
            <ShortcutsHelp opened={helpOpen} onClose={closeHelp} />
            <CommandPalette palette={palette} go={shell.go} actions={actions} />
          </ShellContext>
        </AppShell.Main>
      </AppShell>
    ),
    [navOpen, header, navbar, shell, helpOpen, closeHelp, palette, actions],
  );
}

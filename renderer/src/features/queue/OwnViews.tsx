// Views of one's own: the desk's two ready-made ones (承認待ち for supervisors, 未送信の通知あり for
// everyone), the views this person saved and those a supervisor shared. A view is the queue's address
// query, so choosing one is navigating to it (Back returns to the previous filters).
import { Button, Checkbox, CloseButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconDeviceFloppy } from '@tabler/icons-react';
import { memo, useState, type ReactNode } from 'react';
import type { DeskErrorData, SessionUser } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/I18nProvider.tsx';

interface Props {
  user: SessionUser;
  /** The current address query of the queue (without the leading ?). */
  current: string;
  onOpen: (params: string) => void;
}

/** Drawn again only when the person, the current view or the saved views change (not while rows load). */
export const OwnViews = memo(OwnViewsBar);

function OwnViewsBar({ user, current, onOpen }: Props) {
  const t = useT();
  const desk = useDesk();
  const saved = useDeskQuery('views.list', {}).data ?? [];
  const [saving, setSaving] = useState(false);
  const builtIn = [
    ...(user.role === 'supervisor' ? [{ key: 'approval', name: t('views.awaitingApproval'), params: 'status=decided' }] : []),
    { key: 'unsent', name: t('views.unsentNotice'), params: 'unsent=1' },
  ];
  const chip = (key: string, name: string, params: string, extra?: ReactNode) => (
    <Group key={key} gap={0} wrap="nowrap">
      <Button
        size="compact-sm"
        variant={current === params ? 'filled' : 'light'}
        aria-pressed={current === params}
        leftSection={<IconBookmark size={14} aria-hidden />}
        onClick={() => onOpen(params)}
        data-own-view={name}
      >
        {name}
      </Button>
      {extra}
    </Group>
  );
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('views.mine')}>
      {builtIn.map((v) => chip(v.key, v.name, v.params))}
      {saved.map((v) =>
        chip(
          `saved-${v.id}`,
          v.name,
          v.params,
          v.mine && <CloseButton size="sm" aria-label={t('views.delete', { name: v.name })} onClick={() => void desk.views.remove({ id: v.id })} />,
        ),
      )}
      <Button size="compact-sm" variant="subtle" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => setSaving(true)}>
        {t('views.save')}
      </Button>
      <SaveView opened={saving} onClose={() => setSaving(false)} params={current} canShare={user.role === 'supervisor'} />
    </Group>
  );
}

function SaveView({ opened, onClose, params, canShare }: { opened: boolean; onClose: () => void; params: string; canShare: boolean }) {
  const t = useT();
  const desk = useDesk();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DeskErrorData | null>(null);
  const submit = async () => {
    setBusy(true);
    const result = await desk.views.save({ name, params, shared });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifications.show({ message: t('views.saved', { name: result.value.name }), color: 'teal' });
    setName('');
    setShared(false);
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('views.saveTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {error && <ErrorAlert error={error} />}
          <TextInput data-autofocus required label={t('views.name')} value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} />
          {canShare && <Checkbox label={t('views.shared')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={name.trim() === ''}>
              {t('views.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

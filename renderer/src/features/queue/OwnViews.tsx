// Views of one's own: the desk's two ready-made ones (承認待ち for supervisors, 未送信の通知あり for
// everyone), the views this person saved and those a supervisor shared. A view is the queue's address
// query, so choosing one is navigating to it (Back returns to the previous filters).
import { Button, Checkbox, CloseButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconDeviceFloppy } from '@tabler/icons-react';
import { memo, useState, type ReactNode } from 'react';
import type { SessionUser } from '../../../../electron/contract/index.ts';
import { useDeskQuery } from '../../api/deskQueries.ts';
import { useDeskMutation } from '../../api/useDeskMutation.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useDeskForm } from '../../forms/useDeskForm.tsx';
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
  const saved = useDeskQuery('views.list', {}).data ?? [];
  // A refused removal (the view is already gone, say) is shown beside the views; views.list is asked again by the invalidation.
  const remove = useDeskMutation('views.remove');
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
          v.mine && <CloseButton size="sm" aria-label={t('views.delete', { name: v.name })} disabled={remove.isPending} onClick={() => remove.mutate({ id: v.id })} />,
        ),
      )}
      <Button size="compact-sm" variant="subtle" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={() => setSaving(true)}>
        {t('views.save')}
      </Button>
      {/* Only while saving: a closed Modal still renders its root and transition whenever the bar does. */}
      {saving && <SaveView onClose={() => setSaving(false)} params={current} canShare={user.role === 'supervisor'} />}
      <ErrorAlert error={remove.error} />
    </Group>
  );
}

function SaveView({ onClose, params, canShare }: { onClose: () => void; params: string; canShare: boolean }) {
  const t = useT();
  const { form, formId, onSubmit, field, busy, error } = useDeskForm({
    method: 'views.save',
    initialValues: { name: '', shared: false },
    toInput: (v) => ({ name: v.name, params, shared: v.shared }),
    onSuccess: (view, _input, f) => {
      notifications.show({ message: t('views.saved', { name: view.name }), color: 'teal' });
      f.reset();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('views.saveTitle')}>
      <form id={formId} onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput data-autofocus required label={t('views.name')} maxLength={60} {...field('name')} />
          {canShare && <Checkbox label={t('views.shared')} {...form.getInputProps('shared', { type: 'checkbox' })} />}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} disabled={form.getValues().name.trim() === ''}>
              {t('views.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// What a calendar change did to open cases: each case whose due date moved, with a link to it, and the
// decided or approved cases that kept their date although the calendar would now say another.
import { Alert, Anchor, List, Text } from '@mantine/core';
import type { DueDateMove } from '../../../../electron/contract/index.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { JapanDate } from '../../components/JapanDate.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function MovedList({ moved, held, onClose }: { moved: DueDateMove[]; held: DueDateMove[]; onClose: () => void }) {
  const { t } = useI18n();
  const { go } = useShell();
  return (
    <Alert
      color={moved.length ? 'orange' : 'teal'}
      variant="light"
      title={moved.length ? t('calendar.moved.title', { n: moved.length }) : t('calendar.moved.none')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      role="status"
      data-testid="moved"
      data-count={moved.length}
    >
      {moved.length > 0 && (
        <List size="sm" spacing={4}>
          {moved.map((m) => (
            <List.Item key={m.id} data-reference={m.reference} data-old-due={m.oldDue} data-new-due={m.newDue}>
              <Anchor component="button" type="button" ff="monospace" fw={600} size="sm" onClick={() => go({ name: 'case', id: m.id })}>
                {m.reference}
              </Anchor>{' '}
              <Text span size="sm" lang="ja">
                {m.memberName}
              </Text>{' '}
              <JapanDate date={m.oldDue} size="sm" /> → <JapanDate date={m.newDue} size="sm" fw={700} />
            </List.Item>
          ))}
        </List>
      )}
      {held.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t('caseRules.held.title', { n: held.length })}
          </Text>
          <List size="sm" spacing={4} data-testid="held">
            {held.map((m) => (
              <List.Item key={m.id} data-reference={m.reference} data-due={m.oldDue} data-calendar-due={m.newDue}>
                <Anchor component="button" type="button" ff="monospace" fw={600} size="sm" onClick={() => go({ name: 'case', id: m.id })}>
                  {m.reference}
                </Anchor>{' '}
                <Text span size="sm" lang="ja">
                  {m.memberName}
                </Text>{' '}
                {t('caseRules.held.item', { due: m.oldDue, calendarDue: m.newDue })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

// The next moves: only those the core lists in allowedActions, each opening a small form. When approval
// is not offered the panel says why (four eyes, or a supervisor's move).
import { Alert, Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowsExchange,
  IconMessageReply,
  IconCash,
  IconCheck,
  IconCalendarPlus,
  IconEye,
  IconGavel,
  IconId,
  IconInfoCircle,
  IconMailForward,
  IconNote,
  IconPlayerPause,
  IconPlayerPlay,
  IconSignature,
  IconUserShare,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { CaseAction, CaseFile } from '../../../../electron/contract/index.ts';
import { useShell } from '../../app/ShellContext.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const lifecycle: CaseAction[] = ['startReview', 'pause', 'resume', 'answer', 'convert', 'decide', 'approve', 'returnForRevision', 'recordNotice', 'close', 'withdraw', 'reject'];
const records: CaseAction[] = ['recordIdentityCheck', 'recordFee', 'addNote', 'assign', 'extend'];

const icons: Record<CaseAction, Icon> = {
  startReview: IconEye,
  pause: IconPlayerPause,
  resume: IconPlayerPlay,
  decide: IconGavel,
  returnForRevision: IconArrowBackUp,
  approve: IconSignature,
  withdraw: IconX,
  reject: IconX,
  recordNotice: IconMailForward,
  close: IconCheck,
  extend: IconCalendarPlus,
  assign: IconUserShare,
  recordIdentityCheck: IconId,
  recordFee: IconCash,
  addNote: IconNote,
  answer: IconMessageReply,
  convert: IconArrowsExchange,
};

const quiet: ReadonlySet<CaseAction> = new Set(['withdraw', 'reject', 'returnForRevision']);

export function ActionPanel({ file, onAction }: { file: CaseFile; onAction: (a: CaseAction) => void }) {
  const { t } = useI18n();
  const { user } = useShell();
  const allowed = new Set(file.allowedActions);
  const c = file.case;
  const main = lifecycle.filter((a) => allowed.has(a));
  /** Whether the notice to record now is the answer (decision, withdrawal, rejection). */
  const answers = c.status === 'approved' || c.status === 'withdrawn' || c.status === 'rejected';
  const side = records.filter((a) => allowed.has(a));

  let hint: string | null = null;
  if (c.status === 'decided' && !allowed.has('approve')) {
    hint = user.role === 'supervisor' && c.decidedBy === user.username ? t('caseFile.hint.fourEyes') : t('caseFile.hint.supervisorApproves');
    // A proposed rejection or withdrawal waits for approval like a decision (four eyes on every answer).
    if (c.closureGround !== null) hint = `${t(c.closureGround === 'withdrawn' ? 'caseRules.proposed.withdrawal' : 'caseRules.proposed.rejection')}. ${hint} ${t('caseRules.proposed.hint')}`;
  } else if (c.status === 'approved' || c.status === 'withdrawn' || c.status === 'rejected') {
    hint = t('caseFile.hint.recordNotice');
  } else if (c.status === 'in_review' && !allowed.has('decide') && !file.identityChecks.some((i) => i.verified)) {
    hint = t('caseFile.hint.identityFirst');
  }

  const button = (a: CaseAction, primary: boolean) => {
    const Icon = icons[a];
    return (
      <Button
        key={a}
        variant={primary && !quiet.has(a) && (a !== 'recordNotice' || answers) ? 'light' : 'default'}
        color={a === 'reject' || a === 'withdraw' ? 'red' : a === 'close' || a === 'approve' ? 'green' : undefined}
        justify="flex-start"
        leftSection={<Icon size={16} aria-hidden />}
        onClick={() => onAction(a)}
        data-action={a}
        fullWidth
      >
        {t(`action.${a}`)}
      </Button>
    );
  };

  return (
    <Paper withBorder p="md" radius="md" pos="sticky" top={76} data-testid="next-actions">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('caseFile.nextActions')}
        </Title>
        {hint && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} p="xs" data-testid="action-hint">
            <Text size="xs">{hint}</Text>
          </Alert>
        )}
        {main.length === 0 && !hint && (
          <Text size="sm" c="dimmed">
            {c.status === 'closed' ? t('caseFile.closedNoActions') : t('caseFile.noActions')}
          </Text>
        )}
        {main.map((a) => button(a, true))}
        {side.length > 0 && (
          <>
            <Divider label={t('caseFile.records')} labelPosition="left" />
            {side.map((a) => button(a, false))}
          </>
        )}
      </Stack>
    </Paper>
  );
}

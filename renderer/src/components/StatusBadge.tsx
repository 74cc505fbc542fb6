import { Badge, type BadgeProps } from '@mantine/core';
import type { CaseStatus } from '../../../electron/contract/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { statusColor, statusLabel } from '../i18n/vocabulary.ts';

export function StatusBadge({ status, ...props }: { status: CaseStatus } & BadgeProps) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="light" data-testid="status" data-status={status} style={{ textTransform: 'none', minWidth: 'max-content' }} {...props}>
      {statusLabel(t, status)}
    </Badge>
  );
}

// The form of the move chosen in the action panel, in a modal. Mounted only while open, so every form
// starts empty.
import { Modal } from '@mantine/core';
import { useState, type ComponentProps } from 'react';
import type { CaseAction, CaseFile } from '../../../../../electron/contract/index.ts';
import { useActiveAccounts } from '../../../api/useActiveAccounts.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { DecideForm } from './DecideForm.tsx';
import { FeeForm } from './FeeForm.tsx';
import { AnswerForm, ConvertForm } from './InquiryForms.tsx';
import { IdentityCheckForm } from './IdentityCheckForm.tsx';
import { AssignForm, ConfirmForm, ExtendForm, NoteForm, NoticeForm, PauseForm, ReasonForm, RejectForm } from './SimpleForms.tsx';

interface Props {
  file: CaseFile;
  action: CaseAction | null;
  onClose: () => void;
  onDone: (file: CaseFile, message: string) => void;
}

const wide: ReadonlySet<CaseAction> = new Set(['decide', 'recordIdentityCheck', 'recordFee', 'answer']);

/**
 * The assign form with the staff it offers. The directory is asked for here, when that dialog opens, not by
 * the modal: the modal is mounted with every case file, and opening a case was two requests, not one.
 */
function AssignWithAccounts(props: Omit<ComponentProps<typeof AssignForm>, 'accounts'>) {
  return <AssignForm {...props} accounts={useActiveAccounts()} />;
}

export function ActionModal({ file, action: chosen, onClose, onDone }: Props) {
  const { t } = useI18n();
  // The dialog keeps its name and form while it fades out: a dialog that lost its name mid-transition
  // still counts as open for the shortcuts (Esc right after an action did nothing), and read as blank.
  const [shown, setShown] = useState<CaseAction | null>(chosen);
  if (chosen !== null && chosen !== shown) setShown(chosen);
  const action = chosen ?? shown;
  const props = { file, onDone, onCancel: onClose };
  let body = null;
  switch (action) {
    case 'startReview':
    case 'approve':
    case 'close':
      body = <ConfirmForm {...props} action={action} />;
      break;
    case 'resume':
    case 'withdraw':
    case 'returnForRevision':
      body = <ReasonForm {...props} action={action} />;
      break;
    case 'pause':
      body = <PauseForm {...props} />;
      break;
    case 'decide':
      body = <DecideForm {...props} />;
      break;
    case 'reject':
      body = <RejectForm {...props} />;
      break;
    case 'recordNotice':
      body = <NoticeForm {...props} />;
      break;
    case 'extend':
      body = <ExtendForm {...props} />;
      break;
    case 'assign':
      body = <AssignWithAccounts {...props} />;
      break;
    case 'recordIdentityCheck':
      body = <IdentityCheckForm {...props} />;
      break;
    case 'recordFee':
      body = <FeeForm {...props} />;
      break;
    case 'addNote':
      body = <NoteForm {...props} />;
      break;
    case 'answer':
      body = <AnswerForm {...props} />;
      break;
    case 'convert':
      body = <ConvertForm {...props} />;
      break;
    case null:
      body = null;
  }
  return (
    <Modal
      opened={chosen !== null}
      onClose={onClose}
      onExitTransitionEnd={() => setShown(null)}
      title={action ? `${t(`action.${action}`)} — ${file.case.reference}` : ''}
      size={action && wide.has(action) ? 'xl' : 'md'}
      centered
    >
      {body}
    </Modal>
  );
}

import { expect, type Locator } from '@playwright/test';
import type { CaseAction, CaseStatus, DisclosureGround, FeeMethod, IdentityDocumentType, NoticeChannel, NoticeKind, Outcome, PauseReason } from '../../../electron/contract/index.ts';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';
import { escapeRegExp } from './SetupPage.ts';

export class CaseFilePage extends BasePage {
  get root(): Locator {
    return this.page.getByTestId('case-file');
  }

  /**
   * The case file is shown under its reference's address. A file opened by id (a new case, a duplicate's
   * button) shows first, then takes `#/cases/PD-…` and remounts there: a step taken before that, or a test
   * that ends then, races the remount's reads (seen as refused requests once the desk stops).
   */
  async expectOpen(reference?: string): Promise<void> {
    await expect(this.root).toBeVisible();
    if (reference) await expect(this.root).toHaveAttribute('data-reference', reference);
    await expect(this.page).toHaveURL(new RegExp(`/cases/${reference ? escapeRegExp(reference) : 'PD-\\d{4}-\\d{5}'}(?:[?&]|$)`));
  }

  async reference(): Promise<string> {
    await expect(this.root).toBeVisible();
    return (await this.root.getAttribute('data-reference')) ?? '';
  }

  async expectStatus(status: CaseStatus): Promise<void> {
    await expect(this.root).toHaveAttribute('data-status', status);
  }

  get deadline(): Locator {
    return this.root.getByTestId('deadline');
  }

  /** The due date shown in the header (the <time> element's date). */
  async due(): Promise<string | null> {
    return this.root.getByTestId('case-due').getAttribute('datetime');
  }

  get actions(): Locator {
    return this.page.getByTestId('next-actions');
  }

  actionButton(action: CaseAction): Locator {
    return this.actions.getByRole('button', { name: this.t(`action.${action}`), exact: true });
  }

  dialog(action: CaseAction): Locator {
    return this.page.getByRole('dialog', { name: new RegExp(`^${escapeRegExp(this.t(`action.${action}`))}`) });
  }

  private async open(action: CaseAction): Promise<Locator> {
    await this.actionButton(action).click();
    const dialog = this.dialog(action);
    await expect(dialog).toBeVisible();
    return dialog;
  }

  private async submit(action: CaseAction, dialog: Locator, label?: MessageKey): Promise<void> {
    await dialog.getByRole('button', { name: this.t(label ?? `action.${action}`), exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async confirm(action: 'startReview' | 'approve' | 'close'): Promise<void> {
    await this.submit(action, await this.open(action));
  }

  /** Close a case that still owes unsent notices: the dialog names them; tick "close without sending them". */
  async closeDroppingUnsent(kinds: NoticeKind[]): Promise<void> {
    const dialog = await this.open('close');
    const owed = dialog.getByTestId('close-owed');
    for (const k of kinds) await expect(owed).toContainText(this.t(`noticeKind.${k}`));
    await owed.getByRole('checkbox', { name: this.t('noticeRule.dropAndClose') }).check();
    await this.submit('close', dialog);
  }

  /** The case file's list of owed notices (at the top). */
  owed(kind: NoticeKind): Locator {
    return this.page.getByTestId('section-owed-notices').locator(`tr[data-kind="${kind}"]`);
  }

  async withReason(action: 'resume' | 'withdraw' | 'returnForRevision', reason: string): Promise<void> {
    const dialog = await this.open(action);
    await this.field('caseFile.reason', dialog).fill(reason);
    await this.submit(action, dialog);
  }

  async pause(kind: PauseReason, reason: string): Promise<void> {
    const dialog = await this.open('pause');
    await dialog.getByRole('radio', { name: this.t(`pauseReason.${kind}`), exact: true }).check();
    await this.field('caseFile.reason', dialog).fill(reason);
    await this.submit('pause', dialog);
  }

  async recordIdentityCheck(verified: boolean, documents: Array<{ type: IdentityDocumentType; issuedOn?: string; note?: string }>): Promise<void> {
    const dialog = await this.open('recordIdentityCheck');
    await dialog.getByRole('radio', { name: this.t(verified ? 'identity.verified' : 'identity.notVerified'), exact: true }).check();
    for (const [i, d] of documents.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: this.t('identity.addDocument') }).click();
      await this.choose(this.t('identity.documentType', { n: i + 1 }), this.t(`document.${d.type}`), dialog);
      const row = dialog.getByTestId('identity-document').nth(i);
      if (d.issuedOn) {
        const issued = row.getByRole('textbox', { name: this.t('identity.issuedOn'), exact: true });
        await issued.fill(d.issuedOn);
        await issued.blur();
      }
      if (d.note) await row.getByRole('textbox', { name: this.t('identity.documentNote'), exact: true }).fill(d.note);
    }
    await this.submit('recordIdentityCheck', dialog);
  }

  async recordFee(f: { amount: number; method: FeeMethod; kind?: 'payment' | 'refund'; note?: string }): Promise<void> {
    const dialog = await this.open('recordFee');
    await dialog.getByRole('radio', { name: this.t(`feeKind.${f.kind ?? 'payment'}`), exact: true }).check();
    await this.choose(this.t('fee.method'), this.t(`feeMethod.${f.method}`), dialog);
    await this.field('fee.amount', dialog).fill(String(f.amount));
    if (f.note) await this.field('fee.note', dialog).fill(f.note);
    await this.submit('recordFee', dialog);
  }

  async decide(d: { outcome: Outcome; grounds?: DisclosureGround[]; reasoning?: string }): Promise<void> {
    const dialog = await this.open('decide');
    await this.choose(this.t('caseFile.outcome'), this.t(`outcome.${d.outcome}`), dialog);
    for (const g of d.grounds ?? []) await dialog.getByRole('checkbox', { name: this.t(`ground.${g}`) }).check();
    if (d.reasoning) await this.field('caseFile.reasoning', dialog).fill(d.reasoning);
    await this.submit('decide', dialog);
  }

  async recordNotice(kind: NoticeKind, channel: NoticeChannel, note = ''): Promise<void> {
    const dialog = await this.open('recordNotice');
    await this.choose(this.t('caseFile.noticeKind'), this.t(`noticeKind.${kind}`), dialog);
    await dialog.getByRole('radio', { name: this.t(`noticeChannel.${channel}`), exact: true }).check();
    if (note) await this.field('caseFile.noticeNote', dialog).fill(note);
    await this.submit('recordNotice', dialog);
  }

  async extend(due: string, reason: string): Promise<void> {
    const dialog = await this.open('extend');
    const field = this.field('caseFile.newDue', dialog);
    await field.fill(due);
    await field.blur();
    await this.field('caseFile.reason', dialog).fill(reason);
    await this.submit('extend', dialog);
  }

  async addNote(text: string): Promise<void> {
    const dialog = await this.open('addNote');
    await this.field('caseFile.noteText', dialog).fill(text);
    await this.submit('addNote', dialog);
  }

  get hint(): Locator {
    return this.page.getByTestId('action-hint');
  }

  section(testId: 'request' | 'identity' | 'fee' | 'decision' | 'notices' | 'notes' | 'deadline-history' | 'timeline'): Locator {
    return this.page.getByTestId(`section-${testId}`);
  }

  /** Kinds of the timeline's events, oldest first. */
  async timelineKinds(): Promise<string[]> {
    return this.section('timeline').locator('[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
  }

  /** Types of the deadline history's rows (received, pause, resume, extend, due_recomputed). */
  async deadlineHistory(): Promise<string[]> {
    return this.section('deadline-history').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type') ?? ''));
  }

  async backToQueue(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('caseFile.backToQueue') }).click();
  }
}

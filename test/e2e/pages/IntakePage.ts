import { expect, type Locator } from '@playwright/test';
import type { DeliveryPreference, IntakeChannel, RequesterKind, RequestType } from '../../../electron/contract/index.ts';
import type { MessageKey } from '../../../renderer/src/i18n/catalog.ts';
import { BasePage } from './BasePage.ts';
import { escapeRegExp } from './SetupPage.ts';

export interface IntakeData {
  type?: RequestType;
  kinds?: string[];
  delivery?: DeliveryPreference;
  channel?: IntakeChannel;
  /** Japan date and time as typed, e.g. 2026-11-24 and 10:30. */
  arrivalDate?: string;
  arrivalTime?: string;
  requesterKind?: RequesterKind;
  requesterName?: string;
  requesterEmail?: string;
  requesterPostalCode?: string;
  requesterAddress?: string;
  memberName?: string;
  memberKana?: string;
  memberEmail?: string;
  memberPostalCode?: string;
  memberAddress?: string;
  memberId?: string;
  requestText?: string;
}

export class IntakePage extends BasePage {
  /** The type chosen last (the form starts on disclosure): kinds are labelled per type. */
  private type: RequestType = 'disclosure';

  async expectVisible(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: this.t('intake.title'), level: 2 })).toBeVisible();
  }

  get form(): Locator {
    return this.page.getByRole('form', { name: this.t('intake.title') });
  }

  get arrivalDate(): Locator {
    return this.field('intake.arrivalDate');
  }

  get arrivalTime(): Locator {
    return this.field('intake.arrivalTime');
  }

  radio(key: MessageKey): Locator {
    return this.form.getByRole('radio', { name: this.t(key), exact: true });
  }

  async fill(d: IntakeData): Promise<void> {
    if (d.type) {
      await this.radio(`type.${d.type}.long`).check();
      this.type = d.type;
    }
    for (const k of d.kinds ?? []) await this.form.getByRole('checkbox', { name: this.t(`kind.${this.type}.${k}` as MessageKey), exact: true }).check();
    if (d.delivery) await this.radio(`delivery.${d.delivery}`).check();
    if (d.channel) await this.radio(`channel.${d.channel}`).check();
    if (d.arrivalDate !== undefined) {
      await this.arrivalDate.fill(d.arrivalDate);
      await this.arrivalDate.blur();
    }
    if (d.arrivalTime !== undefined) await this.arrivalTime.fill(d.arrivalTime);
    if (d.requesterKind) await this.radio(`requesterKind.${d.requesterKind}`).check();
    if (d.requesterName !== undefined) await this.field('intake.requesterName').fill(d.requesterName);
    const text: Array<[keyof IntakeData, MessageKey]> = [
      ['requesterEmail', 'intake.requesterEmail'],
      ['requesterPostalCode', 'intake.requesterPostalCode'],
      ['requesterAddress', 'intake.requesterAddress'],
      ['memberName', 'intake.memberName'],
      ['memberKana', 'intake.memberKana'],
      ['memberEmail', 'intake.memberEmail'],
      ['memberPostalCode', 'intake.memberPostalCode'],
      ['memberAddress', 'intake.memberAddress'],
      ['memberId', 'intake.memberId'],
      ['requestText', 'intake.requestText'],
    ];
    for (const [name, label] of text) {
      const value = d[name];
      if (typeof value === 'string') await this.field(label).fill(value);
    }
  }

  async submit(): Promise<void> {
    await this.button('intake.submit').click();
  }

  async expectFieldError(input: Locator, message: string): Promise<void> {
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }

  /** A problem shown under a group (radio or checkbox group) rather than a single input. */
  async expectGroupError(message: string): Promise<void> {
    await expect(this.form.getByText(message, { exact: true })).toBeVisible();
  }

  get duplicates(): Locator {
    return this.page.getByRole('dialog', { name: this.t('intake.duplicates.title') });
  }
}

// Where a desk form shows a problem (renderer/src/forms/fieldPaths.ts, used by useDeskForm): the contract's path for it —
// from the screen's own schema check or the desk's gate — becomes the form field that shows it. Flat
// forms keep their last segment; a form with nested values (notice settings: feePayment.*) gets the nested
// path @mantine/form binds (getInputProps('feePayment.accountNumber')); an item of a list is the form's.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_SETTINGS, methods } from '../../../electron/contract/index.ts';
import { fieldIn } from '../../../renderer/src/forms/fieldPaths.ts';

const notices = { ...DEFAULT_NOTICE_SETTINGS, feePayment: { ...DEFAULT_NOTICE_SETTINGS.feePayment } };

describe('fieldIn', () => {
  it('keeps the last segment for a flat form', () => {
    expect(fieldIn({ email: '', postalCode: '' }, ['desk', 'email'])).toBe('email');
    expect(fieldIn({ email: '' }, 'intake.memberEmail')).toBeNull();
  });

  it('gives the nested path for nested values, without the wrapper the contract puts around them', () => {
    expect(fieldIn(notices, ['notices', 'feePayment', 'accountNumber'])).toBe('feePayment.accountNumber');
    expect(fieldIn(notices, 'notices.responsiblePerson')).toBe('responsiblePerson');
  });

  it('does not place a problem on one item of a list', () => {
    expect(fieldIn({ kinds: ['a'], outcome: '' }, ['kinds', '0'])).toBeNull();
  });
});

describe('the notice settings schema and its nested form', () => {
  const schema = methods['settings.update'].input;
  /** The form fields the schema's problems with these values land on (as useDeskForm's schemaErrors places them). */
  const placed = (values: typeof notices) => {
    const result = schema.safeParse({ notices: values });
    return result.success ? [] : result.error.issues.map((issue) => fieldIn(values, issue.path));
  };

  it('puts a bad account number beside its nested field, not in the whole-form alert', () => {
    expect(placed({ ...notices, feePayment: { ...notices.feePayment, accountNumber: '１２３' } })).toEqual(['feePayment.accountNumber']);
    expect(placed({ ...notices, feePayment: { ...notices.feePayment, deadlineDays: 61 } })).toEqual(['feePayment.deadlineDays']);
  });

  it('finds nothing in good values (full-width digits are the contract’s to normalise)', () => {
    expect(placed({ ...notices, feePayment: { ...notices.feePayment, accountNumber: '１２３－４５６７' } })).toEqual([]);
  });

  it('places a desk issue named by its full path the same way', () => {
    expect(fieldIn(notices, 'notices.feePayment.deadlineDays')).toBe('feePayment.deadlineDays');
  });
});

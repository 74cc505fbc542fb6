// Which field of a desk form shows a problem: the contract names a problem by its path in the method's
// input (a zod issue's path, or the desk's `field`/`issues[].field`); a form names its fields by their
// path in its own values. Kept apart from useDeskForm (plain TypeScript) so the rule is tested on its own.

/**
 * Whether `values` holds a value at the path `segments` (own keys only, through nested objects). Not into
 * a list: no input shows one item of a list field (`kinds.0`), so its problem stays the whole form's.
 */
function holds(values: object, segments: readonly string[]): boolean {
  let at: unknown = values;
  for (const key of segments) {
    if (typeof at !== 'object' || at === null || Array.isArray(at) || !Object.hasOwn(at, key)) return false;
    at = Reflect.get(at, key);
  }
  return segments.length > 0;
}

/**
 * The form field a schema path or a desk `field` names, as a @mantine/form path: the longest tail of the
 * path the form's values hold. A flat form gets the last segment ("intake.memberEmail" → "memberEmail");
 * a form with nested values its nested path ("notices.feePayment.accountNumber" → "feePayment.accountNumber",
 * what `getInputProps('feePayment.accountNumber')` shows) — the input the contract wraps the values in
 * (`{ notices: values }`) falls away.
 */
export function fieldIn(values: object, path: readonly PropertyKey[] | string): string | null {
  const segments = typeof path === 'string' ? path.split('.') : path.map(String);
  for (let from = 0; from < segments.length; from++) {
    const tail = segments.slice(from);
    if (holds(values, tail)) return tail.join('.');
  }
  return null;
}


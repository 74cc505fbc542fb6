// What the command palette offers for the text typed: the case a reference names (read by the contract's
// caseReference, which folds full width and case), or the actions whose names hold the text.
import { caseReference } from '../../../electron/contract/index.ts';
import type { Route } from './routes.ts';

export interface PaletteItem {
  label: string;
  route: Route;
}

/** What the typed text offers: the case it names, or the actions whose names hold it (case and width folded). */
export function paletteItems(query: string, actions: PaletteItem[], openCase: (reference: string) => string): Array<PaletteItem & { key: string }> {
  const reference = caseReference.safeParse(query);
  if (reference.success) return [{ key: 'case', label: openCase(reference.data), route: { name: 'case', reference: reference.data } }];
  const q = query.normalize('NFKC').trim().toLowerCase();
  return actions.filter((a) => q === '' || a.label.normalize('NFKC').toLowerCase().includes(q)).map((a) => ({ ...a, key: a.label }));
}

// The staff a case can be assigned to (active accounts), for agents and supervisors alike.
import type { StaffMember } from '../../../electron/contract/index.ts';
import { useDeskQuery } from './deskQueries.ts';

export function useActiveAccounts(): StaffMember[] | null {
  return useDeskQuery('accounts.directory', {}).data ?? null;
}

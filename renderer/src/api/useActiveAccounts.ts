// The accounts a case can be assigned to. Only supervisors may list accounts (accounts.list); for an
// agent this is null and screens ask for a user name instead.
import { useEffect, useState } from 'react';
import type { Account, Role } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';

export function useActiveAccounts(role: Role): Account[] | null {
  const desk = useDesk();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  useEffect(() => {
    if (role !== 'supervisor') return;
    let current = true;
    void desk.accounts.list({}).then((r) => {
      if (current && r.ok) setAccounts(r.value.filter((a) => !a.disabled));
    });
    return () => {
      current = false;
    };
  }, [desk, role]);
  return role === 'supervisor' ? accounts : null;
}

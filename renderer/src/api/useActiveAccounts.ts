// The staff a case can be assigned to (active accounts), for agents and supervisors alike.
import { useEffect, useState } from 'react';
import type { Role, StaffMember } from '../../../electron/contract/index.ts';
import { useDesk } from './DeskProvider.tsx';

export function useActiveAccounts(role: Role): StaffMember[] | null {
  const desk = useDesk();
  const [accounts, setAccounts] = useState<StaffMember[] | null>(null);
  useEffect(() => {
    let current = true;
    void desk.accounts.directory({}).then((r) => {
      if (current && r.ok) setAccounts(r.value);
    });
    return () => {
      current = false;
    };
  }, [desk, role]);
  return accounts;
}

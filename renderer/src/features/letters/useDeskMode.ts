// Electron or browser mode, as the desk reports it (desk.status): Electron prints and saves PDFs itself;
// a browser uses its own print dialog. Null until known.
import { useEffect, useState } from 'react';
import type { DeskStatus } from '../../../../electron/contract/index.ts';
import { useDesk } from '../../api/DeskProvider.tsx';

export function useDeskMode(): DeskStatus['mode'] | null {
  const desk = useDesk();
  const [mode, setMode] = useState<DeskStatus['mode'] | null>(null);
  useEffect(() => {
    let current = true;
    void desk.desk.status({}).then((r) => {
      // A desk that cannot say is treated as a browser: its print path needs nothing from the desk.
      if (current) setMode(r.ok ? r.value.mode : 'browser');
    });
    return () => {
      current = false;
    };
  }, [desk]);
  return mode;
}

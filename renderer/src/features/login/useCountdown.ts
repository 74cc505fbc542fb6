import { useEffect, useState } from 'react';

/** Whole seconds left until a deadline set by start(); 0 when none is running. */
export function useCountdown() {
  const [remaining, setRemaining] = useState(0);
  const [deadline, setDeadline] = useState<number | null>(null);

  useEffect(() => {
    if (deadline === null) return;
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) setDeadline(null);
    };
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const start = (seconds: number) => {
    setRemaining(Math.ceil(seconds));
    setDeadline(Date.now() + seconds * 1000);
  };

  return { remaining, start };
}

// Locks the desk after a quiet spell. Activity is any input the person makes; we tell the desk about
// it (session.touch) at most every 30 s so its own idle timer agrees with ours without a request per
// mouse move. The idle time is the desk's setting, or — for the e2e tests, which cannot wait a whole
// minute — seconds from sessionStorage `privacyDesk.idleLockSeconds`. The override is re-read every
// tick so a test can set it after logging in. It can only shorten the desk's idle time, never lengthen or
// switch it off (and the desk locks itself on its own clock whatever the renderer does).
import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 30_000;
const ACTIVITY_GRANULARITY_MS = 1_000;
const TICK_MS = 1_000;
export const IDLE_OVERRIDE_KEY = 'privacyDesk.idleLockSeconds';

function idleLimitMs(idleLockMinutes: number): number {
  try {
    const override = Number(window.sessionStorage.getItem(IDLE_OVERRIDE_KEY));
    if (Number.isFinite(override) && override > 0) return Math.min(override * 1000, Math.max(1, idleLockMinutes) * 60_000);
  } catch {
    // No storage: use the desk's setting.
  }
  return Math.max(1, idleLockMinutes) * 60_000;
}

interface Options {
  idleLockMinutes: number;
  onIdle: () => void;
  /** Called at most every 30 s while the person is active. */
  onActiveTouch: () => void;
}

export function useIdleLock({ idleLockMinutes, onIdle, onActiveTouch }: Options) {
  const handlers = useRef({ onIdle, onActiveTouch });
  useEffect(() => {
    handlers.current = { onIdle, onActiveTouch };
  });

  useEffect(() => {
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    let fired = false;

    const activity = () => {
      const now = Date.now();
      if (now - lastActivity < ACTIVITY_GRANULARITY_MS) return;
      lastActivity = now;
      if (now - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = now;
        handlers.current.onActiveTouch();
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });

    // Compare clock times rather than counting ticks: background tabs and sleeping PCs skip ticks.
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - lastActivity >= idleLimitMs(idleLockMinutes)) {
        fired = true;
        handlers.current.onIdle();
      }
    }, TICK_MS);

    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
    };
  }, [idleLockMinutes]);
}

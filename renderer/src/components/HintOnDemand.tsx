// A hint (Mantine Tooltip) made only when someone points at or focuses its element. A queue page shows up
// to fifty legal marks and provisional flags; a Tooltip per badge set up floating-ui's hooks and its
// position state for each on every page turn, to show at most one of them. The trigger is the same element
// before and after (the tooltip attaches to it through `target`), so focus is never lost by the switch.
import { Tooltip } from '@mantine/core';
import { useEffect, useRef, useState, type FocusEvent, type MouseEvent, type ReactElement, type RefObject } from 'react';

/** What the trigger element must carry: its ref and the four events that open and close the hint. */
export interface HintTrigger<E extends HTMLElement> {
  ref: RefObject<E | null>;
  onMouseEnter: (e: MouseEvent<E>) => void;
  onMouseLeave: (e: MouseEvent<E>) => void;
  onFocus: (e: FocusEvent<E>) => void;
  onBlur: (e: FocusEvent<E>) => void;
}

export function HintOnDemand<E extends HTMLElement>({
  label,
  w,
  openDelay = 0,
  children,
}: {
  label: string;
  /** Width of a multi-line hint; without it the hint is one line. */
  w?: number;
  /** Milliseconds of pointing before it opens (focus opens it at once). */
  openDelay?: number;
  children: (trigger: HintTrigger<E>) => ReactElement;
}) {
  const ref = useRef<E>(null);
  // Made on first use and kept: opening it again later is then only a state change.
  const [made, setMade] = useState(false);
  const [opened, setOpened] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);
  const show = () => {
    cancel();
    setMade(true);
    setOpened(true);
  };
  const hide = () => {
    cancel();
    setOpened(false);
  };
  const point = () => {
    cancel();
    if (openDelay > 0) timer.current = setTimeout(show, openDelay);
    else show();
  };
  return (
    <>
      {children({ ref, onMouseEnter: point, onMouseLeave: hide, onFocus: show, onBlur: hide })}
      {made && <Tooltip target={ref} label={label} opened={opened} multiline={w !== undefined} w={w} withArrow />}
    </>
  );
}

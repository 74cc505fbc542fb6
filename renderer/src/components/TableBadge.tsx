// A badge for table cells: the look of Mantine's Badge (its colour variables, so the contrast fixes in
// global.css apply too) as one plain <span>. A queue page draws up to a hundred badges; Mantine's Badge
// resolves theme, style props and CSS variables per instance, which was most of a page turn's time.
import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import './table-badge.css';

export type TableBadgeVariant = 'light' | 'filled' | 'outline';

interface Props extends HTMLAttributes<HTMLSpanElement> {
  /** A Mantine palette name (red, teal, gray, …). */
  color: string;
  variant?: TableBadgeVariant;
  size?: 'xs' | 'sm' | 'md';
  ref?: Ref<HTMLSpanElement>;
  [data: `data-${string}`]: string | number | boolean | undefined;
}

const paint = (color: string, variant: TableBadgeVariant): CSSProperties =>
  variant === 'filled'
    ? { background: `var(--mantine-color-${color}-filled)`, color: 'var(--mantine-color-white)' }
    : variant === 'outline'
      ? { color: `var(--mantine-color-${color}-outline)`, borderColor: `var(--mantine-color-${color}-outline)` }
      : { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` };

export function TableBadge({ color, variant = 'light', size = 'md', className, style, ...rest }: Props) {
  return <span className={className ? `table-badge ${className}` : 'table-badge'} data-size={size} style={{ ...paint(color, variant), ...style }} {...rest} />;
}

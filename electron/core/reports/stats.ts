// The two order statistics the report prints. Written out so a supervisor can check them by hand:
// the median of an even count is the mean of the two middle values; the 90th percentile is the
// nearest-rank one (the smallest value with at least 90 % of the cases at or below it).

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1]!;
}

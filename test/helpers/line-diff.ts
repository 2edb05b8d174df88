/** The one contiguous region where two texts differ, by lines (common prefix and suffix removed). */
export interface LineChange {
  readonly removed: string[];
  readonly added: string[];
  readonly at: number;
}

export function lineChange(before: string, after: string): LineChange {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB), at: start + 1 };
}

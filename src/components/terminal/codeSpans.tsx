import type { ReactNode } from 'react';

/** A text with `code` between backticks, as React nodes: the code parts in <code>. */
export function codeSpans(text: string): ReactNode[] {
  return text.split('`').map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part));
}

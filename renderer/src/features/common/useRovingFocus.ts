// Roving focus for a list of rows (the WAI-ARIA pattern): the list is one Tab stop, on the current
// row's main button (the open source, the last row used, else the first); Up/Down/Home/End move
// between rows, Left/Right between the buttons of one row. Keyboard users cross a list of 200
// sources with one Tab instead of 200.
import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The control that stands for a row: its main button, or its first enabled control when that one is disabled. */
function stopOf(row: HTMLElement, mainSelector: string): HTMLElement | undefined {
  const controls = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
  return controls.find((el) => el.matches(mainSelector)) ?? controls[0];
}

/** Makes `row`'s stop the list's one Tab stop (`isStop`) or takes every control of the row out of the Tab order. */
function setStops(row: HTMLElement, isStop: boolean, mainSelector: string): void {
  const stop = isStop ? stopOf(row, mainSelector) : undefined;
  for (const el of row.querySelectorAll<HTMLElement>(FOCUSABLE)) el.tabIndex = el === stop ? 0 : -1;
}

export interface RovingFocus {
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(event: FocusEvent<HTMLElement>): void;
}

/**
 * `list`: the list element; `rowSelector`: its rows; `mainSelector`: the button that stands for a
 * row (what Tab lands on); `currentSelector`: the row to start on when none was used yet.
 */
export function useRovingFocus(list: RefObject<HTMLElement | null>, rowSelector: string, mainSelector: string, currentSelector?: string): RovingFocus {
  const last = useRef<number>(-1);

  // After every render: one Tab stop in the whole list.
  useLayoutEffect(() => {
    const root = list.current;
    if (!root) return;
    const rows = [...root.querySelectorAll<HTMLElement>(rowSelector)];
    const current = currentSelector ? rows.findIndex((r) => r.matches(currentSelector)) : -1;
    const at = last.current >= 0 && last.current < rows.length ? last.current : Math.max(0, current);
    rows.forEach((row, i) => setStops(row, i === at, mainSelector));
  });

  const rowsOf = (): HTMLElement[] => [...(list.current?.querySelectorAll<HTMLElement>(rowSelector) ?? [])];

  return {
    onFocus(event) {
      const index = rowsOf().findIndex((r) => r.contains(event.target as Node));
      if (index < 0) return;
      last.current = index;
      // The focused row becomes the list's Tab stop.
      rowsOf().forEach((row, i) => setStops(row, i === index, mainSelector));
    },
    onKeyDown(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const rows = rowsOf();
      const at = rows.findIndex((r) => r.contains(event.target as Node));
      if (at < 0) return;
      const focusRow = (i: number): void => {
        const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
        if (row) stopOf(row, mainSelector)?.focus();
        row?.scrollIntoView({ block: 'nearest' });
      };
      if (event.key === 'ArrowDown') focusRow(at + 1);
      else if (event.key === 'ArrowUp') focusRow(at - 1);
      else if (event.key === 'Home') focusRow(0);
      else if (event.key === 'End') focusRow(rows.length - 1);
      else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const inRow = [...rows[at]!.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const here = inRow.indexOf(event.target as HTMLElement);
        const next = inRow[here + (event.key === 'ArrowRight' ? 1 : -1)];
        if (!next) return;
        next.focus();
      } else return;
      event.preventDefault();
    },
  };
}

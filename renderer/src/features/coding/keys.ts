// Which keys the read-only document accepts. It is contenteditable only to give a caret for
// keyboard selection; anything that would edit the text is refused.

const NAVIGATION = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'F5', 'F12']);
const ALLOWED_WITH_MODIFIER = new Set(['c', 'a', 'C', 'A', 'Insert']);

export function isNavigationKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  if (NAVIGATION.has(event.key)) return true;
  if ((event.ctrlKey || event.metaKey) && ALLOWED_WITH_MODIFIER.has(event.key)) return true;
  return false;
}

/** Keys that extend or move a selection from the keyboard (the menu must not steal focus then). */
export function isSelectionKey(key: string): boolean {
  return key.startsWith('Arrow') || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown' || key === 'Shift';
}

/** 1–9 as a number, or null. */
export function shortcutDigit(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): number | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return /^[1-9]$/.test(event.key) ? Number(event.key) : null;
}

/** A single printable character typed without Ctrl/Meta (starts a code-menu filter). */
export function isPrintable(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey;
}

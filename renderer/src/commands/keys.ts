// Shortcut strings ("Mod+Shift+Z", "Ctrl+Y", "?") matched against key presses, shown for the
// platform, and turned into Electron accelerators. `Mod` is Cmd on a Mac and Ctrl elsewhere; both
// are accepted when matching, as the browser build cannot know which one the user reaches for.

export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

interface Parsed {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(shortcut: string): Parsed {
  const parts = shortcut.split('+');
  // "Mod++" would name the plus key; no command uses it, so a plain split is enough.
  const key = parts.pop() ?? '';
  return {
    mod: parts.includes('Mod'),
    ctrl: parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.toLowerCase(),
  };
}

export function matchesShortcut(event: KeyPress, shortcut: string): boolean {
  const want = parse(shortcut);
  if (event.altKey !== want.alt) return false;
  if (want.mod) {
    if (!(event.ctrlKey || event.metaKey)) return false;
  } else if (want.ctrl) {
    if (!event.ctrlKey || event.metaKey) return false;
  } else if (event.ctrlKey || event.metaKey) {
    return false;
  }
  // A shifted symbol ("?") arrives as its own key: Shift is part of typing it, not a modifier.
  const symbol = want.key.length === 1 && !/[a-z0-9]/.test(want.key);
  if (!symbol && event.shiftKey !== want.shift) return false;
  return event.key.toLowerCase() === want.key;
}

export function isMacPlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /mac|iphone|ipad/i.test(platform) || platform === 'darwin';
}

/** The shortcut as a user reads it: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function formatShortcut(shortcut: string, mac = isMacPlatform()): string {
  const p = parse(shortcut);
  const key = p.key.length === 1 ? p.key.toUpperCase() : p.key.charAt(0).toUpperCase() + p.key.slice(1);
  if (mac) return `${p.ctrl ? '⌃' : ''}${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${p.mod ? '⌘' : ''}${key}`;
  return [p.mod || p.ctrl ? 'Ctrl' : '', p.alt ? 'Alt' : '', p.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** The shortcut in `aria-keyshortcuts` syntax ("Control+Shift+Z"). */
export function ariaShortcut(shortcut: string, mac = isMacPlatform()): string {
  const p = parse(shortcut);
  const key = p.key.length === 1 ? p.key.toUpperCase() : p.key;
  return [p.mod ? (mac ? 'Meta' : 'Control') : p.ctrl ? 'Control' : '', p.alt ? 'Alt' : '', p.shift ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

/** The shortcut as an Electron accelerator ("CmdOrCtrl+Shift+Z"). */
export function acceleratorOf(shortcut: string): string {
  const p = parse(shortcut);
  const key = p.key.length === 1 ? p.key.toUpperCase() : p.key.charAt(0).toUpperCase() + p.key.slice(1);
  return [p.mod ? 'CmdOrCtrl' : p.ctrl ? 'Ctrl' : '', p.alt ? 'Alt' : '', p.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Whether a key press lands in a place where typing belongs (and so must not run plain-key commands). */
export function inTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

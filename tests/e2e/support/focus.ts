// Where keyboard focus is, for the tests that check it comes back where it came from after a
// dialog or popover closes: a short description of the focused element, or "the invoker" when it
// is the element the test expects, so a failure says where focus went instead.
import type { Locator } from 'playwright-core';

/** "the invoker" when `invoker` has focus, else what has it (tag, role, name, text). */
export function focusOn(invoker: Locator): Promise<string> {
  return invoker.evaluate((el) => {
    const now = document.activeElement;
    if (now === el) return 'the invoker';
    if (now === null || now === document.body) return 'the page body';
    const label = now.getAttribute('aria-label') ?? now.textContent?.trim().slice(0, 40) ?? '';
    return `<${now.tagName.toLowerCase()}${now.getAttribute('role') ? ` role=${now.getAttribute('role')}` : ''}> “${label}”${now.isConnected ? '' : ' (removed)'}`;
  });
}

/** "the invoker" when focus is inside `invoker` (a region such as the document). */
export function focusWithin(invoker: Locator): Promise<string> {
  return invoker.evaluate((el) => {
    const now = document.activeElement;
    if (now !== null && el.contains(now)) return 'the invoker';
    if (now === null || now === document.body) return 'the page body';
    return `<${now.tagName.toLowerCase()}> “${(now.getAttribute('aria-label') ?? now.textContent ?? '').trim().slice(0, 40)}”`;
  });
}

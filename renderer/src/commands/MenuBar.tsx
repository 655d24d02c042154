// The browser build's menu bar (Electron shows the same commands in its native menu): the ARIA
// menubar pattern. Arrows move along the bar and through a menu, Home/End jump, Enter/Space run,
// a letter jumps to the next item starting with it, Escape closes the menu and then gives focus
// back to where it was; Alt or F10 moves to the bar from anywhere.
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MENUS } from './catalogue';
import { ariaShortcut, formatShortcut } from './keys';
import type { Command } from './registry';
import { useCommands } from './useCommands';

export function MenuBar() {
  const commands = useCommands();
  const menus = MENUS.map((name) => ({ name, items: commands.filter((c) => c.menu === name) }));
  const [bar, setBar] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const barItems = useRef<Array<HTMLButtonElement | null>>([]);
  const menuItems = useRef<Array<HTMLLIElement | null>>([]);
  /** Where focus was before the bar took it, to give it back on Escape or after a command. */
  const returnTo = useRef<HTMLElement | null>(null);

  const remember = (): void => {
    const current = document.activeElement;
    if (current instanceof HTMLElement && !root.current?.contains(current)) returnTo.current = current;
  };
  const giveBack = (): void => {
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
  };

  const focusBar = (index: number): void => {
    setBar(index);
    barItems.current[index]?.focus();
  };
  const openMenu = (index: number, at: 'first' | 'last'): void => {
    remember();
    setBar(index);
    setOpen(index);
    setActive(at === 'first' ? 0 : menus[index]!.items.length - 1);
  };
  const closeMenu = (): void => {
    setOpen(null);
    barItems.current[bar]?.focus();
  };
  const leave = (): void => {
    setOpen(null);
    giveBack();
  };
  const runItem = (command: Command): void => {
    if (!command.enabled) return;
    setOpen(null);
    // Focus goes back first, so a dialog the command opens returns it there when it closes.
    giveBack();
    command.run();
  };

  // Focus follows the active item while a menu is open. A layout effect, run as the render is
  // committed: as a passive effect, one left over from a pointer move could run after a click had
  // already run the item and given focus back, pull it into the closing menu, and lose it with it
  // (the dialog the item opened then had nowhere to give focus back to).
  useLayoutEffect(() => {
    if (open !== null) menuItems.current[active]?.focus();
  }, [open, active]);

  // Alt (pressed and released alone) or F10 moves to the bar; a click elsewhere closes a menu.
  useEffect(() => {
    let altAlone = false;
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      altAlone = event.key === 'Alt' && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if (event.key === 'F10' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
        event.preventDefault();
        enter();
      }
    };
    const onKeyUp = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Alt' || !altAlone) return;
      altAlone = false;
      event.preventDefault();
      if (root.current?.contains(document.activeElement)) leave();
      else enter();
    };
    const onPointerDown = (event: PointerEvent): void => {
      if (root.current?.contains(event.target as Node)) return;
      setOpen(null);
      // The user went elsewhere: that is where focus belongs now.
      returnTo.current = null;
    };
    const enter = (): void => {
      remember();
      barItems.current[0]?.focus();
      setBar(0);
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('pointerdown', onPointerDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('pointerdown', onPointerDown);
    };
    // `leave` only reads refs and setters, which are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const step = (from: number, by: number, length: number): number => (from + by + length) % length;

  const onBarKey = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const n = menus.length;
    const keys: Record<string, () => void> = {
      ArrowRight: () => focusBar(step(index, 1, n)),
      ArrowLeft: () => focusBar(step(index, -1, n)),
      Home: () => focusBar(0),
      End: () => focusBar(n - 1),
      ArrowDown: () => openMenu(index, 'first'),
      Enter: () => openMenu(index, 'first'),
      ' ': () => openMenu(index, 'first'),
      ArrowUp: () => openMenu(index, 'last'),
      Escape: leave,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>, index: number): void => {
    const items = menus[index]!.items;
    const n = items.length;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((a) => step(a, 1, n)),
      ArrowUp: () => setActive((a) => step(a, -1, n)),
      Home: () => setActive(0),
      End: () => setActive(n - 1),
      Enter: () => runItem(items[active]!),
      ' ': () => runItem(items[active]!),
      Escape: closeMenu,
      ArrowRight: () => openMenu(step(index, 1, menus.length), 'first'),
      ArrowLeft: () => openMenu(step(index, -1, menus.length), 'first'),
      Tab: leave,
    };
    const action = keys[event.key];
    event.stopPropagation();
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    // Type-ahead: a letter moves to the next item whose label starts with it.
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const letter = event.key.toLowerCase();
      for (let k = 1; k <= n; k++) {
        const at = (active + k) % n;
        if (items[at]!.label.toLowerCase().startsWith(letter)) {
          setActive(at);
          break;
        }
      }
      event.preventDefault();
    }
  };

  return (
    <div ref={root} role="menubar" aria-label="Application menu" className="menu-bar">
      {menus.map((menu, index) => (
        <div key={menu.name} className="menu-bar-entry">
          <button
            ref={(el) => {
              barItems.current[index] = el;
            }}
            type="button"
            role="menuitem"
            id={`menu-${menu.name}`}
            aria-haspopup="menu"
            aria-expanded={open === index}
            tabIndex={index === bar ? 0 : -1}
            className="menu-bar-item"
            // Pointer down comes before the button takes focus: remember where focus was.
            onPointerDown={remember}
            onClick={() => (open === index ? closeMenu() : openMenu(index, 'first'))}
            onPointerEnter={() => {
              // Moving along the bar with a menu open opens the menu under the pointer.
              if (open !== null && open !== index) openMenu(index, 'first');
            }}
            onKeyDown={(e) => onBarKey(e, index)}
          >
            {menu.name}
          </button>
          {open === index && (
            <ul role="menu" aria-labelledby={`menu-${menu.name}`} className="menu-popup" onKeyDown={(e) => onMenuKey(e, index)}>
              {menu.items.map((command, at) => (
                <Fragment key={command.id}>
                  {at > 0 && menu.items[at - 1]!.group !== command.group && <li role="separator" className="menu-separator" />}
                  <li
                    ref={(el) => {
                      menuItems.current[at] = el;
                    }}
                    role={command.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    aria-checked={command.checked}
                    tabIndex={-1}
                    aria-disabled={command.enabled ? undefined : true}
                    aria-keyshortcuts={command.shortcut ? ariaShortcut(command.shortcut) : undefined}
                    className="menu-item"
                    onClick={() => runItem(command)}
                    onPointerMove={() => {
                      if (active !== at) setActive(at);
                    }}
                  >
                    <span className="menu-item-label">{command.label}</span>
                    {command.shortcut && (
                      <span className="menu-item-shortcut" aria-hidden="true">
                        {formatShortcut(command.shortcut)}
                      </span>
                    )}
                  </li>
                </Fragment>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}

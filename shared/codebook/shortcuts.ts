// Pinned digit shortcuts: the keys 1–9 apply the code that holds the digit. A digit is stored on
// the code (`Code.shortcut`), so adding, moving or deleting other codes never renumbers the keys
// a coder has in their fingers. Projects from before pinning (and imported codebooks) have no pins;
// there the first nine codable codes in tree order answer, and the first change that pins a digit
// pins those too, in the same step, so nothing moves under the coder's hands.
import type { Code } from '../model/types';
import { isCodableCode } from './folder';

export const SHORTCUT_DIGITS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function isShortcutDigit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9;
}

/** Which digit applies which code. `ordered`: the codebook in tree order (flattenTree). */
export function shortcutMap(ordered: readonly Code[]): Map<string, number> {
  const map = new Map<string, number>();
  const codable = ordered.filter(isCodableCode);
  if (codable.some((c) => isShortcutDigit(c.shortcut))) {
    for (const code of codable) if (isShortcutDigit(code.shortcut)) map.set(code.id, code.shortcut);
    return map;
  }
  for (const code of codable.slice(0, SHORTCUT_DIGITS.length)) map.set(code.id, map.size + 1);
  return map;
}

/** The code a digit applies, if any. */
export function codeForDigit(ordered: readonly Code[], digit: number): Code | undefined {
  const map = shortcutMap(ordered);
  for (const code of ordered) if (map.get(code.id) === digit) return code;
  return undefined;
}

/** Code records to update: each code's record before and after. */
export type CodeUpdates = Array<[before: Code, after: Code]>;

/** Collects updates so a code changed twice in one plan appears once, from its first state to its last. */
class Updates {
  private readonly changed = new Map<string, [Code, Code]>();
  constructor(private readonly byId: ReadonlyMap<string, Code>) {}
  current(id: string): Code {
    return this.changed.get(id)?.[1] ?? this.byId.get(id)!;
  }
  set(id: string, next: Code): void {
    const before = this.changed.get(id)?.[0] ?? this.byId.get(id)!;
    this.changed.set(id, [before, next]);
  }
  list(): CodeUpdates {
    return [...this.changed.values()].filter(([before, after]) => before.shortcut !== after.shortcut);
  }
}

function withShortcut(code: Code, digit: number | null): Code {
  const { shortcut: _old, ...rest } = code;
  return digit === null ? rest : { ...rest, shortcut: digit };
}

/** Pins the digits of a project that has none yet (the tree-order fallback), so they stay put. */
function materialise(ordered: readonly Code[], updates: Updates): void {
  if (ordered.some((c) => isShortcutDigit(c.shortcut))) return;
  for (const [id, digit] of shortcutMap(ordered)) updates.set(id, withShortcut(updates.current(id), digit));
}

/**
 * What creating `code` changes: the existing codes' digits pinned (if they were not yet), and the
 * lowest free digit for the new code when it is codable and one is free.
 */
export function planShortcutForNewCode(ordered: readonly Code[], code: Code): { code: Code; pins: CodeUpdates } {
  const updates = new Updates(new Map(ordered.map((c) => [c.id, c])));
  materialise(ordered, updates);
  const taken = new Set(ordered.map((c) => updates.current(c.id).shortcut).filter(isShortcutDigit));
  const free = SHORTCUT_DIGITS.find((d) => !taken.has(d));
  const next = isCodableCode(code) && free !== undefined ? withShortcut(code, free) : withShortcut(code, null);
  return { code: next, pins: updates.list() };
}

/**
 * Gives `digit` to the code (null takes its digit away). The code that held the digit loses it;
 * the other codes keep theirs. Refused (clear message) for a folder or a digit outside 1–9.
 */
export function planAssignShortcut(ordered: readonly Code[], codeId: string, digit: number | null): CodeUpdates {
  const byId = new Map(ordered.map((c) => [c.id, c]));
  const code = byId.get(codeId);
  if (!code) throw new Error('That code no longer exists.');
  if (digit !== null && !isShortcutDigit(digit)) throw new Error(`“${String(digit)}” is not a shortcut: choose a digit from 1 to 9.`);
  if (digit !== null && !isCodableCode(code)) throw new Error(`“${code.name}” is a folder: it is never applied to text, so it cannot have a shortcut.`);
  const updates = new Updates(byId);
  materialise(ordered, updates);
  if (digit !== null) {
    for (const other of ordered) {
      if (other.id !== codeId && updates.current(other.id).shortcut === digit) updates.set(other.id, withShortcut(updates.current(other.id), null));
    }
  }
  updates.set(codeId, withShortcut(updates.current(codeId), digit));
  return updates.list();
}

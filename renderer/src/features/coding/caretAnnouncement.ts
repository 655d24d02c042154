// What a screen reader hears when the caret moves into coded text: "coded Distrust of China,
// Tariffs" (innermost code first), said once per change of the codes under the caret.
import type { Code, CodingSpan } from '../../../../shared/model/types';

/** The names of the codes covering the caret, without repeats, innermost first. */
export function codesUnderCaret(codings: readonly CodingSpan[], codesById: ReadonlyMap<string, Pick<Code, 'name'>>): string[] {
  const names: string[] = [];
  for (const coding of codings) {
    const name = codesById.get(coding.codeId)?.name;
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The sentence to announce, or null when nothing needs saying (no change, or left coded text). */
export function caretAnnouncement(previous: readonly string[], current: readonly string[]): string | null {
  if (current.length === 0) return previous.length === 0 ? null : 'not coded';
  if (previous.length === current.length && previous.every((name, i) => name === current[i])) return null;
  return `coded ${current.join(', ')}`;
}

// The rule for a code's name wherever one enters the codebook (typed, imported, merged): the same
// rule the renderer's `cleanName` applies, so an imported name is one the app could have typed.

/** Longest name the app accepts for a code. Matches renderer/src/db/operations/names.ts. */
export const MAX_CODE_NAME_LENGTH = 200;

/** Whitespace runs (including line breaks) collapsed to one space, ends trimmed. */
export function cleanCodeName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

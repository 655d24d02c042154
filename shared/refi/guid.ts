// REFI-QDA GUIDs and Marginalia ids are the same thing (a code's id is its GUID), but files in the
// wild write them upper-case or in braces: one canonical form makes them comparable.

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/**
 * The lower-case, brace-free form of a GUID (`{ABCD…}` → `abcd…`), or null when `raw` is not
 * one. Unbalanced braces are tolerated: they carry no meaning, only the hex digits do.
 */
export function normaliseGuid(raw: string): string | null {
  const match = GUID.exec(raw.trim());
  return match ? match[1]!.toLowerCase() : null;
}

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a GUID already in canonical form (lower case, no braces): the common case, checked cheaply. */
export function isCanonicalGuid(text: string): boolean {
  return CANONICAL.test(text);
}

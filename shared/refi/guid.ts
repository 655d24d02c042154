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

/** True for a GUID already in canonical form (lower case, no braces): the common case, checked cheaply (once per coding on a big project, so no regular expression). */
export function isCanonicalGuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

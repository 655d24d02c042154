// Text inside XML we write (REFI-QDA files, the XML parts of .xlsx): XML 1.0 forbids most control
// characters and unpaired surrogates outright, even escaped, so they are removed; the rest is
// escaped so that a reader gets back exactly the string we had.

// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters XML 1.0 cannot carry. */
export function stripXmlForbidden(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '');
}

/** Anything that needs stripping or escaping; most attribute values (GUIDs, dates) have none. */
// eslint-disable-next-line no-control-regex -- control characters are what XML 1.0 forbids
const NEEDS_WORK = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Element content. A carriage return is written as a reference because XML readers turn a literal
 * one (alone or before a line feed) into a line feed.
 */
export function escapeXmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values (double-quoted): tabs and line breaks as references, or readers turn them into spaces. */
export function escapeXmlAttribute(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return stripXmlForbidden(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

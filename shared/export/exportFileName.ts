// The file name an export suggests in the save dialog, built from the project's name: whatever
// the name holds (slashes, control or bidi characters, emoji cut in half, 500 characters), the
// result is one plain file name that main's save-file validator (shared/ipc/requestSchemas) takes.

const MAX_BASE_LENGTH = 80; // code points; the validator allows 200 for the whole name

// Characters no OS allows in a name (or that mean a path), and C0 controls.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;
// Bidi controls could make "notes\u202Etxt.exe" read as another extension in the save dialog.
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// A surrogate without its partner cannot be written to a file system as UTF-8/UTF-16 text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A name cleaned of everything above and cut to MAX_BASE_LENGTH code points; `fallback` when nothing is left. */
function plainBase(name: string, fallback: string): string {
  const cleaned = name
    .replace(LONE_SURROGATE, '')
    .replace(BIDI_CONTROLS, '')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by code points, so an emoji at the edge is kept whole or dropped, never halved.
  return Array.from(cleaned).slice(0, MAX_BASE_LENGTH).join('').trim() || fallback;
}

/** e.g. `exportFileName('Interviews 2024', 'codebook', 'qdc')` → "Interviews 2024 - codebook.qdc". */
export function exportFileName(projectName: string, suffix: string, extension = 'csv'): string {
  return `${plainBase(projectName, 'project')} - ${suffix}.${extension}`;
}

/**
 * The name a source's original file is saved under: the source's name (which is the imported
 * file's, unless renamed) with the original's extension, e.g. `Interview 3.docx`.
 */
export function originalFileName(sourceName: string, extension: string): string {
  const suffix = `.${extension}`;
  const stem = sourceName.toLowerCase().endsWith(suffix) ? sourceName.slice(0, -suffix.length) : sourceName;
  return `${plainBase(stem, 'original')}${suffix}`;
}

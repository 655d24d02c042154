// Spotting a file that is already in the project before it is imported again: the same name (as
// the file system would show it, case ignored) or the same text (by a content hash, confirmed by
// comparing the texts). Sources of another length cannot hold the same text, so only those of
// equal length need their text read.

export interface ExistingSource {
  id: string;
  name: string;
  /** Length of the stored text in UTF-16 units. */
  length: number;
}

export type DuplicateKind = 'name' | 'text' | 'name-and-text';

export interface Duplicate {
  sourceId: string;
  sourceName: string;
  kind: DuplicateKind;
}

/** FNV-1a (32 bits) over the UTF-16 units: a quick fingerprint of a text, as 8 hex digits. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** The sources whose text must be read to check a file of `textLength` named `name`. */
export function sourcesToCompare(name: string, textLength: number, sources: readonly ExistingSource[]): ExistingSource[] {
  return sources.filter((s) => s.length === textLength || sameName(s.name, name));
}

/**
 * The closest duplicate of a file among `sources` (given with their texts): same name and text
 * first, then same text, then same name; null when the file is new to the project.
 */
export function findDuplicate(
  name: string,
  text: string,
  sources: ReadonlyArray<ExistingSource & { text: string | undefined }>,
): Duplicate | null {
  const hash = contentHash(text);
  let best: Duplicate | null = null;
  const rank: Record<DuplicateKind, number> = { 'name-and-text': 3, text: 2, name: 1 };
  for (const source of sources) {
    const textMatches = source.text !== undefined && source.length === text.length && contentHash(source.text) === hash && source.text === text;
    const nameMatches = sameName(source.name, name);
    const kind: DuplicateKind | null = textMatches && nameMatches ? 'name-and-text' : textMatches ? 'text' : nameMatches ? 'name' : null;
    if (kind && (!best || rank[kind] > rank[best.kind])) best = { sourceId: source.id, sourceName: source.name, kind };
  }
  return best;
}

/** The warning as the import dialog says it. */
export function describeDuplicate(duplicate: Duplicate): string {
  switch (duplicate.kind) {
    case 'name-and-text':
      return `This file is already in the project: “${duplicate.sourceName}” has the same name and the same text.`;
    case 'text':
      return `The same text is already in the project, as “${duplicate.sourceName}”.`;
    case 'name':
      return `A source named “${duplicate.sourceName}” is already in the project (with different text).`;
  }
}

// Find in a source's text: every match of a literal query, case-insensitive, as UTF-16 spans.
// A regular expression with the `iu` flags (not lower-casing) keeps offsets exact for letters
// whose lower case has another length, such as "İ".

export interface TextMatch {
  start: number;
  end: number;
}

/** Enough for any reading task; beyond it the count says "10,000+". */
export const MAX_MATCHES = 10_000;

export function findAll(text: string, query: string, limit: number = MAX_MATCHES): TextMatch[] {
  if (query === '') return [];
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    matches.push({ start: match.index, end: match.index + match[0].length });
    if (matches.length >= limit) break;
  }
  return matches;
}

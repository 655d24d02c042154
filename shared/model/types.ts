// The types of a project, in the user's vocabulary. Every entity has a UUID id.

/** A research project: the unit the user opens, exports and deletes. */
export interface Project {
  id: string;
  name: string;
  createdAt: string; // ISO 8601
  updatedAt: string; // ISO 8601
}

/** A source's metadata. Its text lives apart (SourceText) so lists stay cheap. */
export interface Source {
  id: string;
  projectId: string;
  name: string;
  /** Length of the normalised text in UTF-16 code units. */
  length: number;
  /** How the original bytes were decoded, e.g. "UTF-8", "UTF-8 with BOM". */
  encoding: string;
  /** Size of the imported file in bytes. */
  byteSize: number;
  importedAt: string;
  /** Order in the source list. */
  order: number;
  /** The file format it was imported from ("text", "pdf", "docx"…); absent for sources stored before formats. */
  format?: string;
  /**
   * For paged formats (PDF): the UTF-16 offset in the text where each page starts, in page
   * order, so a segment can cite its page ("p. 12"). Absent for formats without pages.
   */
  pageStarts?: number[];
}

/**
 * The normalised plain text of a source. Written once on import and never changed: every
 * offset in the project (codings, memos, exports) refers to exactly this string.
 */
export interface SourceText {
  sourceId: string;
  projectId: string;
  text: string;
}

/**
 * The file a source was imported from, byte for byte (a .docx, .pdf, .odt, .rtf, .html, .md,
 * .txt…), so a researcher can get it back and a .qdpx carries it beside the plain text
 * (REFI-QDA `richTextPath`). Added with its source and removed with it, never updated. Only
 * saving a project file, exporting the original and deleting the source read it: it can be
 * megabytes, so no view, export or analysis loads it.
 */
export interface SourceOriginal {
  sourceId: string;
  projectId: string;
  /** The file's extension, lower case, without the dot ("docx"): names it in a .qdpx and on export. */
  extension: string;
  bytes: Uint8Array;
}

/** A code in the hierarchical codebook. `parentId` null means a top-level code. */
export interface Code {
  id: string;
  projectId: string;
  parentId: string | null;
  name: string;
  description: string;
  /** `#rrggbb` from the palette (or any hex the user picked). */
  color: string;
  /** Order among siblings, ascending. */
  order: number;
  createdAt: string;
  /**
   * False for a folder that groups codes but cannot be applied to text (REFI-QDA
   * `isCodable="false"`). Absent means true, so codes stored before this field existed stay codable.
   */
  isCodable?: boolean;
  /** When to apply the code (part of its definition). */
  inclusion?: string;
  /** When not to apply it, typically pointing to the code to use instead. */
  exclusion?: string;
  /** A coding of this code chosen as its typical example; null or absent when none is chosen. */
  exampleCodingId?: string | null;
  /** Free notes on the code that are not part of its definition. */
  memo?: string;
  /**
   * The digit (1–9) that applies the code in the document, pinned to the code so adding or moving
   * codes never renumbers it (see shared/codebook/shortcuts.ts). At most one code holds each digit.
   */
  shortcut?: number;
}

/**
 * A named group of codes that cuts across the hierarchy (REFI-QDA `<Set>` with `<MemberCode>`s):
 * a code can belong to any number of sets, and a set's members can sit anywhere in the tree.
 */
export interface CodeSet {
  id: string;
  projectId: string;
  name: string;
  description: string;
  /** Member code ids, in the order the user added them. */
  codeIds: string[];
}

/**
 * One code applied to one span of one source.
 * `start`/`end` are UTF-16 code unit offsets (what JavaScript strings index) into the source's
 * normalised text, end exclusive. They are converted to Unicode code points only at file
 * boundaries (CSV, REFI-QDA) by `shared/text/offsets`.
 * `exact`/`prefix`/`suffix` are the W3C TextQuote selector: the coded text and up to 32 code
 * units of context either side, so a coding can be re-anchored if positions ever drift.
 */
export interface Coding {
  id: string;
  projectId: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  coder: string;
  createdAt: string;
}

/**
 * A coding as the document view paints it: place, code, id and coder, without the quote
 * selectors (three quarters of a coding's size; the view has the text itself).
 */
export type CodingSpan = Pick<Coding, 'id' | 'sourceId' | 'codeId' | 'start' | 'end' | 'coder'>;

export type MemoTargetKind = 'project' | 'source' | 'code' | 'coding' | 'case';

/** A memo: the project journal (target kind 'project') or a note attached to one thing. */
export interface Memo {
  id: string;
  projectId: string;
  targetKind: MemoTargetKind;
  /** Id of the source/code/coding/case, or the project id for the journal. */
  targetId: string;
  title: string;
  body: string; // Markdown
  author: string;
  createdAt: string;
  updatedAt: string;
}

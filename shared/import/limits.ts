// The limits of import, as constants the import dialog can state ("up to 50 MB") and the
// parsers enforce. One place, so what the UI promises and what the code refuses never drift.

const MB = 1024 * 1024;

export type ImportFormat = 'text' | 'html' | 'rtf' | 'docx' | 'odt' | 'pdf' | 'csv' | 'xlsx';

/**
 * Largest file accepted per format, checked against the size the host reports before it reads
 * any bytes. PDFs get more room because embedded fonts and images carry little text.
 */
export const MAX_FILE_BYTES: Readonly<Record<ImportFormat, number>> = {
  text: 50 * MB,
  html: 50 * MB,
  rtf: 50 * MB,
  docx: 50 * MB,
  odt: 50 * MB,
  pdf: 100 * MB,
  csv: 50 * MB,
  xlsx: 50 * MB,
};

/** The largest limit of all: a host can refuse anything bigger before it knows the format. */
export const MAX_ANY_FILE_BYTES = Math.max(...Object.values(MAX_FILE_BYTES));

/**
 * Zip containers (.docx, .odt, .xlsx). A zip bomb is a small file that inflates to gigabytes;
 * these bounds refuse one from its directory, before anything is inflated, and cap what is
 * actually inflated in case the directory lies.
 */
export const ZIP_LIMITS = {
  /** Most entries an office document plausibly has. */
  maxEntries: 10_000,
  /** Total uncompressed size of every entry together. */
  maxTotalUncompressedBytes: 256 * MB,
  /**
   * Highest compression ratio allowed for an entry larger than `ratioCheckMinBytes`. Real
   * document XML compresses about 5–20:1; deflate tops out near 1032:1, which bombs use.
   */
  maxEntryRatio: 100,
  ratioCheckMinBytes: 1 * MB,
} as const;

/** Spreadsheets: the mapping step previews rows; more than this is not a survey. */
export const SURVEY_LIMITS = {
  maxRows: 100_000,
  maxColumns: 500,
  /** Rows × columns a workbook sheet may span (a reader allocates the whole rectangle). */
  maxCells: 10_000_000,
} as const;

/**
 * The most text one source may hold, in UTF-16 code units (what JavaScript strings count). Any
 * 50 MB text file fits; a file that expands past it (an .odt repeating one space 500 million
 * times) is refused by counting as it is read, before the text exists.
 */
export const MAX_SOURCE_CHARS = 60_000_000;

/**
 * Largest repetition count honoured in a document (ODF's `<text:s text:c="n"/>` for n spaces).
 * Real documents repeat a few dozen spaces; more is cut to this and the user is told.
 */
export const MAX_REPEAT_COUNT = 1_000;

/** Codebook files (CSV, .qdc, bare .qde); a .qdpx archive may be larger, it carries its sources. */
export const CODEBOOK_LIMITS = {
  maxCodebookBytes: 20 * MB,
  maxArchiveBytes: 500 * MB,
  /** The project file (.qde) inside an archive, inflated: codings make it large, never this large. */
  maxProjectFileBytes: 256 * MB,
} as const;

/** The reason for a source whose text is longer than MAX_SOURCE_CHARS. */
export function tooMuchTextReason(): string {
  return `This file holds more than ${MAX_SOURCE_CHARS.toLocaleString('en')} characters of text, the most one source can hold. Split it into smaller files.`;
}

/** Custom split patterns stop after this many matches so a pattern like `.` cannot hang the UI. */
export const MAX_PATTERN_MATCHES = 10_000;

/** Formats a time limit for a sentence: "2 minutes", "1 minute", "45 seconds", "1 second". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds >= 60 && seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The reason for a file whose reader passed its time limit. */
export function tookTooLongReason(ms: number): string {
  return `Reading this file took longer than ${formatDuration(ms)} and was stopped. It may be damaged, or built to be hard to read.`;
}

/** Formats a byte count for the dialog: "50 MB", "512 KB", "2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${Math.round((bytes / (1024 * MB)) * 10) / 10} GB`;
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

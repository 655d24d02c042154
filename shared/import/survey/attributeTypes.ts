// Infers an attribute's type from the values in its column, and converts cell text to a typed
// value. The mapping step shows the inferred type and lets the user change it.
import type { AttributeType, AttributeValue } from '../../model/cases';

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** "007" and "01234" are codes (ids, postcodes), not quantities: a leading zero keeps them text. */
const LEADING_ZERO = /^[-+]?0\d/;
const TRUE_WORDS = new Set(['yes', 'y', 'true', 'ja', 'oui', 'sí', 'si']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'nein', 'non']);
/** Calendar dates in ISO order (2025-05-12, 2025/5/12), optionally with a time. */
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A column with at most this many distinct values, each used more than once on average, is a category. */
const MAX_CATEGORIES = 30;
const MAX_DISTINCT_SHARE = 0.8;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text) || LEADING_ZERO.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function parseBoolean(text: string): boolean | null {
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

/** The date as "YYYY-MM-DD" (or the full ISO string when it has a time), or null. */
function parseDate(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const ymd = date.toISOString().slice(0, 10);
  if (m[4] === undefined) return ymd;
  const time = `${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}`;
  return `${ymd}T${time}${m[7] ?? ''}`;
}

/** Natural order, so "18-29" < "30-49" < "65+" and "Item 2" < "Item 10". */
export function compareCategories(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

export interface InferredAttribute {
  type: AttributeType;
  /** The distinct values, sorted, when the type is 'category'. */
  categories?: string[];
}

/** Blank cells say nothing about the type and are ignored. An all-blank column is text. */
export function inferAttributeType(values: readonly string[]): InferredAttribute {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return { type: 'text' };
  if (present.every((v) => parseNumber(v) !== null)) return { type: 'number' };
  if (present.every((v) => parseBoolean(v) !== null)) return { type: 'boolean' };
  if (present.every((v) => parseDate(v) !== null)) return { type: 'date' };
  const distinct = [...new Set(present)];
  if (distinct.length <= MAX_CATEGORIES && distinct.length <= present.length * MAX_DISTINCT_SHARE) {
    return { type: 'category', categories: distinct.sort(compareCategories) };
  }
  return { type: 'text' };
}

export type ConvertedValue = { ok: true; value: AttributeValue } | { ok: false };

/** A cell's text as a value of `type`; blank is `null` (missing); text that does not fit is refused. */
export function toAttributeValue(text: string, type: AttributeType): ConvertedValue {
  const value = text.trim();
  if (value === '') return { ok: true, value: null };
  switch (type) {
    case 'text':
    case 'category':
      return { ok: true, value };
    case 'number': {
      const n = parseNumber(value) ?? (NUMBER.test(value) ? Number(value) : null);
      return n === null || !Number.isFinite(n) ? { ok: false } : { ok: true, value: n };
    }
    case 'boolean': {
      const b = parseBoolean(value);
      return b === null ? { ok: false } : { ok: true, value: b };
    }
    case 'date': {
      const d = parseDate(value);
      return d === null ? { ok: false } : { ok: true, value: d };
    }
  }
}

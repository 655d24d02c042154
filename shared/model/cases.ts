// Cases and their attributes: the people, organisations or commenters a project is about, what
// is known about each of them, and which sources (or parts of sources) each one speaks in.

/** A case: one respondent, speaker, organisation or commenter. */
export interface Case {
  id: string;
  projectId: string;
  name: string;
  /** Order in the case list, ascending. */
  order: number;
  createdAt: string; // ISO 8601
  /**
   * What kind of case this is: one of BUILT_IN_CASE_TYPES ("commenter", "respondent"…) or a
   * name the user typed. Absent for cases stored before types existed and for untyped cases:
   * such a case has every attribute (see caseTypes.ts).
   */
  type?: string;
}

export type AttributeType = 'text' | 'number' | 'date' | 'boolean' | 'category';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'number', 'date', 'boolean', 'category'];

/** A variable every case may have a value for, e.g. "age_group" (category) or "age" (number). */
export interface AttributeDefinition {
  id: string;
  projectId: string;
  name: string;
  type: AttributeType;
  /** The allowed values, in display order, when `type` is 'category'. */
  categories?: string[];
  /** Column order in the attribute table, ascending; absent sorts last, by name. */
  order?: number;
  /**
   * The case type this attribute describes ("respondent" for "age", "organisation" for
   * "sector"): tables and filters show it for cases of that type only. Absent means the
   * attribute belongs to every type (as every attribute did before types existed).
   */
  caseType?: string;
}

/**
 * The value of one attribute for one case. The JavaScript type follows the definition's type:
 * text and category → string, number → number, boolean → boolean, date → an ISO 8601 calendar
 * date string ("2025-05-12"), so it sorts and compares as text and survives JSON and IndexedDB.
 * `null` means the value is missing (a blank cell), which is not the same as an empty answer.
 */
export type AttributeValue = string | number | boolean | null;

/**
 * One case's value for one attribute, as an import plan hands it over. The renderer stores a
 * project's values per attribute (every case's value in one record), not one record each.
 */
export interface CaseAttributeValue {
  id: string;
  projectId: string;
  caseId: string;
  attributeId: string;
  value: AttributeValue;
}

/**
 * Links a case to a whole source (no `start`/`end`) or to one segment of it.
 * `start`/`end` are UTF-16 code unit offsets (what JavaScript strings index) into the source's
 * normalised text, end exclusive, exactly like a Coding's.
 */
export interface CaseLink {
  id: string;
  projectId: string;
  caseId: string;
  sourceId: string;
  start?: number;
  end?: number;
  /**
   * Where a segment came from a split (speaker turns, a comment thread), its position in that
   * sequence (1-based) and the timestamp written before it ("00:01:02"), kept so the segment can
   * be cited and sorted the way the original ran.
   */
  order?: number;
  timestamp?: string;
}

// Case types (commenter, respondent, interviewee, organisation, or the user's own): which
// attributes describe which cases, so a table of commenters does not show a column of "—" for an
// organisation's "sector". An absent type on a case or an attribute means "any type".
import type { AttributeDefinition, Case } from './cases';

export const BUILT_IN_CASE_TYPES = ['commenter', 'respondent', 'interviewee', 'organisation'] as const;

export type BuiltInCaseType = (typeof BUILT_IN_CASE_TYPES)[number];

const LABELS: Record<BuiltInCaseType, string> = {
  commenter: 'Commenter',
  respondent: 'Respondent',
  interviewee: 'Interviewee',
  organisation: 'Organisation',
};

/** How a type reads in the UI: the built-in ones capitalised, the user's own as typed. */
export function caseTypeLabel(type: string | undefined): string {
  if (type === undefined || type === '') return 'Any type';
  return (LABELS as Record<string, string>)[type] ?? type;
}

/**
 * A type as stored: trimmed; a built-in name in any letter case becomes the built-in one, so
 * "Respondent" typed by hand and the built-in type are one type. Empty means untyped.
 */
export function normaliseCaseType(input: string): string | undefined {
  const trimmed = input.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return undefined;
  const builtIn = BUILT_IN_CASE_TYPES.find((t) => t === trimmed.toLowerCase() || LABELS[t].toLowerCase() === trimmed.toLowerCase());
  return builtIn ?? trimmed;
}

/**
 * Whether an attribute describes cases of a type. An attribute without a type describes every
 * case; an untyped case has every attribute (nothing says which ones it lacks).
 */
export function attributeAppliesTo(attribute: Pick<AttributeDefinition, 'caseType'>, caseType: string | undefined): boolean {
  return attribute.caseType === undefined || caseType === undefined || attribute.caseType === caseType;
}

/** The attributes a table or filter shows for cases of one type (undefined: all of them). */
export function attributesForCaseType<A extends Pick<AttributeDefinition, 'caseType'>>(attributes: readonly A[], caseType: string | undefined): A[] {
  return attributes.filter((a) => attributeAppliesTo(a, caseType));
}

/** The types in use in a project, built-in ones first (in their order), then the user's own by name. */
export function caseTypesInUse(cases: ReadonlyArray<Pick<Case, 'type'>>, attributes: ReadonlyArray<Pick<AttributeDefinition, 'caseType'>> = []): string[] {
  const used = new Set<string>();
  for (const c of cases) if (c.type !== undefined) used.add(c.type);
  for (const a of attributes) if (a.caseType !== undefined) used.add(a.caseType);
  const builtIn = BUILT_IN_CASE_TYPES.filter((t) => used.has(t));
  const own = [...used].filter((t) => !(BUILT_IN_CASE_TYPES as readonly string[]).includes(t)).sort((a, b) => a.localeCompare(b));
  return [...builtIn, ...own];
}

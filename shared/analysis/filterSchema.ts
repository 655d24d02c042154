// Reading a saved filter back (from the project, a file, the command line): anything that is not
// exactly an AnalysisFilter is refused with a message, never half-applied.
import * as z from 'zod/mini';
import type { AnalysisFilter, SavedFilter } from './filter';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const ids = z.optional(z.array(id).check(z.maxLength(100_000)));
const value = z.union([z.string(), z.number().check(z.refine(Number.isFinite)), z.boolean()]);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

const condition = z.discriminatedUnion('op', [
  z.strictObject({ attributeId: id, op: z.literal('equals'), value }),
  z.strictObject({ attributeId: id, op: z.literal('in'), values: z.array(value) }),
  z.strictObject({ attributeId: id, op: z.literal('range'), min: z.optional(z.number()), max: z.optional(z.number()) }),
  z.strictObject({ attributeId: id, op: z.literal('date'), after: z.optional(isoDate), before: z.optional(isoDate) }),
]);

export const analysisFilterSchema = z.strictObject({
  caseIds: ids,
  caseTypes: z.optional(z.array(z.string())),
  attributes: z.optional(z.array(condition)),
  sourceIds: ids,
  sourceSets: z.optional(z.array(z.strictObject({ name: z.string().check(z.minLength(1)), sourceIds: z.array(id) }))),
  coders: ids,
});

const savedFilterSchema = z.strictObject({ id, name: z.string().check(z.minLength(1), z.maxLength(200)), filter: analysisFilterSchema });

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parsed<T>(result: { success: true; data: unknown } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } }, what: string): Parsed<T> {
  if (result.success) return { ok: true, value: result.data as T };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
  return { ok: false, message: `This is not a valid ${what}${where}: ${issue.message}.` };
}

export function parseAnalysisFilter(input: unknown): Parsed<AnalysisFilter> {
  return parsed(analysisFilterSchema.safeParse(input), 'filter');
}

export function parseSavedFilter(input: unknown): Parsed<SavedFilter> {
  return parsed(savedFilterSchema.safeParse(input), 'saved filter');
}

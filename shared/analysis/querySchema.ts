// Reading a saved query back (from the project, a file, the command line): anything that is not
// exactly a Query is refused with a message. Whether its codes still exist is checkQuery's job.
import * as z from 'zod/mini';
import type { Query, SavedQuery } from './queries';
import type { Parsed } from './filterSchema';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const operand = z.strictObject({ codeId: id, includeSubcodes: z.optional(z.boolean()) });
const distance = z.number().check(z.int(), z.minimum(0));
const proximity = z.enum(['characters', 'paragraphs']);

export const querySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('and'), a: operand, b: operand }),
  z.strictObject({ kind: z.literal('or'), a: operand, b: operand }),
  z.strictObject({ kind: z.literal('not'), a: operand, b: operand }),
  z.strictObject({ kind: z.literal('same'), a: operand, b: operand, unit: z.enum(['case', 'paragraph', 'segment']) }),
  z.strictObject({ kind: z.literal('near'), a: operand, b: operand, distance, unit: proximity }),
  z.strictObject({ kind: z.literal('followedBy'), a: operand, b: operand, distance, unit: proximity }),
]);

const savedQuerySchema = z.strictObject({ id, name: z.string().check(z.minLength(1), z.maxLength(200)), query: querySchema });

function parsed<T>(result: ReturnType<typeof querySchema.safeParse> | ReturnType<typeof savedQuerySchema.safeParse>, what: string): Parsed<T> {
  if (result.success) return { ok: true, value: result.data as T };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? ` (at ${issue.path.map(String).join('.')})` : '';
  return { ok: false, message: `This is not a valid ${what}${where}: ${issue.message}.` };
}

export function parseQuery(input: unknown): Parsed<Query> {
  return parsed(querySchema.safeParse(input), 'query');
}

export function parseSavedQuery(input: unknown): Parsed<SavedQuery> {
  return parsed(savedQuerySchema.safeParse(input), 'saved query');
}

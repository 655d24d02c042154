// A code's typical example is a link to one of its real codings: it must stay one of them, and a
// link left behind by a deleted or recoded coding is simply not shown.
import type { Code, Coding } from '../model/types';

/** Why `coding` cannot be `code`'s example, or null when it can. */
export function exampleRefusal(
  code: Pick<Code, 'id' | 'name'>,
  coding: Pick<Coding, 'codeId'> | undefined,
): string | null {
  if (!coding) return 'That coding no longer exists.';
  if (coding.codeId !== code.id) return `An example of “${code.name}” must be one of its own codings.`;
  return null;
}

/** The code's example coding if it still exists and still belongs to the code. */
export function exampleCodingOf<C extends Pick<Coding, 'id' | 'codeId'>>(
  code: Pick<Code, 'id' | 'exampleCodingId'>,
  codingsById: ReadonlyMap<string, C>,
): C | null {
  if (!code.exampleCodingId) return null;
  const coding = codingsById.get(code.exampleCodingId);
  return coding && coding.codeId === code.id ? coding : null;
}

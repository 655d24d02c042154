// Code folders: codes that group others but are never applied to text (REFI-QDA isCodable="false").
import type { Code, Coding } from '../model/types';
import { plural } from '../text/plural';

/** Whether the code can be applied to text. Codes stored before the flag existed are codable. */
export function isCodableCode(code: Pick<Code, 'isCodable'>): boolean {
  return code.isCodable !== false;
}

export type SetCodableResult = { ok: true; changes: Pick<Code, 'isCodable'> } | { ok: false; reason: string };

/**
 * Turning a code into a folder is refused while it still holds codings: they would be stranded
 * on a code nobody can select. Splitting them off to a subcode first keeps them.
 */
export function planSetCodable(
  code: Pick<Code, 'id' | 'name' | 'isCodable'>,
  codings: ReadonlyArray<Pick<Coding, 'codeId'>>,
  isCodable: boolean,
): SetCodableResult {
  if (!isCodable) {
    const n = codings.filter((c) => c.codeId === code.id).length;
    if (n > 0) {
      return {
        ok: false,
        reason: `“${code.name}” has ${plural(n, 'coding')}; a folder cannot hold codings. Move them to a subcode first (Split).`,
      };
    }
  }
  return { ok: true, changes: { isCodable } };
}

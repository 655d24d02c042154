// Which codes the co-occurrence matrix has: every codable code, a code set's codes, or a code with
// its subcodes, always in codebook order. Folders are left out: they are never applied to text.
import type { Code, CodeSet } from '../../../../shared/model/types';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { descendantIds } from '../../../../shared/codebook/tree';
import type { MatrixScope } from '../../stores/analysisStore';

export function codesInScope(ordered: readonly Code[], sets: readonly CodeSet[], scope: MatrixScope): Code[] {
  const codable = ordered.filter(isCodableCode);
  switch (scope.kind) {
    case 'all':
      return codable;
    case 'set': {
      const members = new Set(sets.find((s) => s.id === scope.setId)?.codeIds ?? []);
      return codable.filter((c) => members.has(c.id));
    }
    case 'tree': {
      const members = new Set([scope.codeId, ...descendantIds(ordered, scope.codeId)]);
      return codable.filter((c) => members.has(c.id));
    }
  }
}

/** The scope as the value of a select, and back. */
export function scopeValue(scope: MatrixScope): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'set' ? `set:${scope.setId}` : `tree:${scope.codeId}`;
}

export function parseScopeValue(value: string): MatrixScope {
  if (value.startsWith('set:')) return { kind: 'set', setId: value.slice(4) };
  if (value.startsWith('tree:')) return { kind: 'tree', codeId: value.slice(5) };
  return { kind: 'all' };
}

/** A scope whose set or code no longer exists falls back to every code. */
export function validScope(scope: MatrixScope, codes: readonly Code[], sets: readonly CodeSet[]): MatrixScope {
  if (scope.kind === 'set' && !sets.some((s) => s.id === scope.setId)) return { kind: 'all' };
  if (scope.kind === 'tree' && !codes.some((c) => c.id === scope.codeId)) return { kind: 'all' };
  return scope;
}

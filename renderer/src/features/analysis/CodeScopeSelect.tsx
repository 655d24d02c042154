// Which codes a table has: every codable code, a code set, or a code and its subcodes. The
// co-occurrence matrix and the crosstab's rows offer the same choice through this one picker.
import type { Code, CodeSet } from '../../../../shared/model/types';
import { flattenTree } from '../../../../shared/codebook/tree';
import type { MatrixScope } from '../../stores/analysisStore';
import { parseScopeValue, scopeValue } from './matrixScope';

export function CodeScopeSelect({ label, codes, sets, scope, onChange }: { label: string; codes: readonly Code[]; sets: readonly CodeSet[]; scope: MatrixScope; onChange(scope: MatrixScope): void }) {
  const entries = flattenTree(codes);
  const parents = entries.filter((e) => codes.some((c) => c.parentId === e.code.id));
  return (
    <select aria-label={label} value={scopeValue(scope)} onChange={(e) => onChange(parseScopeValue(e.target.value))}>
      <option value="all">All codes</option>
      {sets.length > 0 && (
        <optgroup label="Code sets">
          {sets.map((set) => (
            <option key={set.id} value={`set:${set.id}`}>
              {set.name}
            </option>
          ))}
        </optgroup>
      )}
      {parents.length > 0 && (
        <optgroup label="A code and its subcodes">
          {parents.map(({ code, depth }) => (
            <option key={code.id} value={`tree:${code.id}`}>
              {'\u00a0\u00a0\u00a0'.repeat(depth)}
              {code.name} and its subcodes
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

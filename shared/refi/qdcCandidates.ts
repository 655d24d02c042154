// A REFI-QDA codebook (from a .qdc or a .qdpx) as import candidates: nesting gives each code's
// parent by GUID, and the description is split back into description and criteria.
import type { Code } from '../model/types';
import { PATH_SEPARATOR } from '../codebook/tree';
import {
  planCodebookImport,
  type CodeCandidate,
  type ImportPlan,
  type ImportPlanOptions,
  type SetCandidate,
} from '../codebook/importPlan';
import { normaliseGuid } from './guid';
import { splitDescription } from './qdcDescription';
import type { QdcCodebook } from './qdcRead';

/** GUIDs that more than one code of the file carries, compared as the plan compares them. */
export function repeatedGuids(codebook: QdcCodebook): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const code of codebook.codes) {
    const key = guidKey(code.guid);
    if (key === '') continue;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}

function guidKey(guid: string): string {
  return normaliseGuid(guid) ?? guid.trim();
}

export function qdcToCandidates(codebook: QdcCodebook): { codes: CodeCandidate[]; sets: SetCandidate[] } {
  const repeated = repeatedGuids(codebook);
  const codes = codebook.codes.map((code, index): CodeCandidate => {
    const { description, inclusion, exclusion } = splitDescription(code.description ?? '');
    // A child of a code whose GUID the file repeats names its parent by position, not GUID:
    // by GUID it would silently move under the first code that carries it.
    const byPosition = code.parentGuid !== null && code.parentIndex !== undefined && repeated.has(guidKey(code.parentGuid));
    return {
      where: `Code “${code.path.join(PATH_SEPARATOR)}”`,
      id: code.guid,
      key: `#${index}`,
      name: code.name,
      parent:
        code.parentGuid === null ? { kind: 'none' } : byPosition ? { kind: 'key', key: `#${code.parentIndex}` } : { kind: 'id', id: code.parentGuid },
      description,
      inclusion,
      exclusion,
      ...(code.color !== undefined ? { color: code.color } : {}),
      // The schema requires isCodable; a file without it still means an ordinary code.
      isCodable: code.isCodable ?? true,
    };
  });
  const sets = codebook.sets.map(
    (set): SetCandidate => ({
      where: `Set “${set.name}”`,
      id: set.guid,
      name: set.name,
      description: set.description ?? '',
      memberIds: set.memberGuids,
    }),
  );
  return { codes, sets };
}

/** The import plan for a REFI-QDA codebook against the project's codebook and sets. */
export function planRefiCodebookImport(
  codebook: QdcCodebook,
  existing: readonly Code[],
  options: ImportPlanOptions = {},
): ImportPlan {
  const { codes, sets } = qdcToCandidates(codebook);
  const plan = planCodebookImport(codes, existing, { ...options, sets });
  if (codes.length === 0) {
    plan.messages.push({ severity: 'error', text: 'The file has no codes.' });
  }
  const repeated = repeatedGuids(codebook).size;
  if (repeated > 0) {
    plan.messages.push({
      severity: 'warning',
      text: `${repeated === 1 ? 'One GUID is' : `${repeated} GUIDs are`} used by more than one code in this file. Only the first code with a GUID is imported; the others are skipped, and so are the codes inside them (see the rows marked below).`,
    });
  }
  return plan;
}

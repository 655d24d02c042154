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
import { splitDescription } from './qdcDescription';
import type { QdcCodebook } from './qdcRead';

export function qdcToCandidates(codebook: QdcCodebook): { codes: CodeCandidate[]; sets: SetCandidate[] } {
  const codes = codebook.codes.map((code): CodeCandidate => {
    const { description, inclusion, exclusion } = splitDescription(code.description ?? '');
    return {
      where: `Code “${code.path.join(PATH_SEPARATOR)}”`,
      id: code.guid,
      name: code.name,
      parent: code.parentGuid === null ? { kind: 'none' } : { kind: 'id', id: code.parentGuid },
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
  return plan;
}

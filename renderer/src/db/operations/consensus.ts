// "Accept" in the Agreement view's list of disagreements: copies one coder's version of a passage
// (or several coders' versions, "Accept both") into the project's consensus coder, as one
// undoable step through the one door. The consensus coder is the project's coder named
// "Consensus", made by the first accept when there is none.
import { planAcceptVersion } from '../../../../shared/analysis/agreement/acceptVersion';
import type { SourceSpan } from '../../../../shared/analysis/agreement/agreementUnits';
import { CONSENSUS_NAME, findConsensusCoder } from '../../../../shared/analysis/agreement/consensusCoder';
import type { Coder } from '../../../../shared/model/coder';
import { plural } from '../../../../shared/text/plural';
import { codingsOfSource } from '../codingsRepository';
import { rowsOfProject } from '../recordsRepository';
import { commit } from './commit';
import { newId, nowIso } from './now';

const CONSENSUS_COLOUR = '#4b5563';

export interface AcceptVersionRequest {
  spans: readonly SourceSpan[];
  /** Whose version: one coder, or several for "Accept both". */
  coders: ReadonlyArray<{ id: string; name: string }>;
  /** The codes the comparison was about. */
  codeIds: readonly string[];
}

/** Commits the copy; answers how many codings the consensus coder gained (0: it had them all). */
export function acceptVersion(projectId: string, request: AcceptVersionRequest): Promise<number> {
  const whose = request.coders.map((c) => `${c.name}’s`);
  const versions = whose.length === 1 ? `${whose[0]} version` : `${whose.slice(0, -1).join(', ')} and ${whose.at(-1)} versions`;
  const label = `Accept ${versions} into ${CONSENSUS_NAME}`;
  return commit(projectId, label, async () => {
    const coders = await rowsOfProject('coders', projectId);
    const consensus: Coder = findConsensusCoder(coders) ?? { id: newId(), projectId, name: CONSENSUS_NAME, color: CONSENSUS_COLOUR };
    const sourceIds = [...new Set(request.spans.map((s) => s.sourceId))];
    const codings = (await Promise.all(sourceIds.map(codingsOfSource))).flat();
    const changes = planAcceptVersion(
      { coders, codings },
      { spans: request.spans, acceptCoderIds: request.coders.map((c) => c.id), codeIds: request.codeIds, consensus, newId, now: nowIso() },
    );
    const added = changes.codings?.added.length ?? 0;
    return { changes, result: added, label: `${label} (${plural(added, 'coding')})` };
  });
}

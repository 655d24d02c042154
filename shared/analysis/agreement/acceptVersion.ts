// "Accept" in the disagreement list: the change set that copies one coder's version of a passage
// (or several coders' versions, for "Accept both") into a consensus coder. The accepted coders'
// codings of the chosen codes that overlap the passage are copied whole to the consensus coder;
// a copy the consensus coder already has (same source, code and span) is not made twice. Nothing
// is removed: accepting only adds, so each accept is one small undoable step.
import type { ChangeSet } from '../../model/changeSet';
import type { Coder } from '../../model/coder';
import type { Coding } from '../../model/types';
import type { SourceSpan } from './agreementUnits';

export interface AcceptRequest {
  /** The passage's spans (`Disagreement.spans`). */
  spans: readonly SourceSpan[];
  /** Whose version to take: one coder, or several for "Accept both". */
  acceptCoderIds: readonly string[];
  /** The codes the comparison was about (others on the passage are not copied); all when absent. */
  codeIds?: readonly string[];
  /** The consensus coder; added to the project when it has no such coder yet. */
  consensus: Coder;
  newId: () => string;
  /** ISO 8601 time of the accept, for the copies' `createdAt`. */
  now: string;
}

export function planAcceptVersion(project: { coders: readonly Coder[]; codings: readonly Coding[] }, request: AcceptRequest): ChangeSet {
  const accepted = new Set(request.acceptCoderIds);
  const codes = request.codeIds ? new Set(request.codeIds) : null;
  const key = (c: Pick<Coding, 'sourceId' | 'codeId' | 'start' | 'end'>): string => `${c.sourceId}\u0000${c.codeId}\u0000${c.start}\u0000${c.end}`;
  const have = new Set(project.codings.filter((c) => c.coder === request.consensus.id).map(key));
  const added: Coding[] = [];
  for (const c of project.codings) {
    if (!accepted.has(c.coder) || (codes && !codes.has(c.codeId))) continue;
    if (!request.spans.some((s) => s.sourceId === c.sourceId && c.start < s.end && c.end > s.start)) continue;
    if (have.has(key(c))) continue;
    have.add(key(c));
    added.push({ ...c, id: request.newId(), coder: request.consensus.id, createdAt: request.now });
  }
  const set: ChangeSet = {};
  if (added.length > 0) set.codings = { added, updated: [], removed: [] };
  if (added.length > 0 && !project.coders.some((c) => c.id === request.consensus.id)) set.coders = { added: [request.consensus], updated: [], removed: [] };
  return set;
}

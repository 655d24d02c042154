// Cases and their links: a case is matched by id (case-insensitive), then by name; a matched case
// keeps our name. A case link is the same when it joins the same case to the same span of the
// same source (or to the whole source); others are added.
import type { Case, CaseLink } from '../model/cases';
import { addRecord, claimId, guidKey, nameKey, type MergeContext } from './mergeContext';
import { noteAdded, noteConflict, noteMatched } from './mergeReport';

export function mergeCases(ctx: MergeContext): void {
  const byGuid = new Map(ctx.ours.cases.map((c) => [guidKey(c.id), c]));
  const byName = new Map<string, Case>();
  for (const c of ctx.ours.cases) if (!byName.has(nameKey(c.name))) byName.set(nameKey(c.name), c);
  const used = new Set<string>();
  let order = ctx.ours.cases.reduce((max, c) => Math.max(max, c.order + 1), 0);
  const pending: Case[] = [];
  for (const c of ctx.theirs.cases) {
    const match = byGuid.get(guidKey(c.id));
    if (match && !used.has(match.id)) {
      used.add(match.id);
      ctx.ids.cases.set(c.id, match.id);
      noteMatched(ctx.report, { kind: 'cases', theirs: c.id, ours: match.id, label: match.name, rule: 'id', differs: nameKey(match.name) === nameKey(c.name) ? undefined : 'name' });
    } else pending.push(c);
  }
  for (const c of [...pending].sort((a, b) => a.order - b.order)) {
    const match = byName.get(nameKey(c.name));
    if (match && !used.has(match.id)) {
      used.add(match.id);
      ctx.ids.cases.set(c.id, match.id);
      noteMatched(ctx.report, { kind: 'cases', theirs: c.id, ours: match.id, label: match.name, rule: 'name' });
      continue;
    }
    const id = claimId(ctx, 'cases', c.id);
    ctx.ids.cases.set(c.id, id);
    addRecord(ctx, 'cases', { ...c, id, projectId: ctx.projectId, order: order++ });
    noteAdded(ctx.report, { kind: 'cases', theirs: c.id, ours: id, label: c.name });
  }
}

function linkKey(l: Pick<CaseLink, 'caseId' | 'sourceId' | 'start' | 'end'>): string {
  return `${l.caseId}\u0000${l.sourceId}\u0000${l.start ?? ''}\u0000${l.end ?? ''}`;
}

export function mergeCaseLinks(ctx: MergeContext): void {
  const ours = new Map(ctx.ours.caseLinks.map((l) => [linkKey(l), l.id]));
  let unplaced = 0;
  const caseName = new Map(ctx.theirs.cases.map((c) => [c.id, c.name]));
  for (const link of ctx.theirs.caseLinks) {
    const caseId = ctx.ids.cases.get(link.caseId);
    const sourceId = ctx.ids.sources.get(link.sourceId);
    if (caseId === undefined || sourceId === undefined) {
      unplaced++;
      continue;
    }
    const mapped: CaseLink = { ...link, projectId: ctx.projectId, caseId, sourceId };
    const existing = ours.get(linkKey(mapped));
    const label = caseName.get(link.caseId) ?? '';
    if (existing !== undefined) {
      ctx.ids.caseLinks.set(link.id, existing);
      noteMatched(ctx.report, { kind: 'caseLinks', theirs: link.id, ours: existing, label, rule: 'same record' });
      continue;
    }
    const id = claimId(ctx, 'caseLinks', link.id);
    ours.set(linkKey(mapped), id);
    ctx.ids.caseLinks.set(link.id, id);
    addRecord(ctx, 'caseLinks', { ...mapped, id });
    noteAdded(ctx.report, { kind: 'caseLinks', theirs: link.id, ours: id, label });
  }
  if (unplaced > 0) {
    noteConflict(ctx.report, { kind: 'caseLinks', theirs: '', label: `${unplaced} case links`, reason: `${unplaced} case link${unplaced === 1 ? '' : 's'} in the file refer to a case or source the file does not contain and were left out.` });
  }
}

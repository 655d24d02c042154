// The last check of a project read from a file: every reference resolves and every position
// lies inside its text, whatever the standard part or marginalia.json said. What does not hold
// is left out or re-attached, with a report line; the project that results is always consistent.
import { isShortcutDigit } from '../codebook/shortcuts';
import type { ProjectSnapshot } from '../model/snapshot';
import type { SavedQuery } from '../model/savedQuery';
import type { ReportBuilder } from './qdpxReport';

function inText(length: number | undefined, start: unknown, end: unknown): boolean {
  return (
    length !== undefined &&
    typeof start === 'number' &&
    typeof end === 'number' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    start <= end &&
    end <= length
  );
}

export function repairSnapshot(snapshot: ProjectSnapshot, report: ReportBuilder): void {
  const lengths = new Map(snapshot.sourceTexts.map((t) => [t.sourceId, typeof t.text === 'string' ? t.text.length : undefined]));
  const sourceIds = new Set(snapshot.sources.map((s) => s.id));
  for (const source of snapshot.sources) {
    if (!lengths.has(source.id)) {
      report.add('repaired', `Source “${source.name}” had no text; it is kept empty.`, 'sources without text');
      snapshot.sourceTexts.push({ sourceId: source.id, projectId: snapshot.project.id, text: '' });
      lengths.set(source.id, 0);
    }
  }
  snapshot.sourceTexts = snapshot.sourceTexts.filter((t) => sourceIds.has(t.sourceId) && typeof t.text === 'string');
  if (snapshot.sourceOriginals) {
    const seen = new Set<string>();
    snapshot.sourceOriginals = snapshot.sourceOriginals.filter((o) => sourceIds.has(o.sourceId) && o.bytes instanceof Uint8Array && !seen.has(o.sourceId) && !!seen.add(o.sourceId));
  }
  const codeIds = new Set(snapshot.codes.map((c) => c.id));
  for (const code of snapshot.codes) {
    if (code.parentId !== null && !codeIds.has(code.parentId)) {
      report.add('repaired', `Code “${code.name}” named a parent that does not exist; it was moved to the top level.`, 'codes with missing parents');
      code.parentId = null;
    }
  }
  const before = snapshot.codings.length;
  snapshot.codings = snapshot.codings.filter(
    (c) => sourceIds.has(c.sourceId) && codeIds.has(c.codeId) && inText(lengths.get(c.sourceId), c.start, c.end),
  );
  if (snapshot.codings.length < before) {
    report.add('not-read', `${before - snapshot.codings.length} coding${before - snapshot.codings.length === 1 ? '' : 's'} referred to a missing source or code, or lay outside the text; left out.`);
  }
  const caseIds = new Set(snapshot.cases.map((c) => c.id));
  const linksBefore = snapshot.caseLinks.length;
  snapshot.caseLinks = snapshot.caseLinks.filter(
    (l) => caseIds.has(l.caseId) && sourceIds.has(l.sourceId) && ((l.start === undefined && l.end === undefined) || inText(lengths.get(l.sourceId), l.start, l.end)),
  );
  if (snapshot.caseLinks.length < linksBefore) report.add('not-read', `${linksBefore - snapshot.caseLinks.length} case link(s) referred to a missing case or source, or lay outside the text; left out.`);
  const attributeIds = new Set(snapshot.attributes.map((a) => a.id));
  snapshot.caseValues = snapshot.caseValues.filter((v) => caseIds.has(v.caseId) && attributeIds.has(v.attributeId));
  const codingIds = new Set(snapshot.codings.map((c) => c.id));
  const targets: Record<string, Set<string>> = {
    project: new Set([snapshot.project.id]),
    source: sourceIds,
    code: codeIds,
    coding: codingIds,
    case: caseIds,
  };
  for (const memo of snapshot.memos) {
    if (!targets[memo.targetKind]?.has(memo.targetId)) {
      report.add('repaired', `Memo “${memo.title}” was attached to something the project does not have; it is now in the project journal.`, 'memos on missing items');
      memo.targetKind = 'project';
      memo.targetId = snapshot.project.id;
    }
  }
  // A saved query's definition is checked when it is run (querySchema, filterSchema); here only
  // the record itself must be one, or the list of saved queries could not show it.
  const queriesBefore = snapshot.savedQueries.length;
  snapshot.savedQueries = snapshot.savedQueries.filter(isSavedQuery);
  if (snapshot.savedQueries.length < queriesBefore) report.add('not-read', `${queriesBefore - snapshot.savedQueries.length} saved quer${queriesBefore - snapshot.savedQueries.length === 1 ? 'y was' : 'ies were'} damaged; left out.`);
  for (const set of snapshot.codeSets) set.codeIds = set.codeIds.filter((id) => codeIds.has(id));
  const digitsTaken = new Set<number>();
  for (const code of snapshot.codes) {
    if (code.exampleCodingId && !codingIds.has(code.exampleCodingId)) code.exampleCodingId = null;
    // A digit outside 1–9 or held twice (two merged codebooks) would make a key do two things.
    if (code.shortcut !== undefined) {
      if (!isShortcutDigit(code.shortcut) || digitsTaken.has(code.shortcut)) delete code.shortcut;
      else digitsTaken.add(code.shortcut);
    }
  }
}

function isSavedQuery(q: SavedQuery): boolean {
  const r = q as unknown as Record<string, unknown>;
  return (
    typeof r.id === 'string' && r.id.length > 0 &&
    typeof r.name === 'string' && r.name.trim().length > 0 &&
    (r.type === 'query' || r.type === 'filter') &&
    r.definition !== undefined &&
    typeof r.createdAt === 'string' && typeof r.updatedAt === 'string' &&
    (r.order === undefined || (typeof r.order === 'number' && Number.isFinite(r.order)))
  );
}

/** The same project under another id (opening a file into a new project). */
export function withProjectId(snapshot: ProjectSnapshot, projectId: string): ProjectSnapshot {
  const from = snapshot.project.id;
  if (from === projectId) return snapshot;
  const move = <T extends { projectId: string }>(list: T[]): T[] => list.map((r) => ({ ...r, projectId }));
  return {
    project: { ...snapshot.project, id: projectId },
    coders: move(snapshot.coders),
    sources: move(snapshot.sources),
    sourceTexts: move(snapshot.sourceTexts),
    ...(snapshot.sourceOriginals ? { sourceOriginals: move(snapshot.sourceOriginals) } : {}),
    codes: move(snapshot.codes),
    codeSets: move(snapshot.codeSets),
    cases: move(snapshot.cases),
    attributes: move(snapshot.attributes),
    caseValues: move(snapshot.caseValues),
    caseLinks: move(snapshot.caseLinks),
    codings: move(snapshot.codings),
    memos: move(snapshot.memos).map((m) => (m.targetKind === 'project' && m.targetId === from ? { ...m, targetId: projectId } : m)),
    savedQueries: move(snapshot.savedQueries),
  };
}

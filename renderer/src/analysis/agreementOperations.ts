// The "Agreement" view's computations, run in the analysis worker over one readProject snapshot:
// which coders a project has, and for chosen coders, sources, cases, codes and unit the agreement
// table (shared/analysis/agreement) with the passages where the coders differ. The page thread
// never touches the codings of a big project.
import { computeAgreement, type AgreementTable } from '../../../shared/analysis/agreement/agreementTable';
import { findDisagreements, type Disagreement } from '../../../shared/analysis/agreement/disagreements';
import { resolveCoders } from '../../../shared/analysis/agreement/resolveCoders';
import type { SourceSpan, UnitKind, UnitScope } from '../../../shared/analysis/agreement/agreementUnits';
import { prepareUnits, type CodedPatterns, type PreparedUnits } from '../../../shared/analysis/agreement/codedPatterns';
import { findConsensusCoder } from '../../../shared/analysis/agreement/consensusCoder';
import { isCodableCode } from '../../../shared/codebook/folder';
import { flattenTree } from '../../../shared/codebook/tree';
import type { Coding } from '../../../shared/model/types';
import { readProject } from '../db/readProject';
import { getDb } from '../db/db';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';

export interface AgreementCoder {
  id: string;
  name: string;
  /** How many codings carry this coder in the project. */
  codings: number;
}

export interface AgreementViewRequest {
  coderIds: string[];
  unit: UnitKind;
  /** All sources, cases or codable codes when absent. */
  sourceIds?: string[];
  caseIds?: string[];
  codeIds?: string[];
}

/** A passage where the coders differ, with the consensus coder's codes there (chosen codes only; see consensusCoder.ts). */
export interface ListedDisagreement extends Disagreement {
  consensusCodeIds: string[];
  /** Where to open the passage: its first coding by a compared coder (clipped to it), where the codings show. */
  focus: SourceSpan;
}

export interface AgreementReport {
  table: AgreementTable;
  /** The first `DISAGREEMENTS_LISTED` passages, in reading order. */
  disagreements: ListedDisagreement[];
  /** Every passage where the coders differ, listed or not. */
  disagreementCount: number;
}

export type AgreementFiguresAnswer = { ok: true; table: AgreementTable } | { ok: false; reason: string };

export type AgreementAnswer = { ok: true; report: AgreementReport } | { ok: false; reason: string };

/** A meeting goes through passages one by one; thousands more would only cost the page memory. */
export const DISAGREEMENTS_LISTED = 1000;

export interface AgreementChoices {
  coders: AgreementCoder[];
  /** In case-list order. */
  cases: Array<{ id: string; name: string }>;
}

/**
 * The last snapshot read, kept while the project is unchanged: opening the view reads it for the
 * options, and "Compute agreement" (and every change of options) then starts from it instead of
 * reading 100,000 codings again. Every change goes through the one door, which stamps the
 * project's `updatedAt`, so an unchanged stamp means an unchanged project.
 */
let cached: { projectId: string; stamp: string; snapshot: ProjectSnapshot } | undefined;

async function snapshotOf(projectId: string): Promise<ProjectSnapshot> {
  // With the number of steps, so two changes within one millisecond still read afresh.
  const stampNow = async (): Promise<string | undefined> => {
    const db = getDb();
    const [project, steps] = await Promise.all([db.projects.get(projectId), db.history.where('projectId').equals(projectId).count()]);
    return project ? `${project.updatedAt}|${steps}` : undefined;
  };
  const stamp = await stampNow();
  if (cached && stamp !== undefined && cached.projectId === projectId && cached.stamp === stamp) return cached.snapshot;
  const snapshot = await readProject(projectId);
  // Stamped before the read: a change landing meanwhile makes the next call read again.
  if (stamp !== undefined) cached = { projectId, stamp, snapshot };
  return snapshot;
}

/** The units last cut from the cached snapshot, per unit kind and scope (texts never change after import). */
let preparedCache: { snapshot: ProjectSnapshot; units: Map<string, PreparedUnits> } | undefined;

function preparedFor(data: ProjectSnapshot, unit: UnitKind, scope: UnitScope): PreparedUnits | undefined {
  if (unit === 'character') return undefined;
  if (preparedCache?.snapshot !== data) preparedCache = { snapshot: data, units: new Map() };
  const key = JSON.stringify([unit, scope.sourceIds ?? null, scope.caseIds ?? null]);
  let prepared = preparedCache.units.get(key);
  if (!prepared) preparedCache.units.set(key, (prepared = prepareUnits(unit, data, scope)));
  return prepared;
}

/** What the options offer: the project's coders (records, and ids only found on codings) and cases. */
export async function agreementChoices(projectId: string): Promise<AgreementChoices> {
  const data = await snapshotOf(projectId);
  const counts = new Map<string, number>();
  for (const c of data.codings) counts.set(c.coder, (counts.get(c.coder) ?? 0) + 1);
  const coders: AgreementCoder[] = data.coders.map((c) => ({ id: c.id, name: c.name, codings: counts.get(c.id) ?? 0 }));
  for (const [id, n] of counts) if (!data.coders.some((c) => c.id === id)) coders.push({ id, name: id, codings: n });
  // By name, the consensus coder last: the same order on every machine, whoever merged whom.
  const consensus = findConsensusCoder(coders);
  coders.sort((a, b) => Number(a === consensus) - Number(b === consensus) || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  const cases = [...data.cases].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)).map((c) => ({ id: c.id, name: c.name }));
  // While the person chooses options, cut the paragraphs (the default unit) for the first compute.
  setTimeout(() => preparedFor(data, 'paragraph', {}), 0);
  return { coders, cases };
}

/**
 * The counts behind the last figures, kept for the report that follows them (the same request):
 * the intervals are computed from them instead of counting every unit again.
 */
let patternsCache: { snapshot: ProjectSnapshot; key: string; patterns: CodedPatterns } | undefined;

function requestKey(request: AgreementViewRequest, codeIds: readonly string[]): string {
  return JSON.stringify([request.coderIds, request.unit, request.sourceIds ?? null, request.caseIds ?? null, codeIds]);
}

/**
 * The table's figures alone, without the bootstrap intervals and the disagreements: what the view
 * paints first, while `agreementReport` works out the rest.
 */
export async function agreementFigures(projectId: string, request: AgreementViewRequest): Promise<AgreementFiguresAnswer> {
  const data = await snapshotOf(projectId);
  const codeIds = request.codeIds ?? codableInOrder(data);
  if (codeIds.length === 0) return { ok: false, reason: 'Choose at least one code that can be applied to text.' };
  const scope = { sourceIds: request.sourceIds, caseIds: request.caseIds };
  const result = computeAgreement(data, { coders: request.coderIds, unit: request.unit, codeIds, scope, bootstrap: false, prepared: preparedFor(data, request.unit, scope) });
  if (!result.ok) return result;
  patternsCache = { snapshot: data, key: requestKey(request, codeIds), patterns: result.patterns };
  return { ok: true, table: result.table };
}

function codableInOrder(data: ProjectSnapshot): string[] {
  return flattenTree(data.codes).map((e) => e.code).filter(isCodableCode).map((c) => c.id);
}

export async function agreementReport(projectId: string, request: AgreementViewRequest): Promise<AgreementAnswer> {
  const data = await snapshotOf(projectId);
  // Codebook order, as the codebook shows it.
  const codeIds = request.codeIds ?? codableInOrder(data);
  if (codeIds.length === 0) return { ok: false, reason: 'Choose at least one code that can be applied to text.' };
  const scope = { sourceIds: request.sourceIds, caseIds: request.caseIds };
  const prepared = preparedFor(data, request.unit, scope);
  const counted = patternsCache?.snapshot === data && patternsCache.key === requestKey(request, codeIds) ? patternsCache.patterns : undefined;
  const result = computeAgreement(data, { coders: request.coderIds, unit: request.unit, codeIds, scope, prepared, patterns: counted });
  if (!result.ok) return result;
  const coderIds = resolveCoders(data, request.coderIds);
  if (!coderIds.ok) return coderIds;
  const found = findDisagreements(data, { coderIds: coderIds.coders.map((c) => c.id), codeIds, unit: request.unit, scope, prepared }, DISAGREEMENTS_LISTED);
  const listed = found.disagreements;
  const consensus = consensusCodes(data.codings, findConsensusCoder(data.coders)?.id, codeIds, listed);
  const focus = focusOf(data.codings, new Set(coderIds.coders.map((c) => c.id)), new Set(codeIds), listed);
  return {
    ok: true,
    report: { table: result.table, disagreements: listed.map((d, i) => ({ ...d, consensusCodeIds: consensus[i]!, focus: focus[i]! })), disagreementCount: found.count },
  };
}

/** The consensus coder's chosen codes overlapping each passage, in the request's code order. */
function consensusCodes(codings: readonly Coding[], consensusId: string | undefined, codeIds: readonly string[], passages: readonly Disagreement[]): string[][] {
  if (consensusId === undefined) return passages.map(() => []);
  const rank = new Map(codeIds.map((id, i) => [id, i]));
  const bySource = new Map<string, Coding[]>();
  for (const c of codings) {
    if (c.coder !== consensusId || !rank.has(c.codeId)) continue;
    const list = bySource.get(c.sourceId) ?? [];
    list.push(c);
    bySource.set(c.sourceId, list);
  }
  return passages.map((d) => {
    const found = new Set<string>();
    for (const span of d.spans) for (const c of bySource.get(span.sourceId) ?? []) if (c.start < span.end && c.end > span.start) found.add(c.codeId);
    return [...found].sort((a, b) => rank.get(a)! - rank.get(b)!);
  });
}

/**
 * The first coding by a compared coder in each passage, clipped to the passage: opening the
 * document there shows the codings at that place (a unit's own start may hold none).
 */
function focusOf(codings: readonly Coding[], coders: ReadonlySet<string>, codes: ReadonlySet<string>, passages: readonly Disagreement[]): SourceSpan[] {
  const bySource = new Map<string, Coding[]>();
  for (const c of codings) {
    if (!coders.has(c.coder) || !codes.has(c.codeId)) continue;
    const list = bySource.get(c.sourceId) ?? [];
    list.push(c);
    bySource.set(c.sourceId, list);
  }
  return passages.map((d) => {
    const span = d.spans[0]!;
    let best: SourceSpan | null = null;
    for (const c of bySource.get(span.sourceId) ?? []) {
      if (c.start >= span.end || c.end <= span.start) continue;
      const start = Math.max(c.start, span.start);
      if (!best || start < best.start) best = { sourceId: span.sourceId, start, end: Math.min(c.end, span.end) };
    }
    return best ?? span;
  });
}

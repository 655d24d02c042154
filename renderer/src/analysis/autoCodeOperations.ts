// Auto-coding search hits, in the analysis worker: a preview (how many codings, a sample, what is
// skipped and why), then the commit — planned again inside the one write transaction from the
// codings stored at that moment, so the step applies to what is there — as ONE undoable step.
import { planAutoCode, type AutoCodePlan, type AutoCodeScope } from '../../../shared/analysis/autoCode';
import { buildCaseIndex } from '../../../shared/analysis/caseIndex';
import type { PassageToCode, PlannedCoding } from '../../../shared/analysis/planCodings';
import { commit } from '../db/operations/commit';
import { currentCoderIn, setCurrentCoderSource, type CurrentCoder } from '../db/operations/currentCoder';
import { newId, nowIso } from '../db/operations/now';
import { caseDataForAnalysis, codingsForAnalysis } from './analysisData';
import { sourceTextsOf } from './sourceTexts';
import { getDb } from '../db/db';

export interface AutoCodeRequest {
  hits: PassageToCode[];
  scope: AutoCodeScope;
  codeId: string;
  /** The coder id the codings carry. */
  coder: string;
  /**
   * Who is coding, as the page's one door knows it (db/operations/currentCoder.ts): a worker has
   * no such knowledge of its own, and the step must be attributed to them and add their coder
   * record when it is their first work in the project.
   */
  stepCoder?: CurrentCoder | null;
}

export interface AutoCodePreview {
  /** New codings the step would create. */
  added: number;
  /** Passages already coded with the code, or not codable. */
  skipped: number;
  /** Hits that gave no passage (a turn scope with the hit outside every turn). */
  unplaced: number;
  /** The first few new passages, as the preview shows them. */
  sample: PlannedCoding[];
  /** The first few reasons for skipping, with how often each came up. */
  reasons: Array<{ reason: string; count: number }>;
}

export const SAMPLE_SIZE = 5;

/** Plans the step: the code's codings (`existing`, being read) are read alongside the texts and cases. */
async function plan(projectId: string, request: AutoCodeRequest, reading: Promise<ReadonlyArray<{ sourceId: string; codeId: string; start: number; end: number }>>): Promise<AutoCodePlan> {
  const sourceIds = [...new Set(request.hits.map((h) => h.sourceId))];
  const [texts, cases, existing] = await Promise.all([sourceTextsOf(sourceIds), request.scope === 'turn' ? caseDataForAnalysis(projectId).then(buildCaseIndex) : undefined, reading]);
  return planAutoCode({
    hits: request.hits,
    scope: request.scope,
    cases,
    codeId: request.codeId,
    textOf: (id) => texts.get(id),
    existing,
    projectId,
    coder: request.coder,
    createdAt: nowIso(),
    newId,
  });
}

function summarise(p: AutoCodePlan): AutoCodePreview {
  const reasons = new Map<string, number>();
  for (const item of p.preview) if (item.status !== 'new' && item.reason) reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
  for (const item of p.unplaced) reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
  return {
    added: p.added,
    skipped: p.skipped,
    unplaced: p.unplaced.length,
    sample: p.preview.filter((item) => item.status === 'new').slice(0, SAMPLE_SIZE),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
  };
}

export async function previewAutoCode(projectId: string, request: AutoCodeRequest): Promise<AutoCodePreview> {
  return summarise(await plan(projectId, request, codingsForAnalysis(projectId, new Set([request.codeId]))));
}

/** Creates the codings in one step of the history; answers how many were created. */
export async function commitAutoCode(projectId: string, request: AutoCodeRequest): Promise<number> {
  const code = await getDb().codes.get(request.codeId);
  if (!code) throw new Error('That code no longer exists; nothing was coded.');
  // The texts are read before the transaction (they never change); the codings inside it.
  await sourceTextsOf([...new Set(request.hits.map((h) => h.sourceId))]);
  // In the worker nobody is installed as coding: install the page's coder for this step only.
  const install = request.stepCoder != null && currentCoderIn(projectId) === null;
  if (install) setCurrentCoderSource((id) => (id === projectId ? request.stepCoder! : null));
  try {
    return await commit(projectId, 'Auto-code', async () => {
      // The code's spans as the preview read them (the cached columns, re-read where a source's
      // stamp moved, here inside the write transaction): never every coding of those sources whole.
      const p = await plan(projectId, request, codingsForAnalysis(projectId, new Set([request.codeId])));
      return { changes: p.changes, result: p.added, label: `Auto-code ${p.added.toLocaleString('en-US')} passage${p.added === 1 ? '' : 's'} with ${code.name}` };
    });
  } finally {
    if (install) setCurrentCoderSource(null);
  }
}

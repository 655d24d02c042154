// Named operations that reshape the codebook: moving codes (drag and drop, keyboard), merging,
// splitting, copying codings, folders, and importing a codebook file. Each plans with the pure
// functions in shared/codebook against the rows read inside its transaction, then writes the plan
// in that same transaction, so a refused or failed step leaves nothing half-done.
import type { Code, CodeSet, Coding } from '../../../../shared/model/types';
import {
  indentCodes as planIndent,
  moveCodes as planMove,
  outdentCodes as planOutdent,
  reorderCodes as planReorder,
  type MoveResult,
  type MoveTarget,
} from '../../../../shared/codebook/moves';
import { planMerge } from '../../../../shared/codebook/merge';
import { planSplit } from '../../../../shared/codebook/split';
import { planCopyCodings } from '../../../../shared/codebook/copyCodings';
import { planSetCodable } from '../../../../shared/codebook/folder';
import { spanKey } from '../../../../shared/codebook/codingSpan';
import { planCodebookCsvImport } from '../../../../shared/codebook/importCsv';
import { planToRecords, type ImportPlan } from '../../../../shared/codebook/importPlan';
import { planRefiCodebookImport } from '../../../../shared/refi/qdcCandidates';
import type { QdcCodebook } from '../../../../shared/refi/qdcRead';
import { getDb } from '../db';
import { codingsOfCodes, codingsOfProject, codingTables, deleteCodingsOfCodes, putCodings } from '../codingsRepository';
import { newId, nowIso } from './now';

/** Every table a codebook operation may touch; codings live in two (see codingsRepository). */
function codebookTables() {
  const db = getDb();
  return [db.codes, ...codingTables(), db.codeSets, db.memos];
}

async function projectCodes(projectId: string): Promise<Code[]> {
  return getDb().codes.where('projectId').equals(projectId).toArray();
}

/** How codes are rearranged: the same four gestures the tree offers by mouse and keyboard. */
export type CodeArrangement =
  | { kind: 'move'; codeIds: readonly string[]; target: MoveTarget }
  | { kind: 'reorder'; codeIds: readonly string[]; direction: 'up' | 'down' }
  | { kind: 'indent'; codeIds: readonly string[] }
  | { kind: 'outdent'; codeIds: readonly string[] };

/** Plans an arrangement against a codebook (also used by the tree to refuse a drop while dragging). */
export function planArrangement(codes: readonly Code[], arrangement: CodeArrangement): MoveResult {
  switch (arrangement.kind) {
    case 'move':
      return planMove(codes, arrangement.codeIds, arrangement.target);
    case 'reorder':
      return planReorder(codes, arrangement.codeIds, arrangement.direction);
    case 'indent':
      return planIndent(codes, arrangement.codeIds);
    case 'outdent':
      return planOutdent(codes, arrangement.codeIds);
  }
}

/** Moves, reorders, indents or outdents codes. Throws the reason when the move is refused. */
export async function rearrangeCodes(projectId: string, arrangement: CodeArrangement): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.codes], async () => {
    const result = planArrangement(await projectCodes(projectId), arrangement);
    if (!result.ok) throw new Error(result.reason);
    for (const change of result.changes) {
      await db.codes.update(change.id, { parentId: change.parentId, order: change.order });
    }
  });
}

export interface MergeOutcome {
  /** Codings that moved to the target. */
  moved: number;
  /** Codings dropped because the target already had the same span. */
  collapsed: number;
}

/**
 * Merges codes into `targetId`: their codings move to it (identical ones collapse into one), their
 * definitions are appended to its, their subcodes move under it, and sets and memos follow. Memos
 * on a collapsed coding move to the coding that stays.
 */
export async function mergeCodes(sourceIds: readonly string[], targetId: string): Promise<MergeOutcome> {
  const db = getDb();
  return db.transaction('rw', codebookTables(), async () => {
    const target = await db.codes.get(targetId);
    if (!target) throw new Error('The code to merge into no longer exists.');
    const codes = await projectCodes(target.projectId);
    const codings = await codingsOfCodes([targetId, ...sourceIds]);
    const codeSets = await db.codeSets.where('projectId').equals(target.projectId).toArray();
    const plan = planMerge({ codes, codings, sourceIds, targetId, codeSets });
    if (!plan.ok) throw new Error(plan.reason);

    const byId = new Map(codings.map((c) => [c.id, c]));
    const recoded: Coding[] = plan.recode.map(({ codingId, codeId }) => ({ ...byId.get(codingId)!, codeId }));
    // Which coding stays for each span under the target, for memos on the collapsed ones.
    const survivorBySpan = new Map<string, string>();
    for (const coding of [...codings.filter((c) => c.codeId === targetId), ...recoded]) {
      survivorBySpan.set(spanKey(coding, targetId), coding.id);
    }
    // The merged codes' codings all go (the collapsed ones for good), then the moved ones return
    // under the target: two bulk writes instead of one rewrite of a block per coding.
    await deleteCodingsOfCodes(plan.deleteCodeIds);
    await putCodings(recoded);

    for (const codingId of plan.deleteCodingIds) {
      const survivor = survivorBySpan.get(spanKey(byId.get(codingId)!, targetId));
      if (survivor) await db.memos.where('targetId').equals(codingId).modify({ targetId: survivor });
    }
    await db.memos.where('targetId').anyOf(plan.deleteCodeIds).modify({ targetId });
    for (const placement of plan.placements) {
      await db.codes.update(placement.id, { parentId: placement.parentId, order: placement.order });
    }
    if (Object.keys(plan.targetChanges).length > 0) await db.codes.update(targetId, plan.targetChanges);
    for (const change of plan.codeSetChanges) await db.codeSets.update(change.id, { codeIds: change.codeIds });
    await db.codes.bulkDelete(plan.deleteCodeIds);
    return { moved: plan.recode.length, collapsed: plan.deleteCodingIds.length };
  });
}

export interface SplitRequest {
  codeId: string;
  /** The codings that move to the new code. */
  codingIds: readonly string[];
  name: string;
  placement?: 'child' | 'sibling';
}

/** Splits chosen codings off a code into a new code (by default its subcode). Returns the new code. */
export async function splitCode(request: SplitRequest): Promise<Code> {
  const db = getDb();
  return db.transaction('rw', codebookTables(), async () => {
    const code = await db.codes.get(request.codeId);
    if (!code) throw new Error('The code to split no longer exists.');
    const codes = await projectCodes(code.projectId);
    const codings = await codingsOfCodes([code.id]);
    const plan = planSplit({
      codes,
      codings,
      codeId: code.id,
      codingIds: request.codingIds,
      name: request.name,
      ...(request.placement ? { placement: request.placement } : {}),
      newId: newId(),
      now: nowIso(),
    });
    if (!plan.ok) throw new Error(plan.reason);
    await db.codes.add(plan.newCode);
    const byId = new Map(codings.map((c) => [c.id, c]));
    await putCodings(plan.recode.map(({ codingId, codeId }) => ({ ...byId.get(codingId)!, codeId })));
    for (const placement of plan.placements) {
      await db.codes.update(placement.id, { parentId: placement.parentId, order: placement.order });
    }
    if (Object.keys(plan.codeChanges).length > 0) await db.codes.update(code.id, plan.codeChanges);
    return plan.newCode;
  });
}

export interface CopyOutcome {
  copied: number;
  /** Codings the target already had on the same span. */
  skipped: number;
}

export interface CopyOptions {
  /** The codes the chosen codings belong to, when known: only their codings are read. */
  fromCodeIds?: readonly string[];
  /** Who the copies are attributed to; by default each keeps its original coder. */
  coder?: string;
}

/** Codes the same spans with another code too; spans the target already codes are left alone. */
export async function copyCodingsToCode(codingIds: readonly string[], targetCodeId: string, options: CopyOptions = {}): Promise<CopyOutcome> {
  const db = getDb();
  return db.transaction('rw', codebookTables(), async () => {
    const target = await db.codes.get(targetCodeId);
    if (!target) throw new Error('The code to copy to no longer exists.');
    const wanted = new Set(codingIds);
    const candidates = options.fromCodeIds
      ? await codingsOfCodes([targetCodeId, ...options.fromCodeIds])
      : await codingsOfProject(target.projectId);
    const codings = candidates.filter((c) => wanted.has(c.id) || c.codeId === targetCodeId);
    const plan = planCopyCodings({
      codes: await projectCodes(target.projectId),
      codings,
      codingIds,
      targetCodeId,
      newId,
      now: nowIso(),
      ...(options.coder !== undefined ? { coder: options.coder } : {}),
    });
    if (!plan.ok) throw new Error(plan.reason);
    await putCodings(plan.create);
    return { copied: plan.create.length, skipped: plan.skippedCodingIds.length };
  });
}

/** Makes a code a folder (groups codes, is never applied to text) or codable again. */
export async function setCodeCodable(codeId: string, isCodable: boolean): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.codes, ...codingTables()], async () => {
    const code = await db.codes.get(codeId);
    if (!code) throw new Error('That code no longer exists.');
    const result = planSetCodable(code, await codingsOfCodes([codeId]), isCodable);
    if (!result.ok) throw new Error(result.reason);
    await db.codes.update(codeId, result.changes);
  });
}

/** A codebook file, read: CSV text (ours, Taguette's, MAXQDA's) or a REFI-QDA codebook. */
export type CodebookFile = { kind: 'csv'; text: string } | { kind: 'refi'; codebook: QdcCodebook };

async function planImport(projectId: string, file: CodebookFile): Promise<ImportPlan> {
  const db = getDb();
  const existing = await projectCodes(projectId);
  const existingSets: CodeSet[] = await db.codeSets.where('projectId').equals(projectId).toArray();
  // Ids used anywhere (other projects too) are never reused for a new code or set.
  const takenIds = new Set<string>([
    ...((await db.codes.toCollection().primaryKeys()) as string[]),
    ...((await db.codeSets.toCollection().primaryKeys()) as string[]),
  ]);
  return file.kind === 'csv'
    ? planCodebookCsvImport(file.text, existing, { takenIds })
    : planRefiCodebookImport(file.codebook, existing, { takenIds, existingSets });
}

/** What importing the file would do, row by row, without changing anything. */
export async function previewCodebookImport(projectId: string, file: CodebookFile): Promise<ImportPlan> {
  const db = getDb();
  return db.transaction('r', [db.codes, db.codeSets], () => planImport(projectId, file));
}

export interface ImportOutcome {
  created: number;
  updated: number;
  skipped: number;
  sets: number;
}

/**
 * Imports the valid rows of a codebook file, all in one transaction. The plan is made again
 * inside it; if it no longer matches what the preview showed (`expected`), the codebook changed
 * meanwhile and nothing is written.
 */
export async function importCodebook(projectId: string, file: CodebookFile, expected: ImportPlan['summary']): Promise<ImportOutcome> {
  const db = getDb();
  return db.transaction('rw', [db.projects, db.codes, db.codeSets], async () => {
    if (!(await db.projects.get(projectId))) throw new Error('That project no longer exists.');
    const plan = await planImport(projectId, file);
    const { create, match, skip } = plan.summary;
    if (create !== expected.create || match !== expected.match || skip !== expected.skip) {
      throw new Error('The codebook changed while the preview was open. Nothing was imported: open the file again to see the new preview.');
    }
    if (plan.messages.some((m) => m.severity === 'error')) {
      throw new Error(plan.messages.find((m) => m.severity === 'error')!.text);
    }
    const records = planToRecords(plan, projectId, nowIso(), newId);
    await db.codes.bulkPut(records.codes);
    await db.codeSets.bulkPut(records.codeSets);
    const updated = plan.rows.filter((r) => r.action === 'match' && Object.keys(r.updates).length > 0).length;
    return { created: create, updated, skipped: skip, sets: records.codeSets.length };
  });
}

// Named operations that reshape the codebook: moving codes (drag and drop, keyboard), merging,
// splitting, copying codings, folders, and importing a codebook file. Each plans with the pure
// functions in shared/codebook against the rows read inside its commit (./commit.ts), turns the
// plan into a change set, and the commit writes it: a refused or failed step leaves nothing.
import type { Code, CodeSet } from '../../../../shared/model/types';
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
import { ChangeSetBuilder } from '../../../../shared/model/changeSetBuilder';
import type { CodePlacement } from '../../../../shared/codebook/moves';
import { getDb } from '../db';
import { codingsOfCodes, codingsOfProject } from '../codingsRepository';
import { commit } from './commit';
import { newId, nowIso } from './now';
import { plural } from '../../../../shared/text/plural';

async function projectOfCode(codeId: string, missing: string): Promise<string> {
  const code = await getDb().codes.get(codeId);
  if (!code) throw new Error(missing);
  return code.projectId;
}

/** Adds the code updates for some placements to `changes`. */
function placeCodes(changes: ChangeSetBuilder, byId: ReadonlyMap<string, Code>, placements: readonly Pick<CodePlacement, 'id' | 'parentId' | 'order'>[], overrides = new Map<string, Partial<Code>>()): void {
  const seen = new Set<string>();
  for (const p of placements) {
    const before = byId.get(p.id);
    if (!before) continue;
    seen.add(p.id);
    changes.update('codes', before, { ...before, parentId: p.parentId, order: p.order, ...overrides.get(p.id) });
  }
  for (const [id, patch] of overrides) {
    const before = byId.get(id);
    if (before && !seen.has(id)) changes.update('codes', before, { ...before, ...patch });
  }
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
  await commit(projectId, 'Move codes', async () => {
    const codes = await projectCodes(projectId);
    const result = planArrangement(codes, arrangement);
    if (!result.ok) throw new Error(result.reason);
    const changes = new ChangeSetBuilder();
    placeCodes(changes, new Map(codes.map((c) => [c.id, c])), result.changes);
    const first = codes.find((c) => c.id === arrangement.codeIds[0]);
    const what = arrangement.codeIds.length === 1 && first ? `code ${first.name}` : plural(arrangement.codeIds.length, 'code');
    const verb = { move: 'Move', reorder: 'Reorder', indent: 'Indent', outdent: 'Outdent' }[arrangement.kind];
    return { changes: changes.build(), result: undefined, label: `${verb} ${what}` };
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
export async function mergeCodes(mergedCodeIds: readonly string[], targetId: string): Promise<MergeOutcome> {
  const projectId = await projectOfCode(targetId, 'The code to merge into no longer exists.');
  return commit(projectId, 'Merge codes', async () => {
    const db = getDb();
    const target = await db.codes.get(targetId);
    if (!target) throw new Error('The code to merge into no longer exists.');
    const codes = await projectCodes(target.projectId);
    const codings = await codingsOfCodes([targetId, ...mergedCodeIds]);
    const codeSets = await db.codeSets.where('projectId').equals(target.projectId).toArray();
    const plan = planMerge({ codes, codings, mergedCodeIds, targetId, codeSets });
    if (!plan.ok) throw new Error(plan.reason);

    const changes = new ChangeSetBuilder();
    const byId = new Map(codings.map((c) => [c.id, c]));
    const recoded = plan.recode.map(({ codingId, codeId }) => [byId.get(codingId)!, { ...byId.get(codingId)!, codeId }] as const);
    for (const [before, after] of recoded) changes.update('codings', before, after);
    // Which coding stays for each span under the target, for memos on the collapsed ones.
    const survivorBySpan = new Map<string, string>();
    for (const coding of [...codings.filter((c) => c.codeId === targetId), ...recoded.map(([, after]) => after)]) {
      survivorBySpan.set(spanKey(coding, targetId), coding.id);
    }
    const collapsed = plan.deleteCodingIds.map((id) => byId.get(id)!);
    changes.remove('codings', ...collapsed);
    const memos = await db.memos.where('targetId').anyOf([...plan.deleteCodingIds, ...plan.deleteCodeIds]).toArray();
    for (const memo of memos) {
      const coding = byId.get(memo.targetId);
      const survivor = coding ? survivorBySpan.get(spanKey(coding, targetId)) : targetId;
      if (survivor) changes.update('memos', memo, { ...memo, targetId: survivor });
    }
    const codesById = new Map(codes.map((c) => [c.id, c]));
    placeCodes(changes, codesById, plan.placements, Object.keys(plan.targetChanges).length > 0 ? new Map([[targetId, plan.targetChanges]]) : undefined);
    const setsById = new Map(codeSets.map((s) => [s.id, s]));
    for (const change of plan.codeSetChanges) {
      const before = setsById.get(change.id)!;
      changes.update('codeSets', before, { ...before, codeIds: change.codeIds });
    }
    changes.remove('codes', ...plan.deleteCodeIds.map((id) => codesById.get(id)!));
    const names = plan.deleteCodeIds.map((id) => codesById.get(id)!.name).join(', ');
    return {
      changes: changes.build(),
      result: { moved: plan.recode.length, collapsed: plan.deleteCodingIds.length },
      label: `Merge ${names} into ${target.name}`,
    };
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
  const projectId = await projectOfCode(request.codeId, 'The code to split no longer exists.');
  return commit(projectId, 'Split a code', async () => {
    const db = getDb();
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
    const changes = new ChangeSetBuilder().add('codes', plan.newCode);
    const byId = new Map(codings.map((c) => [c.id, c]));
    for (const { codingId, codeId } of plan.recode) changes.update('codings', byId.get(codingId)!, { ...byId.get(codingId)!, codeId });
    placeCodes(changes, new Map(codes.map((c) => [c.id, c])), plan.placements.filter((p) => p.id !== plan.newCode.id), Object.keys(plan.codeChanges).length > 0 ? new Map([[code.id, plan.codeChanges]]) : undefined);
    return { changes: changes.build(), result: plan.newCode, label: `Split ${plural(plan.recode.length, 'coding')} off ${code.name} into ${plan.newCode.name}` };
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
  const projectId = await projectOfCode(targetCodeId, 'The code to copy to no longer exists.');
  return commit(projectId, 'Copy codings', async () => {
    const db = getDb();
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
    return {
      changes: new ChangeSetBuilder().add('codings', ...plan.create).build(),
      result: { copied: plan.create.length, skipped: plan.skippedCodingIds.length },
      label: `Apply ${target.name} to ${plural(plan.create.length, 'passage')}`,
    };
  });
}

/** Makes a code a folder (groups codes, is never applied to text) or codable again. */
export async function setCodeCodable(codeId: string, isCodable: boolean): Promise<void> {
  const projectId = await projectOfCode(codeId, 'That code no longer exists.');
  await commit(projectId, 'Change a folder', async () => {
    const code = await getDb().codes.get(codeId);
    if (!code) throw new Error('That code no longer exists.');
    const result = planSetCodable(code, await codingsOfCodes([codeId]), isCodable);
    if (!result.ok) throw new Error(result.reason);
    return {
      changes: new ChangeSetBuilder().update('codes', code, { ...code, ...result.changes }).build(),
      result: undefined,
      label: isCodable ? `Make ${code.name} a code` : `Make ${code.name} a folder`,
    };
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
  return commit(projectId, 'Import a codebook', async () => {
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
    const changes = new ChangeSetBuilder();
    const [oldCodes, oldSets] = await Promise.all([db.codes.bulkGet(records.codes.map((c) => c.id)), db.codeSets.bulkGet(records.codeSets.map((c) => c.id))]);
    records.codes.forEach((code, i) => (oldCodes[i] ? changes.update('codes', oldCodes[i], code) : changes.add('codes', code)));
    records.codeSets.forEach((set, i) => (oldSets[i] ? changes.update('codeSets', oldSets[i], set) : changes.add('codeSets', set)));
    const updated = plan.rows.filter((r) => r.action === 'match' && Object.keys(r.updates).length > 0).length;
    return { changes: changes.build(), result: { created: create, updated, skipped: skip, sets: records.codeSets.length }, label: `Import a codebook (${plural(create, 'new code')})` };
  });
}

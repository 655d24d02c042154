// "Merge project", over the database: plan the merge of a colleague's project (a snapshot read
// from their .qdpx) into a stored one with shared/merge's planMerge, then commit the plan as ONE
// undoable step ("Merge project <file>"). Planning again after the commit gives an empty plan.
//
// Ids are primary keys across every project in this database, while planMerge only knows ours:
// a record of theirs whose id some OTHER project here already uses (their file was opened here
// as a project once, or is a copy of one) would be refused by the commit. Exactly those ids get
// fresh ones before planning (every reference following, shared/model/remapIds); ids that are
// ours stay, since matching by id (coders, codes) depends on them.
import { planMerge, type MergePlan } from '../../../../shared/merge/planMerge';
import { emptyChanges, isEmptyChangeSet, type ChangeSet } from '../../../../shared/model/changeSet';
import { ENTITY_KINDS, keyOf, type EntityKind } from '../../../../shared/model/entities';
import { recordsOf, type ProjectSnapshot } from '../../../../shared/model/snapshot';
import { remapIds } from '../../../../shared/model/remapIds';
import { conflictsWithStore } from '../changeStore';
import { readProject } from '../readProject';
import { rowsByKey } from '../recordsRepository';
import { commit } from './commit';
import { newId } from './now';

/** Kinds whose keys are not ids of their own (a source's text, a case's value). */
const KEYED_BY_OTHERS: ReadonlySet<EntityKind> = new Set(['sourceTexts', 'caseValues']);

/**
 * Their ids that another project of this database already uses. Only ids that are not ours are
 * looked up (a copy of this very project has almost none), and never a source's text: reading
 * 20 MB of texts to learn that their ids are taken would be most of a merge's time.
 */
async function idsUsedElsewhere(ours: ProjectSnapshot, theirs: ProjectSnapshot): Promise<Set<string>> {
  const oursIds = new Set<string>();
  for (const kind of ENTITY_KINDS) {
    if (KEYED_BY_OTHERS.has(kind)) continue;
    for (const record of recordsOf(ours, kind)) oursIds.add(keyOf(kind, record as never));
  }
  const unknown: ChangeSet = {};
  for (const kind of ENTITY_KINDS) {
    if (KEYED_BY_OTHERS.has(kind)) continue;
    const records = recordsOf(theirs, kind).filter((record) => !oursIds.has(keyOf(kind, record as never)));
    if (records.length > 0) (unknown as Record<string, unknown>)[kind] = { ...emptyChanges(), added: records };
  }
  if (isEmptyChangeSet(unknown)) return new Set();
  // Outside a transaction: reading packed codings may wait on more than IndexedDB (which would end
  // one early), and this is only a hint for the plan: the commit checks everything again.
  const stored = await conflictsWithStore(unknown);
  return new Set(stored.filter((c) => !KEYED_BY_OTHERS.has(c.kind)).map((c) => c.key));
}

export interface ProjectMergePlan extends MergePlan {
  projectId: string;
  /**
   * Where the time went (ms): reading this project (when read ahead, only the wait left after
   * their file was read), looking up their ids, planning.
   */
  timings: { readOurs: number; check: number; plan: number };
}

/**
 * The stored project as a merge starts from, read ahead: the merge worker starts reading it as
 * soon as "Merge project" is chosen, while the file is being chosen and read, since the database
 * works apart from the thread parsing the file. Awaited by `planProjectMerge`, which reads again
 * should the project have changed in between (every commit stamps `updatedAt`).
 */
export function readMergeTarget(projectId: string): Promise<ProjectSnapshot> {
  const read = readOurs(projectId);
  // Read ahead and perhaps never used (the file chooser cancelled): no unhandled rejection.
  read.catch(() => undefined);
  return read;
}

/**
 * This project as the plan compares with it: its codings without quotes or creation times, which
 * the plan never reads (codings match by source, code, coder and span; ours are never rewritten).
 */
function readOurs(projectId: string): Promise<ProjectSnapshot> {
  return readProject(projectId, { codings: 'keys' });
}

async function stillCurrent(projectId: string, read: Promise<ProjectSnapshot>): Promise<ProjectSnapshot> {
  const snapshot = await read.catch(() => null);
  const [stored] = await rowsByKey('projects', [projectId]);
  return snapshot && stored && stored.updatedAt === snapshot.project.updatedAt ? snapshot : readOurs(projectId);
}

/**
 * Plans merging `theirs` into the stored project. `onProgress` gets the share done (0–1) and the
 * kind of record just merged. Reads only; nothing changes until `commitProjectMerge`. `ours` is
 * the project read ahead (`readMergeTarget`), if it was.
 */
export async function planProjectMerge(
  projectId: string,
  theirFile: ProjectSnapshot,
  onProgress?: (fraction: number, step: string) => void,
  ahead?: Promise<ProjectSnapshot>,
): Promise<ProjectMergePlan> {
  const started = performance.now();
  // Their sources' original files are not compared (ours are not read: readProject leaves them
  // out, they can be hundreds of megabytes); they come along with the sources the merge adds.
  const { sourceOriginals: _compared, ...theirs } = theirFile;
  const ours = ahead ? await stillCurrent(projectId, ahead) : await readOurs(projectId);
  const read = performance.now();
  // Shares of this function's time measured on the benchmark's merge (the project read ahead
  // while their file was read; 0.1 s checking, 0.5 s planning), so the bar moves as the work does.
  onProgress?.(0.15, 'reading this project');
  const clashing = await idsUsedElsewhere(ours, theirs);
  const checked = performance.now();
  onProgress?.(0.25, 'checking ids');
  const safe = clashing.size > 0 ? remapIds(theirFile, newId, (id) => clashing.has(id)) : theirFile;
  const { sourceOriginals, ...safeTheirs } = safe;
  const plan = planMerge(ours, safeTheirs, { newId, onProgress: (fraction, step) => onProgress?.(0.25 + 0.75 * fraction, step) });
  const changes = withOriginals(plan.changes, plan.ids.sources, sourceOriginals ?? [], projectId);
  return { ...plan, changes, projectId, timings: { readOurs: read - started, check: checked - read, plan: performance.now() - checked } };
}

/**
 * The plan with the original file (a .docx, a PDF) of each source it adds, under the source's id
 * here. A source matched to one of ours keeps ours as it is, with or without an original.
 */
function withOriginals(changes: ChangeSet, sourceIds: ReadonlyMap<string, string>, originals: NonNullable<ProjectSnapshot['sourceOriginals']>, projectId: string): ChangeSet {
  const added = new Set(changes.sources?.added.map((s) => s.id));
  const carried = originals.flatMap((original) => {
    const id = sourceIds.get(original.sourceId);
    return id !== undefined && added.has(id) ? [{ ...original, sourceId: id, projectId }] : [];
  });
  return carried.length > 0 ? { ...changes, sourceOriginals: { ...emptyChanges(), added: carried } } : changes;
}

/** The label of the merge's history step. */
export function mergeStepLabel(fileName: string): string {
  return `Merge project ${fileName}`;
}

/**
 * Commits a plan as one undoable step. A plan with nothing to add writes nothing and records no
 * step. Refused, changing nothing, when the project changed under the plan in a way it no longer
 * fits (the commit's conflict check): plan again then.
 */
export async function commitProjectMerge(plan: ProjectMergePlan, fileName: string): Promise<void> {
  await commit(plan.projectId, mergeStepLabel(fileName), () => plan.changes);
}

// Importing a codebook is planned before anything is written: every row of the file becomes
// "create", "match" (an existing code, found by id, else by path) or "skip" with the reasons, so
// the preview can show exactly what will happen and the caller can write the valid rows in one
// transaction. The plan is format-free: CSV and REFI-QDA readers turn their files into
// `CodeCandidate`s and `SetCandidate`s first.
import type { Code, CodeSet } from '../model/types';
import { normaliseGuid } from '../refi/guid';
import { normaliseColor } from './color';
import { cleanCodeName, MAX_CODE_NAME_LENGTH } from './codeName';
import { PaletteUses } from './palette';
import { childrenByParent, flattenTree, pathSegments, PATH_SEPARATOR } from './tree';
import { nextOrder } from '../model/order';

export type ImportSeverity = 'error' | 'warning' | 'info';

/** An error means the row is skipped; a warning that it is imported with something changed. */
export interface ImportMessage {
  severity: ImportSeverity;
  text: string;
}

/** How a file names a code's parent. */
export type ParentRef =
  | { kind: 'none' }
  /** By id: our CSV's parent_id, REFI-QDA nesting. */
  | { kind: 'id'; id: string }
  /** By another row's `key`: Taguette's parent column names the parent tag. */
  | { kind: 'key'; key: string }
  /** By path from the root: MAXQDA's "Parent\Child" cells. */
  | { kind: 'path'; segments: string[] };

/** One code as a file describes it, before any checking. Absent fields are absent in the file. */
export interface CodeCandidate {
  /** Where the user finds it in the file: "Row 4", "Code “Economy”". */
  where: string;
  id?: string;
  /** What other rows' `{ kind: 'key' }` parents refer to. */
  key?: string;
  /** The full path the file states for this code, for other rows' `{ kind: 'path' }` parents. */
  declaredPath?: string[];
  name: string;
  parent: ParentRef;
  description?: string;
  color?: string;
  memo?: string;
  inclusion?: string;
  exclusion?: string;
  isCodable?: string | boolean;
  /** Problems the reader already found (a ragged row, say). */
  messages?: ImportMessage[];
}

/** A code set as a file describes it; members are code ids (GUIDs) as written in the file. */
export interface SetCandidate {
  where: string;
  id?: string;
  name: string;
  description?: string;
  memberIds: string[];
}

type Definition = Pick<Code, 'description' | 'color' | 'memo' | 'inclusion' | 'exclusion' | 'isCodable'>;

export interface ImportPlanRow {
  where: string;
  action: 'create' | 'match' | 'skip';
  /** How a 'match' row found its code. */
  matchedBy?: 'id' | 'path';
  /**
   * 'match': the existing code's id. 'create': the file's id when it can be kept (it is a valid
   * GUID used nowhere else), or null for a new one. 'skip': null.
   */
  codeId: string | null;
  name: string;
  /** Where the code will sit, names joined with " > " (for the preview). */
  path: string;
  /** 'create' only: the parent, an existing code or another row of this plan (by index). */
  parent: { kind: 'root' } | { kind: 'existing'; id: string } | { kind: 'row'; index: number };
  /** 'create' only: order among its new siblings. */
  order: number;
  /** 'create' only: the new code's definition, normalised. */
  definition: Definition;
  /** 'match' only: the fields the import changes on the existing code. */
  updates: Partial<Definition>;
  /** 'match' only: the existing code. */
  existing?: Code;
  /** True for a parent the file implies by a path but has no row of its own. */
  implied?: boolean;
  messages: ImportMessage[];
}

export interface CodeSetPlanRow {
  where: string;
  action: 'create' | 'match' | 'skip';
  /** 'match': the existing set's id; 'create': the file's id if it can be kept, else null. */
  setId: string | null;
  name: string;
  description: string;
  /** Members as plan row indices (codes being imported) or ids of existing codes. */
  members: Array<{ kind: 'row'; index: number } | { kind: 'existing'; id: string }>;
  existing?: CodeSet;
  messages: ImportMessage[];
}

export interface ImportPlan {
  rows: ImportPlanRow[];
  codeSets: CodeSetPlanRow[];
  /** About the file as a whole (unknown format, no rows). */
  messages: ImportMessage[];
  summary: { create: number; match: number; skip: number };
}

export interface ImportPlanOptions {
  /**
   * Ids already used anywhere in the database (other projects included). A file id found there
   * but not in this project's codebook is not reused: the code gets a new id instead.
   */
  takenIds?: ReadonlySet<string>;
  /** Create parents that a path names but no row describes (path-based formats). Default false. */
  createImpliedParents?: boolean;
  sets?: readonly SetCandidate[];
  existingSets?: readonly CodeSet[];
}

interface Work {
  candidate: CodeCandidate;
  /** Sort key for the preview and sibling order: file position; implied parents sit just before. */
  position: number;
  name: string;
  id: string | null; // normalised file id
  rawId: string | null;
  definition: Definition;
  hasField: Record<'description' | 'color' | 'memo' | 'inclusion' | 'exclusion', boolean>;
  messages: ImportMessage[];
  failed: boolean;
  link: { kind: 'root' } | { kind: 'existing'; code: Code } | { kind: 'row'; index: number } | { kind: 'missing' };
  implied: boolean;
}

const TEXT_FIELDS = ['description', 'memo', 'inclusion', 'exclusion'] as const;

export function planCodebookImport(
  candidates: readonly CodeCandidate[],
  existing: readonly Code[],
  options: ImportPlanOptions = {},
): ImportPlan {
  const existingById = new Map(existing.map((c) => [c.id, c]));
  // Display order, so that of two existing codes with one path the one shown first is matched.
  const existingByPath = new Map<string, Code>();
  for (const { code } of flattenTree(existing)) {
    const key = pathKey(pathSegments(existingById, code.id));
    if (!existingByPath.has(key)) existingByPath.set(key, code);
  }
  const takenIds = options.takenIds ?? new Set<string>();

  // 1. Each row on its own: name, id, colour, codability.
  const work: Work[] = candidates.map((candidate, position) => normaliseCandidate(candidate, position));
  const byId = new Map<string, number>();
  work.forEach((w, i) => {
    const key = w.id ?? w.rawId;
    if (key === null) return;
    const first = byId.get(key);
    if (first !== undefined) {
      fail(w, `It has the same id as ${lowerFirst(work[first]!.candidate.where)}.`);
    } else {
      byId.set(key, i);
    }
  });
  const byKey = new Map<string, number>();
  const byDeclaredPath = new Map<string, number>();
  work.forEach((w, i) => {
    const key = w.candidate.key;
    if (key !== undefined && !byKey.has(key)) byKey.set(key, i);
    const declared = w.candidate.declaredPath;
    if (declared && declared.length > 0 && !w.failed) {
      const k = pathKey(declared.map(cleanCodeName));
      if (!byDeclaredPath.has(k)) byDeclaredPath.set(k, i);
    }
  });

  // 2. Link each row to its parent: another row, an existing code, the top level, or nothing.
  const impliedByPath = new Map<string, number>();
  const resolvePath = (segments: readonly string[], requester: Work): Work['link'] => {
    if (segments.length === 0) return { kind: 'root' };
    const key = pathKey(segments);
    const row = byDeclaredPath.get(key) ?? impliedByPath.get(key);
    if (row !== undefined) return { kind: 'row', index: row };
    const code = existingByPath.get(key);
    if (code) return { kind: 'existing', code };
    if (!options.createImpliedParents) return { kind: 'missing' };
    const implied: Work = {
      candidate: { where: `${requester.candidate.where} (implied parent)`, name: segments.at(-1)!, parent: { kind: 'none' } },
      // Just before the row that implies it, shallower implied parents first.
      position: requester.position - 0.5 + segments.length * 1e-6,
      name: segments.at(-1)!,
      id: null,
      rawId: null,
      definition: { description: '', color: '', memo: '', inclusion: '', exclusion: '', isCodable: true },
      hasField: { description: false, color: false, memo: false, inclusion: false, exclusion: false },
      messages: [
        {
          severity: 'warning',
          text: `The file names “${segments.join(PATH_SEPARATOR)}” as a parent but has no row for it: it will be created empty.`,
        },
      ],
      failed: false,
      link: { kind: 'root' },
      implied: true,
    };
    const index = work.push(implied) - 1;
    impliedByPath.set(key, index);
    implied.link = resolvePath(segments.slice(0, -1), requester);
    return { kind: 'row', index };
  };
  const fileRows = work.length;
  for (let i = 0; i < fileRows; i++) {
    const w = work[i]!;
    const parent = w.candidate.parent;
    if (parent.kind === 'none') {
      w.link = { kind: 'root' };
    } else if (parent.kind === 'id') {
      const key = normaliseGuid(parent.id) ?? parent.id.trim();
      const row = byId.get(key);
      const code = existingById.get(key);
      if (row !== undefined) w.link = { kind: 'row', index: row };
      else if (code) w.link = { kind: 'existing', code };
      else {
        w.link = { kind: 'missing' };
        fail(w, `Its parent (id ${parent.id.trim()}) is neither in the file nor in the codebook.`);
      }
    } else if (parent.kind === 'key') {
      const row = byKey.get(parent.key);
      const code = existingByPath.get(pathKey([cleanCodeName(parent.key)]))
        ?? existingByPath.get(pathKey(parent.key.split(PATH_SEPARATOR).map(cleanCodeName)));
      if (row !== undefined) w.link = { kind: 'row', index: row };
      else if (code) w.link = { kind: 'existing', code };
      else {
        w.link = { kind: 'missing' };
        fail(w, `Its parent “${parent.key}” is neither in the file nor in the codebook.`);
      }
    } else {
      const segments = parent.segments.map(cleanCodeName);
      w.link = resolvePath(segments, w);
      if (w.link.kind === 'missing') {
        fail(w, `Its parent “${segments.join(PATH_SEPARATOR)}” is neither in the file nor in the codebook.`);
      }
    }
  }

  // 3. Cycles: follow parents from every row; a row met twice on one walk closes a loop.
  const inCycle = new Set<number>();
  const cleared = new Set<number>();
  for (let start = 0; start < work.length; start++) {
    const walk: number[] = [];
    const onWalk = new Map<number, number>();
    let at: number | null = start;
    while (at !== null && !cleared.has(at) && !inCycle.has(at)) {
      if (onWalk.has(at)) {
        const loop = walk.slice(onWalk.get(at)!);
        loop.forEach((i, k) => {
          // Each row's message starts the circle at that row: "row 5 → row 4 → row 5".
          const round = [...loop.slice(k), ...loop.slice(0, k), i].map((j) => lowerFirst(work[j]!.candidate.where));
          inCycle.add(i);
          fail(work[i]!, `Its parent chain goes round in a circle (${round.join(' → ')}).`);
        });
        break;
      }
      onWalk.set(at, walk.length);
      walk.push(at);
      const link: Work['link'] = work[at]!.link;
      at = link.kind === 'row' ? link.index : null;
    }
    for (const i of walk) if (!inCycle.has(i)) cleared.add(i);
  }

  // 4. Parents before children, siblings in file order: decide each row against the codebook.
  const children = new Map<number | 'top', number[]>();
  const sortedIndices = work.map((_, i) => i).sort((a, b) => work[a]!.position - work[b]!.position);
  for (const i of sortedIndices) {
    const link = work[i]!.link;
    const key = link.kind === 'row' ? link.index : 'top';
    const list = children.get(key) ?? [];
    list.push(i);
    children.set(key, list);
  }
  const rows = new Map<number, ImportPlanRow>();
  const segmentsOf = new Map<number, string[]>();
  const pathOwner = new Map<string, number>();
  const matchedCode = new Map<string, number>();
  const usedColors = new PaletteUses(existing.map((c) => c.color));
  const nextOrderOf = new Map<string, number>();
  const existingChildren = childrenByParent(existing);
  const orderFor = (parent: ImportPlanRow['parent']): number => {
    const key = parent.kind === 'row' ? `row:${parent.index}` : parent.kind === 'existing' ? `code:${parent.id}` : 'top';
    let next = nextOrderOf.get(key);
    if (next === undefined) {
      // New codes go after the existing children of their parent, in file order.
      const siblings = parent.kind === 'row' ? [] : (existingChildren.get(parent.kind === 'existing' ? parent.id : null) ?? []);
      next = nextOrder(siblings);
    }
    nextOrderOf.set(key, next + 1);
    return next;
  };

  const decide = (i: number): void => {
    const w = work[i]!;
    const link = w.link;
    let parent: ImportPlanRow['parent'] = { kind: 'root' };
    let parentSegments: string[] = [];
    if (link.kind === 'row') {
      const parentRow = rows.get(link.index);
      if (!w.failed && (!parentRow || parentRow.action === 'skip')) {
        fail(w, `Its parent (${lowerFirst(work[link.index]!.candidate.where)}) is not imported.`);
      }
      if (parentRow && parentRow.action !== 'skip') {
        parentSegments = segmentsOf.get(link.index)!;
        parent = parentRow.action === 'match' ? { kind: 'existing', id: parentRow.codeId! } : { kind: 'row', index: link.index };
      }
    } else if (link.kind === 'existing') {
      parentSegments = pathSegments(existingById, link.code.id);
      parent = { kind: 'existing', id: link.code.id };
    }
    const segments = [...parentSegments, w.name];
    const key = pathKey(segments);
    const row: ImportPlanRow = {
      where: w.candidate.where,
      action: 'skip',
      codeId: null,
      name: w.name,
      path: segments.join(PATH_SEPARATOR),
      parent,
      order: 0,
      definition: w.definition,
      updates: {},
      messages: w.messages,
      ...(w.implied ? { implied: true } : {}),
    };
    rows.set(i, row);
    segmentsOf.set(i, segments);
    if (!w.failed) {
      const byIdMatch = w.id !== null ? existingById.get(w.id) : undefined;
      const match = byIdMatch ?? existingByPath.get(key);
      const earlierPath = pathOwner.get(key);
      if (match && matchedCode.has(match.id)) {
        fail(w, `It matches the same code as ${lowerFirst(work[matchedCode.get(match.id)!]!.candidate.where)}.`);
      } else if (!byIdMatch && earlierPath !== undefined) {
        fail(w, `It has the same path as ${lowerFirst(work[earlierPath]!.candidate.where)} (“${row.path}”).`);
      } else if (match) {
        matchedCode.set(match.id, i);
        row.action = 'match';
        row.matchedBy = byIdMatch ? 'id' : 'path';
        row.codeId = match.id;
        row.existing = match;
        const actual = pathSegments(existingById, match.id);
        row.path = actual.join(PATH_SEPARATOR);
        segmentsOf.set(i, actual);
        pathOwner.set(pathKey(actual), i);
        row.updates = updatesFor(w, match);
        if (byIdMatch && byIdMatch.name !== w.name) {
          w.messages.push({ severity: 'info', text: `The code is called “${byIdMatch.name}” in the codebook; its name is kept.` });
        }
      } else {
        pathOwner.set(key, i);
        row.action = 'create';
        if (w.id !== null && !takenIds.has(w.id)) {
          row.codeId = w.id;
        } else if (w.id !== null) {
          w.messages.push({ severity: 'info', text: 'Its id is already used elsewhere, so it gets a new one.' });
        }
        row.order = orderFor(parent);
        if (row.definition.color === '') {
          row.definition = { ...row.definition, color: usedColors.next() };
        }
        usedColors.add(row.definition.color);
      }
    }
    for (const child of children.get(i) ?? []) decide(child);
  };
  for (const i of children.get('top') ?? []) decide(i);
  // Rows never reached sit in or under a cycle (or under a row whose parent is missing).
  for (const i of sortedIndices) {
    if (rows.has(i)) continue;
    const w = work[i]!;
    if (!w.failed) {
      const link = w.link;
      fail(w, link.kind === 'row' ? `Its parent (${lowerFirst(work[link.index]!.candidate.where)}) is not imported.` : 'Its parent is not imported.');
    }
    rows.set(i, {
      where: w.candidate.where,
      action: 'skip',
      codeId: null,
      name: w.name,
      path: w.name,
      parent: { kind: 'root' },
      order: 0,
      definition: w.definition,
      updates: {},
      messages: w.messages,
    });
  }

  // 5. Present rows in file order (implied parents just before the row that implies them), and
  // renumber row references to match.
  const newIndex = new Map(sortedIndices.map((old, i) => [old, i]));
  const planRows = sortedIndices.map((old) => {
    const row = rows.get(old)!;
    if (row.parent.kind === 'row') row.parent = { kind: 'row', index: newIndex.get(row.parent.index)! };
    return row;
  });

  const codeSets = planSets(options.sets ?? [], options.existingSets ?? [], work, rows, newIndex, existingById, takenIds);
  const summary = { create: 0, match: 0, skip: 0 };
  for (const row of planRows) summary[row.action] += 1;
  return { rows: planRows, codeSets, messages: [], summary };
}

function normaliseCandidate(candidate: CodeCandidate, position: number): Work {
  const messages: ImportMessage[] = [...(candidate.messages ?? [])];
  const w: Work = {
    candidate,
    position,
    name: '',
    id: null,
    rawId: null,
    definition: { description: '', color: '', memo: '', inclusion: '', exclusion: '', isCodable: true },
    hasField: {
      description: candidate.description !== undefined,
      color: candidate.color !== undefined,
      memo: candidate.memo !== undefined,
      inclusion: candidate.inclusion !== undefined,
      exclusion: candidate.exclusion !== undefined,
    },
    messages,
    failed: messages.some((m) => m.severity === 'error'),
    link: { kind: 'root' },
    implied: false,
  };
  let name = cleanCodeName(candidate.name);
  if (name === '') fail(w, 'It has no name.');
  if (name.length > MAX_CODE_NAME_LENGTH) {
    name = name.slice(0, MAX_CODE_NAME_LENGTH).trim();
    messages.push({ severity: 'warning', text: `Its name is longer than ${MAX_CODE_NAME_LENGTH} characters and is cut short.` });
  }
  w.name = name;

  const rawId = candidate.id?.trim() ?? '';
  if (rawId !== '') {
    w.rawId = rawId;
    w.id = normaliseGuid(rawId);
    if (w.id === null) messages.push({ severity: 'warning', text: `Its id “${rawId}” is not a GUID, so it gets a new one.` });
  }

  for (const field of TEXT_FIELDS) w.definition[field] = candidate[field] ?? '';
  const rawColor = candidate.color?.trim() ?? '';
  if (rawColor !== '') {
    const color = normaliseColor(rawColor);
    if (color === null) {
      w.hasField.color = false;
      messages.push({
        severity: 'warning',
        text: `“${rawColor}” is not a colour (use #rgb, #rrggbb or rgb(r, g, b)): a palette colour is used instead.`,
      });
    } else {
      w.definition.color = color;
    }
  } else {
    w.hasField.color = false;
  }

  const codable = parseBoolean(candidate.isCodable);
  if (codable === null) {
    messages.push({ severity: 'warning', text: `“${String(candidate.isCodable)}” is neither true nor false: the code is made codable.` });
  }
  w.definition.isCodable = codable ?? true;
  return w;
}

function parseBoolean(value: string | boolean | undefined): boolean | null {
  if (value === undefined || typeof value === 'boolean') return value ?? true;
  const text = value.trim().toLowerCase();
  if (text === '' || ['true', 'yes', 'y', '1', 'x'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return null;
}

function fail(w: Work, text: string): void {
  w.failed = true;
  w.messages.push({ severity: 'error', text });
}

/**
 * A match takes the file's definition fields that are filled in and differ. Empty cells never
 * erase what the codebook has; the name, place and codability of an existing code are kept.
 */
function updatesFor(w: Work, code: Code): Partial<Definition> {
  const updates: Partial<Definition> = {};
  for (const field of TEXT_FIELDS) {
    const value = w.definition[field] ?? '';
    if (w.hasField[field] && value.trim() !== '' && value !== (code[field] ?? '')) updates[field] = value;
  }
  if (w.hasField.color && w.definition.color !== code.color.toLowerCase()) updates.color = w.definition.color;
  return updates;
}

function planSets(
  sets: readonly SetCandidate[],
  existingSets: readonly CodeSet[],
  work: readonly Work[],
  rows: ReadonlyMap<number, ImportPlanRow>,
  newIndex: ReadonlyMap<number, number>,
  existingById: ReadonlyMap<string, Code>,
  takenIds: ReadonlySet<string>,
): CodeSetPlanRow[] {
  const rowByFileId = new Map<string, number>();
  work.forEach((w, i) => {
    const key = w.id ?? w.rawId;
    if (key !== null && !rowByFileId.has(key)) rowByFileId.set(key, i);
  });
  const matched = new Set<string>();
  return sets.map((set) => {
    const messages: ImportMessage[] = [];
    const name = cleanCodeName(set.name);
    const rawId = set.id?.trim() ?? '';
    const id = rawId === '' ? null : normaliseGuid(rawId);
    const members: CodeSetPlanRow['members'] = [];
    let dropped = 0;
    for (const raw of set.memberIds) {
      const key = normaliseGuid(raw) ?? raw.trim();
      const row = rowByFileId.get(key);
      const planRow = row === undefined ? undefined : rows.get(row);
      let member: CodeSetPlanRow['members'][number] | null = null;
      if (planRow && planRow.action === 'match') member = { kind: 'existing', id: planRow.codeId! };
      else if (planRow && planRow.action === 'create') member = { kind: 'row', index: newIndex.get(row!)! };
      else if (!planRow && existingById.has(key)) member = { kind: 'existing', id: key };
      if (member === null) dropped += 1;
      else if (!members.some((m) => JSON.stringify(m) === JSON.stringify(member))) members.push(member);
    }
    if (dropped > 0) {
      messages.push({
        severity: 'warning',
        text: `${dropped} of its codes ${dropped === 1 ? 'is' : 'are'} not imported and left out of the set.`,
      });
    }
    const base = { where: set.where, name, description: set.description ?? '', members, messages };
    if (name === '') {
      messages.push({ severity: 'error', text: 'The set has no name.' });
      return { ...base, action: 'skip', setId: null };
    }
    const existing =
      (id !== null ? existingSets.find((s) => s.id === id) : undefined) ?? existingSets.find((s) => s.name === name);
    if (existing && !matched.has(existing.id)) {
      matched.add(existing.id);
      return { ...base, action: 'match', setId: existing.id, existing };
    }
    return { ...base, action: 'create', setId: id !== null && !takenIds.has(id) && !existing ? id : null };
  });
}

export interface ImportedRecords {
  /** New codes and matched codes with their updates applied (unchanged matches are left out). */
  codes: Code[];
  /** New sets and matched sets with the imported members added. */
  codeSets: CodeSet[];
}

/** The records to write for a plan; skipped rows write nothing. `newId` is called once per new record. */
export function planToRecords(plan: ImportPlan, projectId: string, now: string, newId: () => string): ImportedRecords {
  const ids = plan.rows.map((row) =>
    row.action === 'skip' ? null : row.action === 'match' ? row.codeId! : (row.codeId ?? newId()),
  );
  const codes: Code[] = [];
  plan.rows.forEach((row, i) => {
    if (row.action === 'match') {
      if (Object.keys(row.updates).length > 0) codes.push({ ...row.existing!, ...row.updates });
      return;
    }
    if (row.action !== 'create') return;
    const parentId =
      row.parent.kind === 'root' ? null : row.parent.kind === 'existing' ? row.parent.id : ids[row.parent.index]!;
    codes.push({
      id: ids[i]!,
      projectId,
      parentId,
      name: row.name,
      description: row.definition.description,
      color: row.definition.color,
      order: row.order,
      createdAt: now,
      isCodable: row.definition.isCodable !== false,
      inclusion: row.definition.inclusion ?? '',
      exclusion: row.definition.exclusion ?? '',
      memo: row.definition.memo ?? '',
    });
  });
  const codeSets: CodeSet[] = [];
  for (const set of plan.codeSets) {
    if (set.action === 'skip') continue;
    const memberIds = set.members.map((m) => (m.kind === 'existing' ? m.id : ids[m.index]!));
    if (set.action === 'match') {
      const codeIds = [...set.existing!.codeIds];
      for (const id of memberIds) if (!codeIds.includes(id)) codeIds.push(id);
      codeSets.push({ ...set.existing!, codeIds });
    } else {
      codeSets.push({ id: set.setId ?? newId(), projectId, name: set.name, description: set.description, codeIds: memberIds });
    }
  }
  return { codes, codeSets };
}

/** The code records to put for a plan (see `planToRecords` for sets as well). */
export function planToCodes(plan: ImportPlan, projectId: string, now: string, newId: () => string): Code[] {
  return planToRecords(plan, projectId, now, newId).codes;
}

function pathKey(segments: readonly string[]): string {
  return JSON.stringify(segments);
}

/** "Row 4" → "row 4" inside a sentence; names in "Code “Economy”" keep their case. */
function lowerFirst(where: string): string {
  return where.charAt(0).toLowerCase() + where.slice(1);
}

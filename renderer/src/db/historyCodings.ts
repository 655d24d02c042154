// How a history step keeps its codings: packed into columns (typed arrays and strings laid end to
// end), because IndexedDB structured-clones what it stores and reads, and a merge's step of 50,000
// Coding objects costs one clone per object and per string each way, where columns cost a copy of
// a few buffers. Exact: unpacking gives back every coding as it was, field for field. A list with
// any coding that is not exactly a Coding of plain fields stays a list (never packed lossily).
import type { ChangeSet, EntityChanges } from '../../../shared/model/changeSet';
import type { Coding } from '../../../shared/model/types';
import { dictionary } from './codingColumns';
import { joinedWithEnds } from './joinedStrings';

/** A list of codings, column by column, in the list's order. */
export interface PackedCodings {
  count: number;
  /** Strings that repeat (projects, sources, codes, coders): each column indexes its dictionary. */
  projectIds: string[];
  project: Uint32Array;
  sourceIds: string[];
  source: Uint32Array;
  codeIds: string[];
  code: Uint32Array;
  coders: string[];
  coder: Uint32Array;
  starts: Float64Array;
  ends: Float64Array;
  /** Strings that do not repeat, end to end in one string each, with where each one ends. */
  text: { id: string; exact: string; prefix: string; suffix: string; createdAt: string };
  textEnds: { id: Uint32Array; exact: Uint32Array; prefix: Uint32Array; suffix: Uint32Array; createdAt: Uint32Array };
}

/** A step's coding changes as stored: each list packed, or left as it was when it cannot be. */
export interface StoredCodingChanges {
  added: PackedCodings | Coding[];
  /** `[before, after]` pairs: the befores packed, then the afters, in the same order. */
  updated: { before: PackedCodings; after: PackedCodings } | Array<[Coding, Coding]>;
  removed: PackedCodings | Coding[];
}

const FIELDS = ['id', 'projectId', 'sourceId', 'codeId', 'start', 'end', 'exact', 'prefix', 'suffix', 'coder', 'createdAt'] as const;
const STRING_FIELDS = new Set<string>(['id', 'projectId', 'sourceId', 'codeId', 'exact', 'prefix', 'suffix', 'coder', 'createdAt']);

/** Whether a value is a Coding with exactly its fields, each a string or a number as typed. */
function isPlainCoding(value: unknown): value is Coding {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== FIELDS.length) return false;
  for (const key of keys) {
    const field = record[key];
    if (STRING_FIELDS.has(key)) {
      if (typeof field !== 'string') return false;
    } else if (key === 'start' || key === 'end') {
      // Float64 keeps every number but -0 exactly.
      if (typeof field !== 'number' || Object.is(field, -0)) return false;
    } else return false;
  }
  return true;
}

/** Packs a list of codings, or returns undefined when one of them is not a plain Coding. */
export function packCodingList(codings: readonly Coding[]): PackedCodings | undefined {
  if (!codings.every(isPlainCoding)) return undefined;
  const n = codings.length;
  const packed = {
    count: n,
    projectIds: [] as string[],
    project: new Uint32Array(n),
    sourceIds: [] as string[],
    source: new Uint32Array(n),
    codeIds: [] as string[],
    code: new Uint32Array(n),
    coders: [] as string[],
    coder: new Uint32Array(n),
    starts: new Float64Array(n),
    ends: new Float64Array(n),
  };
  const projectAt = dictionary(packed.projectIds);
  const sourceAt = dictionary(packed.sourceIds);
  const codeAt = dictionary(packed.codeIds);
  const coderAt = dictionary(packed.coders);
  const column = (field: 'id' | 'exact' | 'prefix' | 'suffix' | 'createdAt') => joinedWithEnds(codings.map((c) => c[field]));
  for (let i = 0; i < n; i++) {
    const c = codings[i]!;
    packed.project[i] = projectAt(c.projectId);
    packed.source[i] = sourceAt(c.sourceId);
    packed.code[i] = codeAt(c.codeId);
    packed.coder[i] = coderAt(c.coder);
    packed.starts[i] = c.start;
    packed.ends[i] = c.end;
  }
  const id = column('id');
  const exact = column('exact');
  const prefix = column('prefix');
  const suffix = column('suffix');
  const createdAt = column('createdAt');
  return {
    ...packed,
    text: { id: id.text, exact: exact.text, prefix: prefix.text, suffix: suffix.text, createdAt: createdAt.text },
    textEnds: { id: id.ends, exact: exact.ends, prefix: prefix.ends, suffix: suffix.ends, createdAt: createdAt.ends },
  };
}

/** The codings of a packed list, as they were packed. */
export function unpackCodingList(packed: PackedCodings): Coding[] {
  const out = new Array<Coding>(packed.count);
  const { text, textEnds } = packed;
  const at = (field: keyof PackedCodings['text'], i: number): string => text[field].slice(i === 0 ? 0 : textEnds[field][i - 1], textEnds[field][i]);
  for (let i = 0; i < packed.count; i++) {
    out[i] = {
      id: at('id', i),
      projectId: packed.projectIds[packed.project[i]!]!,
      sourceId: packed.sourceIds[packed.source[i]!]!,
      codeId: packed.codeIds[packed.code[i]!]!,
      start: packed.starts[i]!,
      end: packed.ends[i]!,
      exact: at('exact', i),
      prefix: at('prefix', i),
      suffix: at('suffix', i),
      coder: packed.coders[packed.coder[i]!]!,
      createdAt: at('createdAt', i),
    };
  }
  return out;
}

function isPacked(list: PackedCodings | readonly unknown[]): list is PackedCodings {
  return !Array.isArray(list);
}

/** A step's coding changes as they are stored. */
export function storeCodingChanges(changes: EntityChanges<Coding>): StoredCodingChanges {
  const befores = packCodingList(changes.updated.map(([before]) => before));
  const afters = befores && packCodingList(changes.updated.map(([, after]) => after));
  return {
    added: packCodingList(changes.added) ?? changes.added,
    updated: befores && afters ? { before: befores, after: afters } : changes.updated,
    removed: packCodingList(changes.removed) ?? changes.removed,
  };
}

/** A step's coding changes as they were committed. */
export function loadCodingChanges(stored: StoredCodingChanges): EntityChanges<Coding> {
  const list = (l: PackedCodings | Coding[]): Coding[] => (isPacked(l) ? unpackCodingList(l) : l);
  let updated: Array<[Coding, Coding]>;
  if (Array.isArray(stored.updated)) updated = stored.updated;
  else {
    const before = unpackCodingList(stored.updated.before);
    const after = unpackCodingList(stored.updated.after);
    updated = before.map((b, i) => [b, after[i]!]);
  }
  return { added: list(stored.added), updated, removed: list(stored.removed) };
}

/** A step's change set as a history entry stores it: its codings packed apart from the rest. */
export function storeStepChanges(changes: ChangeSet): { changes: ChangeSet; codings?: StoredCodingChanges } {
  if (!changes.codings) return { changes };
  const { codings, ...rest } = changes;
  return { changes: rest, codings: storeCodingChanges(codings) };
}

/** The change set a stored step made, whichever way it was stored. */
export function loadStepChanges(entry: { changes: ChangeSet; codings?: StoredCodingChanges }): ChangeSet {
  return entry.codings ? { ...entry.changes, codings: loadCodingChanges(entry.codings) } : entry.changes;
}

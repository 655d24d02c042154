// marginalia.json: what a Marginalia project holds that REFI-QDA cannot (code criteria, examples
// and memos, orders, attribute types and categories, source formats and page starts, coder
// colours, ids that are not GUIDs…), carried in the same .qdpx as a file other tools ignore.
// It is the difference between the project and what reading the standard part alone gives, so
// Marginalia → file → Marginalia is lossless by construction, and a file another tool rewrote
// (without it) still opens with everything the standard holds.
import { ENTITY_KINDS, keyOf, type EntityKind, type EntityTypes } from '../model/entities';
import { diffSnapshots, recordsOf, type ProjectSnapshot } from '../model/snapshot';
import type { ChangeSet } from '../model/changeSet';
import { recordsEqual } from '../model/recordsEqual';
import { createOffsetConverter } from '../text/offsets';

export const EXTRAS_PATH = 'marginalia.json';
export const EXTRAS_FORMAT = 'marginalia-qdpx-extras';
export const EXTRAS_VERSION = 1;

/** Field changes of one record: values to set, fields to remove. */
export interface RecordPatch {
  set?: Record<string, unknown>;
  unset?: string[];
}

export interface QdpxExtras {
  format: typeof EXTRAS_FORMAT;
  version: number;
  /** Which Marginalia version wrote it (information only). */
  writer?: string;
  projectId: string;
  /** GUID in the standard part → our id, where they differ. */
  ids: Record<string, string>;
  /** Records the standard part cannot hold at all. */
  added: Partial<Record<EntityKind, unknown[]>>;
  /** By kind, then record key: fields the standard part holds differently or not at all. */
  changed: Partial<Record<EntityKind, Record<string, RecordPatch>>>;
  /** Keys of records the standard part implies that the project does not have. */
  removed: Partial<Record<EntityKind, string[]>>;
}

/**
 * Positions inside marginalia.json count code points, as everywhere at a file boundary:
 * a source's `pageStarts` are converted against its text.
 */
function pageStartsToFile(pageStarts: unknown, text: string | undefined): unknown {
  if (!Array.isArray(pageStarts) || text === undefined) return pageStarts;
  const converter = createOffsetConverter(text);
  try {
    return pageStarts.map((p) => converter.toCodePoint(p as number));
  } catch {
    return pageStarts;
  }
}

function pageStartsFromFile(pageStarts: unknown, text: string | undefined): unknown {
  if (!Array.isArray(pageStarts) || text === undefined) return pageStarts;
  const converter = createOffsetConverter(text);
  try {
    return pageStarts.map((p) => converter.toUtf16(p as number));
  } catch {
    return pageStarts;
  }
}

/** The extras that turn `standard` (the standard part, read back) into `project`. */
export function buildExtras(project: ProjectSnapshot, standard: ProjectSnapshot, ids: Record<string, string>, writer?: string): QdpxExtras {
  return extrasFromDiff(project, diffSnapshots(standard, project), ids, writer);
}

/** The same, from the change set that turns the standard part into `project` (`diffSnapshots(standard, project)`). */
export function extrasFromDiff(project: ProjectSnapshot, diff: ChangeSet, ids: Record<string, string>, writer?: string): QdpxExtras {
  const texts = new Map(project.sourceTexts.map((t) => [t.sourceId, t.text]));
  const extras: QdpxExtras = { format: EXTRAS_FORMAT, version: EXTRAS_VERSION, ...(writer ? { writer } : {}), projectId: project.project.id, ids, added: {}, changed: {}, removed: {} };
  for (const kind of ENTITY_KINDS) {
    const changes = diff[kind];
    // Originals travel in the standard part (richTextPath), never as JSON.
    if (!changes || kind === 'sourceOriginals') continue;
    if (changes.added.length > 0) {
      extras.added[kind] = changes.added.map((record) => {
        if (kind !== 'sources') return record;
        const source = record as EntityTypes['sources'];
        return source.pageStarts ? { ...source, pageStarts: pageStartsToFile(source.pageStarts, texts.get(source.id)) } : source;
      });
    }
    if (changes.removed.length > 0) extras.removed[kind] = changes.removed.map((r) => keyOf(kind, r as never));
    if (changes.updated.length > 0) {
      const patches: Record<string, RecordPatch> = {};
      for (const [before, after] of changes.updated) {
        const b = before as unknown as Record<string, unknown>;
        const a = after as unknown as Record<string, unknown>;
        const patch: RecordPatch = {};
        for (const field of Object.keys(a)) {
          if (a[field] === undefined || recordsEqual(a[field], b[field])) continue;
          patch.set ??= {};
          patch.set[field] = kind === 'sources' && field === 'pageStarts' ? pageStartsToFile(a[field], texts.get(a.id as string)) : a[field];
        }
        for (const field of Object.keys(b)) {
          if (b[field] !== undefined && a[field] === undefined) (patch.unset ??= []).push(field);
        }
        patches[keyOf(kind, after as never)] = patch;
      }
      extras.changed[kind] = patches;
    }
  }
  return extras;
}

/** Reads marginalia.json; null (and a reason) when it is not ours or not a version we know. */
export function parseExtras(json: string): { extras: QdpxExtras } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { error: 'marginalia.json is not valid JSON' };
  }
  if (!isObject(value) || value.format !== EXTRAS_FORMAT) return { error: 'marginalia.json is not Marginalia’s' };
  if (typeof value.version !== 'number' || value.version > EXTRAS_VERSION) return { error: `marginalia.json was written by a newer Marginalia (version ${String(value.version)})` };
  if (typeof value.projectId !== 'string' || !isObject(value.ids) || !isObject(value.added) || !isObject(value.changed) || !isObject(value.removed)) {
    return { error: 'marginalia.json is incomplete' };
  }
  for (const id of Object.values(value.ids)) if (typeof id !== 'string') return { error: 'marginalia.json has a damaged id table' };
  return { extras: value as unknown as QdpxExtras };
}

/** Fields a patch may never touch: the record's identity. */
const IDENTITY = new Set(['id', 'projectId', 'sourceId', 'caseId', 'attributeId']);

/**
 * Applies extras to the standard part's snapshot, in place. Records are matched by key; a patch
 * for a record the file no longer has is ignored (another tool removed it), and a patch cannot
 * change what identifies a record. Offsets are checked afterwards by the reader, like any others.
 */
export function applyExtras(snapshot: ProjectSnapshot, extras: QdpxExtras): void {
  const texts = new Map(snapshot.sourceTexts.map((t) => [t.sourceId, t.text]));
  for (const kind of ENTITY_KINDS) {
    if (kind === 'sourceOriginals') continue;
    const removed = new Set(Array.isArray(extras.removed[kind]) ? extras.removed[kind] : []);
    // A Map of the file's own entries: looking 100,000 record keys up in a parsed object costs
    // V8 a string-table probe each (and would find inherited names such as "constructor").
    const patches = new Map(isObject(extras.changed[kind]) ? Object.entries(extras.changed[kind] as Record<string, RecordPatch>) : []);
    const added = Array.isArray(extras.added[kind]) ? extras.added[kind] : [];
    const records = recordsOf(snapshot, kind) as unknown as Array<Record<string, unknown>>;
    if (removed.size === 0 && patches.size === 0 && added.length === 0) continue;
    const out: Array<Record<string, unknown>> = [];
    for (const record of records) {
      const key = keyOf(kind, record as never);
      if (removed.has(key) && kind !== 'projects') continue;
      const patch = patches.get(key);
      if (!isObject(patch)) {
        out.push(record);
        continue;
      }
      const next = { ...record };
      if (isObject(patch.set)) {
        for (const [field, value] of Object.entries(patch.set)) {
          if (IDENTITY.has(field) || field === '__proto__') continue;
          next[field] = kind === 'sources' && field === 'pageStarts' ? pageStartsFromFile(value, texts.get(record.id as string)) : value;
        }
      }
      if (Array.isArray(patch.unset)) for (const field of patch.unset) if (typeof field === 'string' && !IDENTITY.has(field)) delete next[field];
      out.push(next);
    }
    const keys = new Set(added.length > 0 ? out.map((r) => keyOf(kind, r as never)) : []);
    for (const record of added) {
      if (!isObject(record) || kind === 'projects') continue;
      const key = keyOf(kind, record as never);
      if (typeof key !== 'string' || keys.has(key)) continue;
      keys.add(key);
      const copy = { ...record };
      if (kind === 'sources' && copy.pageStarts) copy.pageStarts = pageStartsFromFile(copy.pageStarts, texts.get(copy.id as string));
      out.push(copy);
    }
    if (kind === 'projects') snapshot.project = out[0] as unknown as EntityTypes['projects'];
    else (snapshot as unknown as Record<string, unknown>)[kind] = out;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

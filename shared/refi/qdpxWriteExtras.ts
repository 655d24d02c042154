// marginalia.json for a project being written: the difference between the project and what
// reading the standard part back gives (qdpxExtras.ts), found without reading back most of it.
// Reading a big project's standard part whole (100,000 codings, each placed, quoted and checked)
// to learn that almost every coding comes back as it was cost about a second of a save. Here a
// plain coding (a selection holding one coding and nothing else) is left out of the part read
// back, and the record reading it would give is made directly, with the same functions and the
// same fallbacks as the reader; everything else (sources, codes, memos, cases, codings with
// notes…) is read back as before. Anything that would make a record depend on another (GUIDs used twice, ids
// that do not come back as themselves) sends the whole project the old way. The result is the
// same marginalia.json, byte for byte: tests/shared/refi/qdpxWriteExtras.test.ts checks it
// against the full reading.
import type { ProjectSnapshot } from '../model/snapshot';
import { diffSnapshots } from '../model/snapshot';
import type { ChangeSet, EntityChanges } from '../model/changeSet';
import type { Coding } from '../model/types';
import { recordsEqual } from '../model/recordsEqual';
import { quoteAt } from '../text/quote';
import { normaliseWithPositions, type NormalisedText } from '../text/normalisedPositions';
import { isCanonicalGuid, normaliseGuid } from './guid';
import { guidFor } from './qdcWrite';
import { extrasFromDiff, type QdpxExtras } from './qdpxExtras';
import { sourceTextPath, xsdDateTime, type QdeBuild } from './qdeFromSnapshot';
import type { QdeCode, QdeDocument, QdeSelection, QdeTextSource } from './qdeModel';
import { snapshotFromQde, type LoadedText } from './snapshotFromQde';
import { ReportBuilder } from './qdpxReport';

/** What the standard part gives where a file has no date: no real record holds it. */
const NO_DATE = '\u0000no-date';

/** What reading the standard part of a build gives, before marginalia.json is applied. */
export function standardSnapshot(build: QdeBuild, projectId: string): ProjectSnapshot {
  return readBack(build, projectId, loadTexts(build));
}

/** Each text source's text as the reader loads it from the build's files. */
function loadTexts(build: QdeBuild, byteSize?: (path: string) => number | undefined): Map<QdeTextSource, LoadedText> {
  const texts = new Map<QdeTextSource, LoadedText>();
  for (const source of build.doc.sources) {
    const path = sourceTextPath(source.guid);
    const text = build.files.get(path) ?? '';
    texts.set(source, { positions: normaliseWithPositions(text, false), encoding: 'UTF-8', byteSize: byteSize?.(path) ?? utf8Length(text) });
  }
  return texts;
}

function readBack(build: QdeBuild, projectId: string, texts: ReadonlyMap<QdeTextSource, LoadedText>): ProjectSnapshot {
  return snapshotFromQde({ doc: build.doc, projectId, ids: build.ids, now: NO_DATE, texts, report: new ReportBuilder() });
}

/**
 * marginalia.json for `project`, written as `build`. `byteSize` gives a text file's size in
 * UTF-8 where the caller has it encoded already.
 */
export function extrasForBuild(project: ProjectSnapshot, build: QdeBuild, writer?: string, byteSize?: (path: string) => number | undefined): QdpxExtras {
  const loaded = loadTexts(build, byteSize);
  const split = splitPlainCodings(project, build, loaded);
  if (split === null) return extrasFromDiff(project, diffSnapshots(readBack(build, project.project.id, loaded), project), build.ids, writer);
  const { doc, texts, plain, changed } = split;
  const rest: ProjectSnapshot = { ...project, codings: project.codings.filter((_, i) => plain[i] === 0) };
  const diff: ChangeSet = diffSnapshots(readBack({ ...build, doc }, project.project.id, texts), rest);
  // The codings' updates in the project's order, as diffing the whole project gives them.
  const others = diff.codings ?? { added: [], updated: [], removed: [] };
  const updatedRest = new Map(others.updated.map((pair) => [pair[1].id, pair]));
  const updated: EntityChanges<Coding>['updated'] = [];
  if (updatedRest.size + changed.size > 0) {
    project.codings.forEach((coding, i) => {
      const standard = changed.get(i);
      const pair = standard ? undefined : updatedRest.get(coding.id);
      if (standard) updated.push([standard, coding]);
      else if (pair) updated.push(pair);
    });
  }
  if (others.added.length + updated.length + others.removed.length > 0) diff.codings = { added: others.added, updated, removed: others.removed };
  else delete diff.codings;
  return extrasFromDiff(project, diff, build.ids, writer);
}

/** The fields of a coding the reader makes (addCoding in snapshotFromQde). */
const CODING_FIELDS = 11;

interface PlainCodings {
  /** The document without the plain codings' selections. */
  doc: QdeDocument;
  /** Its texts as loaded. */
  texts: Map<QdeTextSource, LoadedText>;
  /** By index in the project's codings: 1 for a plain coding (left out of the document), else 0. */
  plain: Uint8Array;
  /** The plain codings that do not come back as they are: the record the reader makes, by index. */
  changed: Map<number, Coding>;
}

/**
 * The document without its plain codings' selections, and how reading each of those would
 * give it back; null when the project must be read back whole.
 */
function splitPlainCodings(project: ProjectSnapshot, build: QdeBuild, loaded: ReadonlyMap<QdeTextSource, LoadedText>): PlainCodings | null {
  const { doc, selectionCodings } = build;
  const ids = new Map(Object.entries(build.ids));
  /** The reader's id for a canonical GUID (idOf in snapshotFromQde). */
  const idOf = (guid: string): string => (ids.size === 0 ? guid : (ids.get(guid) ?? guid));
  /** Ids of canonical GUIDs, each given once: else null (the reader would make up fresh ones). */
  const distinctIds = (guids: readonly string[]): Set<string> | null => {
    const out = new Set<string>();
    for (const guid of guids) {
      if (!isCanonicalGuid(guid)) return null;
      const id = idOf(guid);
      if (out.has(id)) return null;
      out.add(id);
    }
    return out;
  };
  const codeGuids: string[] = [];
  const walk = (codes: readonly QdeCode[]): void => {
    for (const code of codes) {
      codeGuids.push(code.guid);
      walk(code.children);
    }
  };
  walk(doc.codes);
  const codeIds = distinctIds(codeGuids);
  const sourceIds = distinctIds(doc.sources.map((s) => s.pdf?.guid || s.guid));
  if (codeIds === null || sourceIds === null) return null;
  const userIds = new Set(doc.users.filter((u) => isCanonicalGuid(u.guid)).map((u) => idOf(u.guid)));
  // Selections a case names must stay: the case finds its segment among the selections read.
  const named = new Set<string>();
  for (const c of doc.cases) {
    for (const ref of c.selectionRefs) {
      const guid = isCanonicalGuid(ref) ? ref : normaliseGuid(ref);
      named.add(guid === null ? guidFor(`marginalia:not-a-guid:${ref}`) : idOf(guid));
    }
  }

  const time = xsdDateTime(doc.creationDateTime) ?? NO_DATE;
  const projectId = project.project.id;
  const codings = project.codings;
  const plain = new Uint8Array(codings.length);
  const changed = new Map<number, Coding>();
  // GUIDs of the codings still read back: with the plain ones, each id must be claimed once.
  const others: string[] = [];
  const texts = new Map<QdeTextSource, LoadedText>();
  const sources: QdeTextSource[] = [];
  for (const [s, source] of doc.sources.entries()) {
    const text = loaded.get(source);
    const readAsIs = text !== undefined && !source.pdf && !text.positions.hadCarriageReturns;
    const sourceId = idOf(source.guid);
    const from = selectionCodings[s] ?? [];
    const kept: QdeSelection[] = [];
    for (const [j, selection] of source.selections.entries()) {
      const index = from[j] ?? -1;
      const current = index >= 0 && plain[index] === 0 ? codings[index] : undefined;
      const coding = selection.codings.length === 1 ? selection.codings[0]! : undefined;
      const user = coding?.creatingUser ?? selection.creatingUser;
      const isPlain =
        readAsIs &&
        current !== undefined &&
        coding !== undefined &&
        coding.noteRefs.length === 0 &&
        selection.noteRefs.length === 0 &&
        selection.description === undefined &&
        selection.name === undefined &&
        (named.size === 0 || (isCanonicalGuid(selection.guid) && !named.has(idOf(selection.guid)))) &&
        isCanonicalGuid(coding.guid) &&
        current.id === idOf(coding.guid) &&
        isCanonicalGuid(coding.codeRef) &&
        codeIds.has(idOf(coding.codeRef)) &&
        user !== undefined &&
        isCanonicalGuid(user) &&
        userIds.has(idOf(user));
      // Placed as the reader places it (spanOf, counting a line end as two: texts are read as they are).
      const span = isPlain ? spanOf(selection, text.positions) : null;
      if (span === null) {
        kept.push(selection);
        for (const c of selection.codings) others.push(c.guid);
        continue;
      }
      plain[index] = 1;
      const [start, end] = span;
      const quote = quoteAt(text!.positions.text, start, end);
      const codeId = idOf(coding!.codeRef);
      const coder = idOf(user!);
      const createdAt = xsdDateTime(coding!.creationDateTime) ?? xsdDateTime(selection.creationDateTime) ?? time;
      const c = current!;
      if (
        c.projectId === projectId &&
        c.sourceId === sourceId &&
        c.codeId === codeId &&
        c.start === start &&
        c.end === end &&
        c.exact === quote.exact &&
        c.prefix === quote.prefix &&
        c.suffix === quote.suffix &&
        c.coder === coder &&
        c.createdAt === createdAt &&
        Object.keys(c).length === CODING_FIELDS
      ) {
        continue;
      }
      // Field for field (and in the order) the reader's addCoding makes them.
      const record: Coding = { id: c.id, projectId, sourceId, codeId, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, coder, createdAt };
      if (!recordsEqual(record, c)) changed.set(index, record);
    }
    for (const c of source.codings) others.push(c.guid);
    const out = kept.length === source.selections.length ? source : { ...source, selections: kept };
    if (text) texts.set(out, text);
    sources.push(out);
  }
  if (others.length > 0) {
    const otherIds = distinctIds(others);
    if (otherIds === null) return null;
    const plainIds = new Set(codings.filter((_, i) => plain[i] === 1).map((c) => c.id));
    for (const id of otherIds) if (plainIds.has(id)) return null;
  }
  return { doc: { ...doc, sources }, texts, plain, changed };
}

/** Where the reader puts a selection in a text read as it is, or null where it would not. */
function spanOf(selection: QdeSelection, positions: NormalisedText): [number, number] | null {
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > positions.codePointLength) return null;
  const s = positions.toOffset(start);
  const e = positions.toOffset(end);
  return s === null || e === null ? null : [s, e];
}

/**
 * The length of `text` in UTF-8 as TextEncoder writes it (a lone surrogate as U+FFFD, 3 bytes),
 * without encoding it: a save whose texts were encoded and deflated on another thread.
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

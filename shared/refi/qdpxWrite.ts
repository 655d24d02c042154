// Writes a Marginalia project as a REFI-QDA project archive (.qdpx): project.qde in the standard
// form, each source's text as sources/<GUID>.txt (UTF-8, no BOM) and, where it has one, the file
// it was imported from as sources/<GUID>.<ext>, and marginalia.json with what the standard cannot
// hold. No directory entries (fflate would write "sources//").
import { zipSync, type Zippable } from 'fflate';
import type { ProjectSnapshot } from '../model/snapshot';
import { buildExtras, EXTRAS_PATH } from './qdpxExtras';
import { qdeFromSnapshot, sourceTextPath, xsdDateTime, type QdeBuild } from './qdeFromSnapshot';
import { serializeQde } from './qdeSerialize';
import { snapshotFromQde, type LoadedText } from './snapshotFromQde';
import { normaliseWithPositions } from '../text/normalisedPositions';
import { ReportBuilder } from './qdpxReport';
import type { QdeTextSource } from './qdeModel';

export interface WriteQdpxOptions {
  /** The `origin` attribute: which program wrote the file. */
  origin?: string;
  /**
   * Deflate level, 0–9. Default 1: on a big project (100,000 codings) level 6 costs several
   * times the time for a file only a fifth smaller.
   */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Called between the steps with the share of the work done (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
}

const ORIGIN = 'Marginalia';
/** What the standard part gives where a file has no date: no real record holds it. */
const NO_DATE = '\u0000no-date';

/** The project.qde text alone (its sources' texts go beside it in the archive). */
export function writeProjectQde(snapshot: ProjectSnapshot, options: WriteQdpxOptions = {}): string {
  return serializeQde(qdeFromSnapshot(snapshot, options.origin ?? ORIGIN).doc);
}

/** What reading the standard part of a build gives, before marginalia.json is applied. */
export function standardSnapshot(build: QdeBuild, projectId: string): ProjectSnapshot {
  const texts = new Map<QdeTextSource, LoadedText>();
  for (const source of build.doc.sources) {
    const text = build.files.get(sourceTextPath(source.guid)) ?? '';
    texts.set(source, { positions: normaliseWithPositions(text, false), encoding: 'UTF-8', byteSize: utf8Length(text) });
  }
  return snapshotFromQde({ doc: build.doc, projectId, ids: build.ids, now: NO_DATE, texts, report: new ReportBuilder() });
}

export function writeQdpx(snapshot: ProjectSnapshot, options: WriteQdpxOptions = {}): Uint8Array {
  const progress = options.onProgress ?? (() => {});
  const build = qdeFromSnapshot(snapshot, options.origin ?? ORIGIN);
  progress(0.2);
  const extras = buildExtras(snapshot, standardSnapshot(build, snapshot.project.id), build.ids, ORIGIN);
  progress(0.45);
  // A fixed time in every entry: the same project gives the same bytes.
  const stamp = xsdDateTime(snapshot.project.updatedAt);
  const mtime = stamp && !Number.isNaN(Date.parse(stamp)) && Date.parse(stamp) >= Date.UTC(1980, 0, 2) ? new Date(stamp) : new Date(Date.UTC(1980, 0, 2));
  const level = options.level ?? 1;
  const entries: Zippable = { 'project.qde': [utf8.encode(serializeQde(build.doc)), { level, mtime }] };
  progress(0.65);
  for (const [path, text] of build.files) entries[path] = [utf8.encode(text), { level, mtime }];
  // Originals that are compressed already (zip containers, PDF streams) are stored as they are:
  // deflating them again costs time and gains almost nothing.
  for (const [path, bytes] of build.originals) entries[path] = [bytes, { level: STORED_AS_IS.test(path) ? 0 : level, mtime }];
  entries[EXTRAS_PATH] = [utf8.encode(JSON.stringify(extras)), { level, mtime }];
  const zipped = zipSync(entries);
  progress(1);
  return zipped;
}

/** Formats whose bytes are compressed already. */
const STORED_AS_IS = /\.(docx|odt|xlsx|pdf|zip|epub|png|jpe?g|gif|mp3|mp4)$/i;

/** Native UTF-8 encoding (fflate's strToU8 walks the string in JavaScript). */
const utf8 = new TextEncoder();

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Opens a REFI-QDA project archive (.qdpx) from any tool as a Marginalia project, with a report
// of what could not be read or was repaired. Marginalia's own files carry marginalia.json, which
// restores everything the standard cannot hold; other tools' files give what the standard holds.
// Throws QdpxFileError (a sentence for the user) when the file cannot be opened at all.
import type { ProjectSnapshot } from '../model/snapshot';
import { normaliseWithPositions } from '../text/normalisedPositions';
import { decodeSourceText, MAX_PROJECT_FILE_BYTES, openQdpxArchive, QdpxFileError, type NativeInflate, type QdpxArchive } from './qdpxArchive';
import { applyExtras, EXTRAS_PATH, parseExtras, type QdpxExtras } from './qdpxExtras';
import { ReportBuilder, type QdpxReport } from './qdpxReport';
import { parseQde } from './qdeParse';
import type { QdeDocument, QdeTextSource } from './qdeModel';
import { snapshotFromQde, type LoadedOriginal, type LoadedText } from './snapshotFromQde';
import { repairSnapshot, withProjectId } from './snapshotRepair';
import { XmlFileError } from './xmlScan';

export { QdpxFileError } from './qdpxArchive';

export interface ReadQdpxOptions {
  /** A fresh id, for the project when the file does not name one (other tools' files). */
  newId: () => string;
  /** Open into this project id instead of the file's (opening creates a new project). */
  projectId?: string;
  /** Used where the file gives no date (ISO 8601); default: now. */
  now?: string;
  /** Called between the steps with the share of the work done (0–1), for a progress bar. */
  onProgress?: (fraction: number) => void;
}

export interface ReadQdpxResult {
  snapshot: ProjectSnapshot;
  report: QdpxReport;
}

/** The project file's XML text: UTF-8 (BOM or not), or UTF-16 with a BOM. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The archive's project document, or a QdpxFileError. `onProgress` hears the share of its text read. */
export function readArchiveDocument(archive: QdpxArchive, onProgress?: (fraction: number) => void): QdeDocument {
  if (archive.declaredSize(archive.projectFile) > MAX_PROJECT_FILE_BYTES) {
    throw new QdpxFileError(`The project file ${archive.projectFile} is larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB, more than Marginalia reads.`);
  }
  const qde = archive.read(archive.projectFile);
  if (!qde.ok) throw new QdpxFileError(`The project file ${archive.projectFile} cannot be read: ${qde.reason}.`);
  try {
    return parseQde(decodeXmlBytes(qde.data), onProgress);
  } catch (error) {
    if (error instanceof XmlFileError) throw new QdpxFileError(error.message);
    throw error;
  }
}

export function readQdpx(bytes: Uint8Array, options: ReadQdpxOptions): ReadQdpxResult {
  const progress = options.onProgress ?? (() => {});
  const report = new ReportBuilder();
  const archive = openQdpxArchive(bytes, report);
  progress(0.05);
  const doc = readArchiveDocument(archive, (f) => progress(0.15 + 0.35 * f));
  progress(0.5);
  return readWithDocument(archive, doc, report, options);
}

/** Entries that look like plain-text sources (what REFI-QDA tools write, Marginalia included). */
const PLAIN_TEXT_ENTRY = /\.txt$/i;

/**
 * The same reading, with the archive's entries inflated by a native inflater (a worker's
 * DecompressionStream: several times faster than inflating in JavaScript on a big project).
 * Everything else, checks and messages included, is the synchronous reader's. `aside`, an
 * inflater on another thread (with when it is `ready` to work), inflates the archive's
 * plain-text entries while the project file is parsed here (which of them are sources is known
 * only after): a head start, the archive's budget and checks unchanged; whatever it does not
 * give is inflated after the parse.
 */
export async function readQdpxInflating(
  bytes: Uint8Array,
  options: ReadQdpxOptions,
  inflate: NativeInflate,
  aside?: { inflate: NativeInflate; ready: Promise<unknown> },
): Promise<ReadQdpxResult> {
  const progress = options.onProgress ?? (() => {});
  const report = new ReportBuilder();
  const archive = openQdpxArchive(bytes, report);
  // A project file too large to read is refused by readArchiveDocument, not inflated first.
  const head = archive.declaredSize(archive.projectFile) <= MAX_PROJECT_FILE_BYTES ? [archive.projectFile, EXTRAS_PATH] : [EXTRAS_PATH];
  // A thread started from this one needs this one's turns to start (its messages wait for them
  // too): it gets them here, while the project file is inflated.
  await Promise.all([archive.preload(head, inflate), aside?.ready]);
  const inflatingAside = aside ? archive.preload(archive.files.filter((name) => PLAIN_TEXT_ENTRY.test(name) && name !== archive.projectFile), aside.inflate) : Promise.resolve();
  progress(0.05);
  const doc = readArchiveDocument(archive, (f) => progress(0.15 + 0.35 * f));
  progress(0.5);
  await inflatingAside;
  const texts: string[] = [];
  for (const element of [...doc.sources, ...doc.notes]) {
    if (element.plainTextContent !== undefined || element.plainTextPath === undefined) continue;
    const where = archive.resolve(element.plainTextPath);
    if (where.ok) texts.push(where.name);
  }
  await archive.preload(texts, inflate);
  return readWithDocument(archive, doc, report, options);
}

/** Everything after the project document: marginalia.json, the texts, the snapshot, repairs. */
function readWithDocument(archive: QdpxArchive, doc: QdeDocument, report: ReportBuilder, options: ReadQdpxOptions): ReadQdpxResult {
  const progress = options.onProgress ?? (() => {});

  let extras: QdpxExtras | null = null;
  if (archive.has(EXTRAS_PATH)) {
    const raw = archive.read(EXTRAS_PATH);
    const parsed = raw.ok ? parseExtras(new TextDecoder('utf-8').decode(raw.data)) : { error: raw.reason };
    if ('extras' in parsed) extras = parsed.extras;
    else report.add('not-read', `Marginalia’s own additions could not be used (${parsed.error}); the project was read from the standard part only.`);
  }

  const used = new Set<string>([archive.projectFile, EXTRAS_PATH]);
  const texts = new Map<QdeTextSource, LoadedText | { error: string }>();
  const load = (element: QdeTextSource, label: string): void => {
    if (element.plainTextContent !== undefined) {
      // Inline text has already been through the XML reader's line-end normalisation.
      texts.set(element, { positions: normaliseWithPositions(element.plainTextContent, extras === null), encoding: 'UTF-8', byteSize: element.plainTextContent.length });
      return;
    }
    if (element.plainTextPath === undefined) return;
    const where = archive.resolve(element.plainTextPath);
    if (!where.ok) {
      texts.set(element, { error: where.reason });
      return;
    }
    used.add(where.name);
    const data = archive.read(where.name);
    if (!data.ok) {
      texts.set(element, { error: data.reason });
      return;
    }
    const decoded = decodeSourceText(data.data, label, report);
    if ('error' in decoded) {
      texts.set(element, { error: decoded.error });
      return;
    }
    // Our own files store normalised text already; others' are normalised as on import.
    texts.set(element, { positions: normaliseWithPositions(decoded.text, extras === null), encoding: decoded.encoding, byteSize: data.data.byteLength });
  };
  for (const source of doc.sources) load(source, `The text of source “${source.pdf?.name ?? source.name ?? ''}”`);
  for (const note of doc.notes) load(note, `The text of note “${note.name ?? ''}”`);
  // The file each source was made from, where the file names one: kept with the source. Read
  // after every text and note, so originals never use up the archive's budget before them.
  const originals = new Map<QdeTextSource, LoadedOriginal | { error: string }>();
  for (const source of doc.sources) {
    const path = source.richTextPath ?? source.pdf?.path;
    if (path === undefined || path.trim() === '') continue;
    const where = archive.resolve(path);
    if (!where.ok) {
      originals.set(source, { error: where.reason });
      continue;
    }
    used.add(where.name);
    const data = archive.read(where.name);
    originals.set(source, data.ok ? { extension: extensionOf(where.name), bytes: data.data } : { error: data.reason });
  }

  progress(0.65);
  const fileProjectId = extras?.projectId ?? options.projectId ?? options.newId();
  const snapshot = snapshotFromQde({ doc, projectId: fileProjectId, ids: extras?.ids ?? {}, now: options.now ?? new Date().toISOString(), texts, originals, report });
  if (extras) applyExtras(snapshot, extras);
  repairSnapshot(snapshot, report);
  progress(0.95);

  const ignored = archive.files.filter((f) => !used.has(f) && !/(^|\/)\.root$/i.test(f));
  if (ignored.length > 0) {
    report.add('info', `${ignored.length} file${ignored.length === 1 ? '' : 's'} in the archive ${ignored.length === 1 ? 'is' : 'are'} not used by any text source (${ignored.slice(0, 3).join(', ')}${ignored.length > 3 ? ', …' : ''}); ignored.`);
  }
  const result = options.projectId !== undefined ? withProjectId(snapshot, options.projectId) : snapshot;
  progress(1);
  return { snapshot: result, report: report.build(doc.origin ?? null, extras !== null) };
}

/** An archive entry's extension, lower case ("docx"); "bin" when it has no plain one. */
function extensionOf(name: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : 'bin';
}

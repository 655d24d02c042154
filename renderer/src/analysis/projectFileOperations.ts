// Writing and reading project files, run in a worker of their own (./projectFileWorker.ts) so a
// save, an open or an automatic backup of a big project never holds the page: the worker reads
// the project from IndexedDB itself, writes the .qdpx there, and hands back only the bytes.
import { writeQdpx, writeQdpxDeflating, type DeflatedEntries, type TextAhead } from '../../../shared/refi/qdpxWrite';
import { readQdpx, readQdpxInflating } from '../../../shared/refi/qdpxRead';
import { deflateNative, hasNativeDeflate, inflateNative } from './nativeCompression';
import type { ProjectCounts } from '../../../shared/ipc/contract';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { readProjectInSlices } from '../db/readProjectInSlices';
import { storeOpenedProject } from '../db/operations/projectFiles';
import { newId } from '../db/operations/now';
import { inflaterAside } from './inflateAside';
import { pacer } from './pacer';
import { startDeflateWorkers } from './deflateWorkers';
import { deflateTextsAhead } from './deflateTextsAhead';

/** A project as a `.qdpx`, with what backups list about it. */
export interface WrittenProjectFile {
  bytes: Uint8Array;
  projectName: string;
  counts: ProjectCounts;
  /** The project's `updatedAt` in the snapshot written: what the next backup compares with. */
  changeStamp: string;
  /** Where the time went (ms), for the benchmark: reading the database, writing the archive. */
  timings: { read: number; write: number };
}

export interface OpenedProjectFile {
  projectId: string;
  /** What could not be read, or was repaired, in sentences; empty when everything was read. */
  notRead: string[];
  counts: ProjectCounts;
  /** Where the time went (ms), for the benchmark: reading the archive, storing the project. */
  timings: { read: number; store: number; check: number; commit: number };
}

function countsOf(snapshot: ProjectSnapshot): ProjectCounts {
  return {
    sources: snapshot.sources.length,
    codes: snapshot.codes.length,
    codings: snapshot.codings.length,
    memos: snapshot.memos.length,
    cases: snapshot.cases.length,
  };
}

/**
 * The share of a save spent reading the project from the database, and of an open spent reading
 * the file and then checking its ids, on the big project (the worker's own split of the time,
 * bench/profile/workerTrip.mjs: reading 1.6 s of a 15.8 s save; reading 6.9 s and checking 1.7 s
 * of a 10.7 s open, on a loaded machine): the progress bar moves by it.
 */
const SAVE_READ_SHARE = 0.15;
const OPEN_READ_SHARE = 0.65;
const OPEN_CHECK_SHARE = 0.8;

/** Forwards progress only when it moved a percent or more (each report is a message to the page). */
function everyPercent(onProgress: ((fraction: number) => void) | undefined): (fraction: number) => void {
  if (!onProgress) return () => {};
  let last = -1;
  return (fraction) => {
    if (fraction < 1 && fraction - last < 0.01) return;
    last = fraction;
    onProgress(fraction);
  };
}

/**
 * The sources' texts as the last write in this worker deflated them: a source's text never
 * changes, so the next backup or save of the project reuses them (a big project's 20 MB of text
 * is most of the deflating). Holds one write's texts, a few megabytes.
 */
const deflatedBefore: DeflatedEntries = new Map();

export async function writeProjectFile(projectId: string, onProgress?: (fraction: number) => void, { paced = false }: { paced?: boolean } = {}): Promise<WrittenProjectFile> {
  const progress = everyPercent(onProgress);
  const started = performance.now();
  // The platform's zlib where there is one: the JavaScript deflater is most of a big save.
  const native = hasNativeDeflate();
  // Started now, so that an Open after this save finds its helper thread ready (./inflateAside).
  if (native) inflaterAside();
  const pause = paced ? pacer() : undefined;
  // A save deflates in workers of its own (./deflateWorkers), started now so that they load while
  // the project is read. A paced backup keeps to this thread: its point is to take little.
  const workers = native && !pause ? startDeflateWorkers() : undefined;
  try {
    // In short slices: a save or a backup of a big project never holds back the researcher's next coding.
    // The texts go to the deflate workers as they are read: on two cores the page's is idle meanwhile.
    const ahead = new Map<string, TextAhead>();
    const handOver = workers && ((texts: Parameters<typeof deflateTextsAhead>[0]) => deflateTextsAhead(texts, deflatedBefore, ahead, workers.deflateText));
    const snapshot = await readProjectInSlices(projectId, (f) => progress(f * SAVE_READ_SHARE), pause, handOver);
    const read = performance.now();
    handOver?.(snapshot.sourceTexts);
    const options = { onProgress: (f: number) => progress(SAVE_READ_SHARE + f * (1 - SAVE_READ_SHARE)), ...(pause ? { pause } : {}) };
    const bytes = native ? await writeQdpxDeflating(snapshot, options, workers ?? deflateNative, deflatedBefore, ahead) : writeQdpx(snapshot, options);
    const timings = { read: read - started, write: performance.now() - read };
    return { bytes, projectName: snapshot.project.name, counts: countsOf(snapshot), changeStamp: snapshot.project.updatedAt, timings };
  } finally {
    workers?.close();
  }
}

/**
 * An automatic backup while the researcher may be coding: the same file, written in turns with
 * rest (./pacer) so that it takes well under a core. A backup on quit is not paced: nobody is
 * coding then, and the app is waiting to close.
 */
export function writeProjectBackup(projectId: string, onProgress?: (fraction: number) => void): Promise<WrittenProjectFile> {
  return writeProjectFile(projectId, onProgress, { paced: true });
}

/**
 * Reads a `.qdpx` and stores it as a new project. A file that cannot be opened (not a zip, an
 * entry outside the archive, a DOCTYPE, too large when inflated, a reference to nothing) throws
 * its sentence before anything is written.
 */
export async function openProjectFile(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<OpenedProjectFile> {
  const progress = everyPercent(onProgress);
  const started = performance.now();
  const options = { newId, onProgress: (f: number) => progress(f * OPEN_READ_SHARE) };
  // The texts are inflated on a second thread while this one parses project.qde.
  const { snapshot, report } = hasNativeDeflate() ? await readQdpxInflating(bytes, options, inflateNative, inflaterAside()) : readQdpx(bytes, options);
  const read = performance.now();
  const { projectId, timings: stored } = await storeOpenedProject(snapshot, () => progress(OPEN_CHECK_SHARE));
  progress(1);
  const timings = { read: read - started, store: performance.now() - read, ...stored };
  return { projectId, notRead: report.entries.map((e) => e.text), counts: countsOf(snapshot), timings };
}

// The browser host: a hidden file input stands in for the open dialog and a download link for the
// save dialog. The same size limits as in Electron apply before a file is read. Backups live in
// the origin private file system (OPFS), rotated like the desktop app's.
import {
  MAX_PROJECT_FILE_BYTES,
  type OpenExternalLinkResult,
  type OpenProjectFileResult,
  type PickedFile,
  type SaveFileRequest,
  type SaveFileResult,
} from '../../../shared/ipc/contract';
import { createBackupStore, type BackupDirectory } from '../../../shared/backups/backupStore';
import { isExternalLink } from '../../../shared/links/externalLink';
import { browserBackupRequests } from './browserBackupRequests';
import { opfsBackupFolder, opfsDirectory } from './opfsDirectory';
// The largest any format allows (PDF); the import dialog then applies each format's own limit.
import { MAX_ANY_FILE_BYTES as MAX_SOURCE_BYTES, formatBytes } from '../../../shared/import/limits';
import type { Host } from './host';

/** The input stays in the page (hidden, labelled) so assistive tech and tests can reach it. */
export const SOURCE_FILE_INPUT_ID = 'marginalia-source-file-input';

/** The project file input, apart from the source input so each keeps its own `accept`. */
export const PROJECT_FILE_INPUT_ID = 'marginalia-project-file-input';

export interface BrowserHostOptions {
  /** Where backups are kept; OPFS by default. Tests pass an in-memory folder. */
  backupDirectory?: BackupDirectory;
}

export function createBrowserHost(doc: Document = document, { backupDirectory }: BrowserHostOptions = {}): Host {
  const backups = createBackupStore({
    directory: backupDirectory ?? opfsDirectory(opfsBackupFolder()),
    newId: () => crypto.randomUUID(),
    maxBytes: MAX_PROJECT_FILE_BYTES,
    exclusive: acrossTabs(),
  });
  return {
    kind: 'browser',
    openSourceFiles: ({ extensions }) => pickFiles(doc, extensions),
    saveFile: (request) => Promise.resolve(downloadFile(doc, request)),
    getAppInfo: () => Promise.resolve({ version: import.meta.env.VITE_APP_VERSION ?? 'web', userName: '', platform: 'browser' }),
    // The browser build draws its menu bar in the page; there is no native menu to build or hear from.
    setMenuCommands: () => Promise.resolve(),
    onMenuCommand: () => () => undefined,
    // Every save is a download: a page cannot write back to a file it was given.
    saveProjectFile: ({ bytes, suggestedName }) =>
      Promise.resolve(downloadFile(doc, { suggestedName, content: bytes, filters: [] })),
    openProjectFile: () => pickProjectFile(doc),
    linkProjectFile: () => Promise.resolve(),
    getProjectFileName: () => Promise.resolve(null),
    writeBackup: (request) => backups.writeBackup(request),
    listBackups: () => backups.listBackups(),
    readBackup: ({ id }) => backups.readBackup(id),
    completeBackupRequest: () => Promise.resolve(),
    // One tab per project cannot be enforced from a page; each tab shows what it shows.
    showProject: () => Promise.resolve({ shownElsewhere: false }),
    // Files only reach a page through its own input (or a drop), never from outside.
    onOpenProjectFile: () => () => undefined,
    onBackupRequested: browserBackupRequests({ doc }),
    openExternalLink: ({ url }) => Promise.resolve(openInNewTab(doc, url)),
  };
}

/** The browser's own popup blocker already demands a click; the https rule is the app's. */
function openInNewTab(doc: Document, url: string): OpenExternalLinkResult {
  if (!isExternalLink(url)) return { opened: false, reason: 'Only https links open in the browser.' };
  doc.defaultView?.open(url, '_blank', 'noopener,noreferrer');
  return { opened: true };
}

/** Tabs of the app share one OPFS folder: a Web Lock keeps their index updates apart. */
function acrossTabs(): (<T>(work: () => Promise<T>) => Promise<T>) | undefined {
  const locks = globalThis.navigator?.locks;
  if (!locks) return undefined;
  return (work) => locks.request('marginalia-backups', work);
}

function projectInput(doc: Document): HTMLInputElement {
  let input = doc.getElementById(PROJECT_FILE_INPUT_ID) as HTMLInputElement | null;
  if (!input) {
    input = doc.createElement('input');
    input.type = 'file';
    input.id = PROJECT_FILE_INPUT_ID;
    input.accept = '.qdpx';
    input.setAttribute('aria-label', 'Project file');
    input.style.display = 'none';
    doc.body.appendChild(input);
  }
  return input;
}

function pickProjectFile(doc: Document): Promise<OpenProjectFileResult> {
  const input = projectInput(doc);
  input.value = '';
  return new Promise((resolve) => {
    const done = (result: Promise<OpenProjectFileResult> | OpenProjectFileResult): void => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      void Promise.resolve(result).then(resolve);
    };
    const onChange = (): void => {
      const file = input.files?.[0];
      done(file ? readProjectFile(file) : { status: 'canceled' });
    };
    const onCancel = (): void => done({ status: 'canceled' });
    input.addEventListener('change', onChange);
    input.addEventListener('cancel', onCancel);
    input.click();
  });
}

export async function readProjectFile(file: File): Promise<OpenProjectFileResult> {
  const refuse = (reason: string): OpenProjectFileResult => ({ status: 'refused', name: file.name, error: `“${file.name}” could not be opened: ${reason}.` });
  if (!/\.qdpx$/i.test(file.name)) return refuse('it is not a REFI-QDA project (.qdpx)');
  if (file.size > MAX_PROJECT_FILE_BYTES) return refuse(`it is larger than the ${formatBytes(MAX_PROJECT_FILE_BYTES)} limit`);
  if (file.size === 0) return refuse('it is empty');
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { status: 'opened', name: file.name, bytes, fileToken: crypto.randomUUID() };
  } catch {
    return refuse('the browser could not read it');
  }
}

function sourceInput(doc: Document): HTMLInputElement {
  let input = doc.getElementById(SOURCE_FILE_INPUT_ID) as HTMLInputElement | null;
  if (!input) {
    input = doc.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = SOURCE_FILE_INPUT_ID;
    input.setAttribute('aria-label', 'Source files');
    input.style.display = 'none';
    doc.body.appendChild(input);
  }
  return input;
}

function pickFiles(doc: Document, extensions: string[]): Promise<PickedFile[]> {
  const input = sourceInput(doc);
  input.accept = extensions.map((e) => `.${e}`).join(',');
  input.value = '';
  return new Promise((resolve) => {
    const onChange = (): void => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      void readPicked(Array.from(input.files ?? [])).then(resolve);
    };
    const onCancel = (): void => {
      input.removeEventListener('change', onChange);
      input.removeEventListener('cancel', onCancel);
      resolve([]);
    };
    input.addEventListener('change', onChange);
    input.addEventListener('cancel', onCancel);
    input.click();
  });
}

export async function readPicked(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(
    files.map(async (file): Promise<PickedFile> => {
      if (file.size > MAX_SOURCE_BYTES) {
        return { name: file.name, byteSize: file.size, error: `The file is larger than the ${formatBytes(MAX_SOURCE_BYTES)} limit.` };
      }
      // A FIFO or a device dropped or picked reports 0 bytes, and reading it may never end: an
      // empty file needs no reading, and the importers say it is empty.
      if (file.size === 0) return { name: file.name, byteSize: 0, bytes: new Uint8Array() };
      try {
        return { name: file.name, byteSize: file.size, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch {
        return { name: file.name, byteSize: file.size, error: 'The file could not be read.' };
      }
    }),
  );
}

function downloadFile(doc: Document, { suggestedName, content }: SaveFileRequest): SaveFileResult {
  const blob = new Blob([content as BlobPart], {
    type: typeof content === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream',
  });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: the download may not have started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { saved: true, fileName: suggestedName };
}

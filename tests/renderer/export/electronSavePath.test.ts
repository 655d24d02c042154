// Every export through the Electron save path, as the packaged app runs it: the export builds its
// request, the Electron host calls the preload's function, the request crosses IPC (structured
// clone), main checks the sender and validates the payload, the save handler opens the dialog and
// writes the file. Only Electron itself is faked: the dialog picks a path in a temporary folder.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { join } from 'node:path';
import type { Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cooccurrenceMatrix } from '../../../shared/analysis/cooccurrence';
import type { SaveFileResult } from '../../../shared/ipc/contract';
import { createMainHandlers } from '../../../electron/main/handlers';
import { registerHandlers } from '../../../electron/main/ipc/registerHandlers';
import { buildPreloadApi } from '../../../electron/preload/api';
import { createProjectServices } from '../../../electron/main/projectServices';
import { createElectronHost } from '../../../renderer/src/host/electronHost';
import { replaceHost } from '../../../renderer/src/host';
import { replaceAnalysis } from '../../../renderer/src/analysis';
import { createInlineAnalysis } from '../../../renderer/src/analysis/inlineAnalysis';
import { createCode } from '../../../renderer/src/db/operations/codes';
import { applyCode } from '../../../renderer/src/db/operations/codings';
import { createMemo } from '../../../renderer/src/db/operations/memos';
import { exportCodebookCsv, exportSegmentsCsv } from '../../../renderer/src/features/export/exportCsv';
import { exportCodebookQdc, exportCodebookXlsx, exportPrintableCodebook } from '../../../renderer/src/features/codebook/codebookExports';
import { exportCooccurrenceCsv } from '../../../renderer/src/features/analysis/exportCooccurrence';
import { exportMemos } from '../../../renderer/src/features/memos/memosExport';
import { exportOriginal } from '../../../renderer/src/features/sources/exportOriginal';
import { importDocument } from '../../../renderer/src/db/operations/imports';
import { projectWithSource, spanOf, useTestDatabase } from '../codebook/projectFixture';

const getDb = useTestDatabase();
const HOSTILE_NAME = '../Interviews: "Nurses" <night>|shift\u0000\u202Etxt.exe 😀';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-save-'));
  replaceAnalysis(createInlineAnalysis());
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Wires the real host → preload → IPC → main pieces together around a fake dialog. */
function electronApp() {
  const dialogs: SaveDialogOptions[] = [];
  const dialog = {
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(async (...args: unknown[]) => {
      const options = args.at(-1) as SaveDialogOptions;
      dialogs.push(options);
      // The user accepts the suggested name in the chosen folder.
      return { canceled: false, filePath: join(folder, options.defaultPath!.split(/[/\\]/).at(-1)!) };
    }),
  };
  const listeners = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, fn: never) => listeners.set(channel, fn), removeHandler: vi.fn() };
  registerHandlers(
    ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>,
    createMainHandlers({
      dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
      windowOf: () => null,
      documentsDirectory: () => '/home/ada/Documents',
      version: 'test',
      openExternalLink: () => ({ opened: false, reason: 'not in this test' }),
      menu: { buildFromTemplate: vi.fn(), setApplicationMenu: vi.fn() },
      platform: 'linux',
      appName: 'Marginalia',
      ...createProjectServices(join(folder, 'userData'), () => []),
    }),
    (url) => url.startsWith('app://marginalia/'),
  );
  const event = { sender: {} as WebContents, senderFrame: { url: 'app://marginalia/index.html' } } as unknown as IpcMainInvokeEvent;
  // ipcRenderer.invoke: the request is serialised on its way to main and arrives as main's own
  // objects, as in Electron. Here "main" runs in the test's (jsdom) realm, so bytes are re-made
  // in it after V8's serializer has copied them.
  const invoke = async (channel: string, request: unknown) =>
    listeners.get(channel)!(event, inThisRealm(deserialize(serialize(request))));
  replaceHost(createElectronHost(buildPreloadApi(invoke, () => undefined)));
  return { dialogs };
}

function inThisRealm(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (Array.isArray(value)) return value.map(inThisRealm);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inThisRealm(v)]));
  return value;
}

async function hostileProject() {
  const { projectId, sourceId, text } = await projectWithSource(getDb());
  await getDb().projects.update(projectId, { name: HOSTILE_NAME });
  const fatigue = await createCode({ projectId, name: 'Fatigue' });
  const transport = await createCode({ projectId, name: 'Transport' });
  await applyCode(spanOf(sourceId, text, 'tired and angry'), fatigue.id, 'Ada');
  await applyCode(spanOf(sourceId, text, 'The bus never came'), transport.id, 'Ada');
  await createMemo({ projectId, targetKind: 'project', targetId: projectId, title: 'Week 1', body: 'Started *coding*.', author: 'Ada' });
  return { projectId, codeIds: [fatigue.id, transport.id] };
}

interface Case {
  name: string;
  run: (projectId: string, codeIds: string[]) => Promise<SaveFileResult>;
  suffix: string;
  filter: { name: string; extensions: string[] };
  /** What the saved file must contain, read back from disk. */
  holds: (bytes: Buffer) => void;
}

const text = (bytes: Buffer) => bytes.toString('utf8');
const csvFilter = { name: 'CSV (comma-separated values)', extensions: ['csv'] };

const cases: Case[] = [
  { name: 'codebook CSV', run: (p) => exportCodebookCsv(p), suffix: 'codebook.csv', filter: csvFilter, holds: (b) => expect(text(b)).toMatch(/Fatigue[\s\S]*Transport/) },
  { name: 'coded segments CSV', run: (p) => exportSegmentsCsv(p), suffix: 'coded segments.csv', filter: csvFilter, holds: (b) => expect(text(b)).toContain('tired and angry') },
  {
    name: 'one code’s segments CSV',
    run: (p, [fatigue]) => exportSegmentsCsv(p, { codeIds: [fatigue!], name: 'Fatigue/Angst' }),
    suffix: 'coded segments.csv',
    filter: csvFilter,
    holds: (b) => expect(text(b)).not.toContain('The bus never came'),
  },
  {
    name: 'REFI-QDA codebook',
    run: (p) => exportCodebookQdc(p),
    suffix: 'codebook.qdc',
    filter: { name: 'REFI-QDA codebook', extensions: ['qdc'] },
    holds: (b) => expect(text(b)).toMatch(/<CodeBook[\s\S]*name="Fatigue"/),
  },
  {
    name: 'codebook workbook',
    run: (p) => exportCodebookXlsx(p),
    suffix: 'codebook.xlsx',
    filter: { name: 'Excel workbook', extensions: ['xlsx'] },
    holds: (b) => expect([...b.subarray(0, 2)]).toEqual([0x50, 0x4b]), // a zip
  },
  {
    name: 'printable codebook (HTML)',
    run: (p) => exportPrintableCodebook(p, 'html'),
    suffix: 'codebook.html',
    filter: { name: 'Web page (print from a browser)', extensions: ['html'] },
    holds: (b) => expect(text(b)).toMatch(/<html[\s\S]*Fatigue/),
  },
  {
    name: 'printable codebook (Markdown)',
    run: (p) => exportPrintableCodebook(p, 'markdown'),
    suffix: 'codebook.md',
    filter: { name: 'Markdown', extensions: ['md'] },
    holds: (b) => expect(text(b)).toContain('Fatigue'),
  },
  {
    name: 'co-occurrence CSV',
    run: (p, codeIds) => exportCooccurrenceCsv(p, cooccurrenceMatrix(codeIds, []), (id) => (id === codeIds[0] ? 'Fatigue' : 'Transport')),
    suffix: 'code co-occurrence.csv',
    filter: csvFilter,
    holds: (b) => expect(text(b)).toMatch(/Fatigue[\s\S]*Transport/),
  },
  {
    name: 'memos (Markdown)',
    run: (p) => exportMemos(p, 'markdown'),
    suffix: 'memos.md',
    filter: { name: 'Markdown', extensions: ['md'] },
    holds: (b) => expect(text(b)).toContain('Started *coding*.'),
  },
  {
    name: 'memos (HTML)',
    run: (p) => exportMemos(p, 'html'),
    suffix: 'memos.html',
    filter: { name: 'Web page', extensions: ['html'] },
    holds: (b) => expect(text(b)).toContain('<em>coding</em>'),
  },
];

describe('exports through the Electron save path', () => {
  it.each(cases)('$name reaches the save dialog and the disk from a project with a hostile name', async ({ run, suffix, filter, holds }) => {
    const { dialogs } = electronApp();
    const { projectId, codeIds } = await hostileProject();

    const result = await run(projectId, codeIds);

    expect(result.saved).toBe(true);
    const fileName = result.saved ? result.fileName : '';
    // The dialog offered a plain name in the Documents folder, with the export's own filter.
    const [options] = dialogs;
    expect(options!.defaultPath).toBe(join('/home/ada/Documents', fileName));
    expect(options!.filters).toEqual([filter]);
    expect(fileName.endsWith(` - ${suffix}`)).toBe(true);
    expect(fileName).not.toMatch(/[/\\\u202e]/);
    expect(fileName).not.toContain('\u0000');
    holds(await readFile(join(folder, fileName)));
  });
});

describe('"Export original file" through the Electron save path', () => {
  it('saves the imported file byte for byte under a plain name with its own extension', async () => {
    const { dialogs } = electronApp();
    const { projectId } = await hostileProject();
    // Bytes no text round trip would keep: a zip signature, NUL, invalid UTF-8.
    const original = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x41]);
    const sourceId = await importDocument(projectId, { name: `${HOSTILE_NAME}.docx`, text: 'Minutes of the meeting.', encoding: 'Word', byteSize: original.byteLength, format: 'docx', original });

    const result = await exportOriginal(sourceId);

    expect(result.saved).toBe(true);
    const fileName = result.saved ? result.fileName : '';
    expect(fileName.endsWith('.docx')).toBe(true);
    expect(fileName).not.toMatch(/[/\\\u202e]/);
    expect(fileName).not.toContain('\u0000');
    expect(dialogs[0]!.filters).toEqual([{ name: 'DOCX file', extensions: ['docx'] }]);
    expect([...(await readFile(join(folder, fileName)))]).toEqual([...original]);
  });
});

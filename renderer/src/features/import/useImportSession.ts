// The import dialog's working state: the files picked or dropped, read one after another (so a
// progress bar can count them and memory holds one file's parse at a time), re-read when the
// user changes an encoding or a sheet, and stored on "Import", each file on its own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PickedFile } from '../../../../shared/ipc/contract';
import type { SurveyMapping } from '../../../../shared/import/survey/plan';
import { importDocument } from '../../db/operations/imports';
import { getAnalysis } from '../../analysis';
import { parseImportFile, type ImportParseDeps, type ImportParseOptions } from './parsers/parseImportFile';
import { entryProblem, refuseBeforeReading, sourceEncoding, stateFromOutcome, type ImportEntry } from './importEntry';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export interface ImportFileResult {
  name: string;
  ok: boolean;
  /** Why it was not imported. */
  reason?: string;
  sourceIds: string[];
  caseCount: number;
  warnings: string[];
}

export interface ImportProgress {
  phase: 'reading' | 'storing';
  done: number;
  total: number;
}

export interface ImportSession {
  entries: ImportEntry[];
  progress: ImportProgress | null;
  addFiles(files: readonly PickedFile[]): void;
  removeEntry(key: number): void;
  setEncoding(key: number, encoding: string): void;
  setSheet(key: number, sheet: string): void;
  setMapping(key: number, mapping: SurveyMapping): void;
  /** Stores every importable entry; resolves with one result per entry, in list order. */
  commit(projectId: string): Promise<ImportFileResult[]>;
  clear(): void;
}

let nextKey = 1;

export function useImportSession(deps?: ImportParseDeps): ImportSession {
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The list lives in a ref as well, so the reading loop sees changes made while it awaits;
  // `setList` keeps the two in step.
  const list = useRef<ImportEntry[]>([]);
  // Reads run one at a time; a job whose generation is stale (the entry was removed or changed
  // again meanwhile) is dropped.
  const queue = useRef<Array<{ key: number; generation: number }>>([]);
  const generations = useRef(new Map<number, number>());
  const running = useRef(false);
  const readCounts = useRef({ done: 0, total: 0 });
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const setList = useCallback((change: (entries: ImportEntry[]) => ImportEntry[]) => {
    list.current = change(list.current);
    setEntries(list.current);
  }, []);

  const update = useCallback(
    (key: number, change: (entry: ImportEntry) => ImportEntry) => setList((all) => all.map((e) => (e.key === key ? change(e) : e))),
    [setList],
  );

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (queue.current.length > 0 && mounted.current) {
        const job = queue.current.shift()!;
        const entry = list.current.find((e) => e.key === job.key);
        if (entry?.file.bytes && generations.current.get(job.key) === job.generation) {
          const options: ImportParseOptions = {
            ...(entry.encoding !== undefined ? { encoding: entry.encoding } : {}),
            ...(entry.sheet !== undefined ? { sheet: entry.sheet } : {}),
          };
          let state: ImportEntry['state'];
          try {
            state = stateFromOutcome(await parseImportFile({ name: entry.file.name, bytes: entry.file.bytes }, options, deps), entry.state);
          } catch {
            state = { status: 'refused', reason: 'This file could not be read (the reader failed unexpectedly).' };
          }
          if (generations.current.get(job.key) === job.generation) update(job.key, (e) => ({ ...e, state, busy: false }));
        }
        readCounts.current.done++;
        if (mounted.current) setProgress({ phase: 'reading', ...readCounts.current });
      }
    } finally {
      running.current = false;
      if (mounted.current && queue.current.length === 0) setProgress((p) => (p?.phase === 'reading' ? null : p));
    }
  }, [deps, update]);

  const enqueue = useCallback(
    (keys: number[]) => {
      if (keys.length === 0) return;
      if (queue.current.length === 0 && !running.current) readCounts.current = { done: 0, total: 0 };
      for (const key of keys) {
        const generation = (generations.current.get(key) ?? 0) + 1;
        generations.current.set(key, generation);
        queue.current.push({ key, generation });
      }
      readCounts.current.total += keys.length;
      setProgress({ phase: 'reading', ...readCounts.current });
      void pump();
    },
    [pump],
  );

  const addFiles = useCallback(
    (files: readonly PickedFile[]) => {
      const added: ImportEntry[] = files.map((file) => {
        const refused = refuseBeforeReading(file);
        return { key: nextKey++, file, state: refused ? { status: 'refused', reason: refused } : { status: 'reading' } };
      });
      setList((all) => [...all, ...added]);
      enqueue(added.filter((e) => e.state.status === 'reading').map((e) => e.key));
    },
    [enqueue, setList],
  );

  /** Re-reads a file after a change of encoding or sheet; the last reading stays shown until then. */
  const reread = (key: number, change: (entry: ImportEntry) => ImportEntry) => {
    update(key, (e) => ({ ...change(e), busy: true }));
    enqueue([key]);
  };

  return {
    entries,
    progress,
    addFiles,
    removeEntry: (key) => {
      generations.current.delete(key);
      setList((all) => all.filter((e) => e.key !== key));
    },
    setEncoding: (key, encoding) => reread(key, (e) => ({ ...e, encoding })),
    setSheet: (key, sheet) => reread(key, (e) => ({ ...e, sheet })),
    setMapping: (key, mapping) => update(key, (e) => (e.state.status === 'survey' ? { ...e, state: { ...e.state, mapping } } : e)),
    clear: () => {
      queue.current = [];
      generations.current.clear();
      setList(() => []);
      setProgress(null);
    },
    commit: async (projectId) => {
      const all = list.current;
      const results: ImportFileResult[] = [];
      setProgress({ phase: 'storing', done: 0, total: all.length });
      for (const entry of all) {
        results.push(await storeEntry(projectId, entry));
        if (mounted.current) setProgress({ phase: 'storing', done: results.length, total: all.length });
      }
      return results;
    },
  };
}

async function storeEntry(projectId: string, entry: ImportEntry): Promise<ImportFileResult> {
  const name = entry.file.name;
  const problem = entryProblem(entry);
  if (problem) return { name, ok: false, reason: problem, sourceIds: [], caseCount: 0, warnings: [] };
  const { state } = entry;
  try {
    if (state.status === 'document') {
      const sourceId = await importDocument(projectId, {
        name,
        text: state.text,
        encoding: sourceEncoding(state),
        byteSize: entry.file.byteSize,
        format: state.format,
        ...(state.pageStarts ? { pageStarts: state.pageStarts } : {}),
        ...(entry.file.bytes ? { original: entry.file.bytes } : {}),
      });
      return { name, ok: true, sourceIds: [sourceId], caseCount: 0, warnings: state.warnings };
    }
    if (state.status === 'survey') {
      // Stored in the worker: a 10,000-respondent survey is a second of writing the page need not wait on.
      const summary = await getAnalysis().storeSurvey(projectId, {
        name,
        byteSize: entry.file.byteSize,
        format: state.format,
        ...(state.encoding !== undefined ? { encoding: state.encoding } : {}),
        table: state.table,
        mapping: state.mapping,
      });
      return { name, ok: true, sourceIds: summary.sourceIds, caseCount: summary.caseIds.length, warnings: [...state.warnings, ...summary.warnings] };
    }
  } catch (error) {
    return { name, ok: false, reason: `It could not be stored: ${errorMessage(error)}`, sourceIds: [], caseCount: 0, warnings: [] };
  }
  return { name, ok: false, reason: 'It could not be read.', sourceIds: [], caseCount: 0, warnings: [] };
}

// The "Sources" region: import files (picked or dropped on the window) through the import
// dialog, list the project's sources (filtered by a case attribute when the Cases panel says
// so), open and delete them, and save the file a source was imported from.
import { useMemo, useRef, useState } from 'react';
import { useRovingFocus } from '../common/useRovingFocus';
import { useCommand } from '../../commands/registry';
import { useSourceHasOriginal, useSources } from '../../db/queries';
import { exportOriginal } from './exportOriginal';
import { countSourceCodings, deleteSource } from '../../db/operations/sources';
import { getHost } from '../../host';
import { selectActiveSourceId, useUiStore, reportError } from '../../stores/uiStore';
import { selectSourceFilter, useCasesStore } from '../../stores/casesStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { Source } from '../../../../shared/model/types';
import { IMPORTABLE_EXTENSIONS } from '../../../../shared/import/detectFormat';
import { MAX_FILE_BYTES, formatBytes } from '../../../../shared/import/limits';
import { IMPORT_LIMITS_TEXT, ImportDialog } from '../import/ImportDialog';
import { useImportSession, type ImportFileResult } from '../import/useImportSession';
import { useFileDrop } from '../import/useFileDrop';
import { useCaseBook } from '../cases/useCaseBook';
import { filterOptions, sourcesMatching } from '../cases/sourceFilter';
import { plural } from '../../../../shared/text/plural';


export function SourcesPanel({ projectId }: { projectId: string }) {
  const sources = useSources(projectId) ?? [];
  const activeSourceId = useUiStore(selectActiveSourceId);
  const openSource = useUiStore((s) => s.openSource);
  const notify = useUiStore((s) => s.notify);
  const [failures, setFailures] = useState<Array<{ name: string; reason: string }>>([]);
  const [confirm, setConfirm] = useState<{ source: Source; codings: number } | null>(null);
  const session = useImportSession();
  const { dragging } = useFileDrop(session.addFiles);
  const filter = useCasesStore(useMemo(() => selectSourceFilter(projectId), [projectId]));
  const setSourceFilter = useCasesStore((s) => s.setSourceFilter);
  const book = useCaseBook(projectId);
  const activeSource = sources.find((s) => s.id === activeSourceId);
  const hasOriginal = useSourceHasOriginal(activeSource?.id ?? null) === true;

  const filterAttribute = filter ? book?.attributes.find((a) => a.id === filter.attributeId) : undefined;
  // Both walk every case: once per change of the cases or the filter, not on every render.
  const matching = useMemo(
    () => (filter && book && filterAttribute ? sourcesMatching(book, filter.attributeId, filter.valueKey) : null),
    [filter, book, filterAttribute],
  );
  const filterLabel = useMemo(
    () => (filterAttribute && book ? filterOptions(book, filterAttribute).find((o) => o.key === filter?.valueKey)?.label : undefined),
    [filter, book, filterAttribute],
  );
  const shown = matching ? sources.filter((s) => matching.has(s.id)) : sources;

  const pickFiles = async (): Promise<void> => {
    const files = await getHost().openSourceFiles({ extensions: [...IMPORTABLE_EXTENSIONS] });
    if (files.length > 0) session.addFiles(files);
  };

  const finishImport = (results: ImportFileResult[]): void => {
    session.clear();
    setFailures(results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason ?? 'It could not be imported.' }])));
    const imported = results.filter((r) => r.ok);
    const sourceCount = imported.reduce((n, r) => n + r.sourceIds.length, 0);
    const caseCount = imported.reduce((n, r) => n + r.caseCount, 0);
    if (imported.length === 0) {
      notify('error', 'Nothing was imported.');
      return;
    }
    notify('info', `Imported ${plural(sourceCount, 'source')}${caseCount > 0 ? ` and ${plural(caseCount, 'case')}` : ''} from ${plural(imported.length, 'file')}.`);
    const first = imported[0]?.sourceIds[0];
    if (first) openSource(first);
  };

  const askDeleteSource = (): void => {
    if (!activeSource) return;
    const source = activeSource;
    countSourceCodings(source.id).then((codings) => setConfirm({ source, codings }), reportError);
  };
  const listRef = useRef<HTMLUListElement>(null);
  const roving = useRovingFocus(listRef, 'li', '.source-open', 'li.active');
  useCommand('sources.import', () => void pickFiles().catch(reportError), true);
  useCommand('source.delete', askDeleteSource, !!activeSource);
  const saveOriginal = (): void => {
    if (!activeSource) return;
    const { name } = activeSource;
    exportOriginal(activeSource.id).then((result) => {
      if (result.saved) notify('info', `Saved the original of “${name}” as ${result.fileName}.`);
    }, reportError);
  };
  useCommand('source.exportOriginal', saveOriginal, hasOriginal);

  return (
    <section className="panel sources-panel" aria-label="Sources">
      <div className="panel-header">
        <h2>Sources</h2>
        <button type="button" onClick={() => void pickFiles().catch(reportError)}>
          Import sources
        </button>
      </div>
      <div className="panel-toolbar">
        <button
          type="button"
          disabled={!activeSource}
          onClick={askDeleteSource}
        >
          Delete source
        </button>
        <button
          type="button"
          disabled={!hasOriginal}
          title={activeSource && !hasOriginal ? 'This source has no original file (stored before originals were kept, or made from a survey).' : undefined}
          onClick={saveOriginal}
        >
          Export original file
        </button>
      </div>
      <p className="hint" title={IMPORT_LIMITS_TEXT}>
        Up to {formatBytes(MAX_FILE_BYTES.text)} a file (PDF {formatBytes(MAX_FILE_BYTES.pdf)}); or drop files here.
      </p>
      {failures.length > 0 && (
        <div role="alert" className="import-failures">
          <p>Not imported:</p>
          <ul>
            {failures.map((f, i) => (
              <li key={`${f.name}-${i}`}>
                <strong>{f.name}</strong>: {f.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setFailures([])}>
            Dismiss
          </button>
        </div>
      )}
      {filter && filterAttribute && (
        <div className="source-filter-note" role="status">
          <span>
            {shown.length} of {sources.length} · {filterAttribute.name}: {filterLabel ?? '—'}
          </span>
          <button type="button" onClick={() => setSourceFilter(null)}>
            Clear filter
          </button>
        </div>
      )}
      {sources.length === 0 ? (
        <p className="empty">No sources yet. Use “Import sources” to bring in documents or a survey.</p>
      ) : (
        <ul ref={listRef} className="source-list" aria-label="Sources in this project" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
          {shown.map((source) => (
            <li key={source.id} className={source.id === activeSourceId ? 'active' : undefined}>
              <button
                type="button"
                className="source-open"
                aria-current={source.id === activeSourceId ? 'true' : undefined}
                onClick={() => openSource(source.id)}
              >
                {source.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {session.entries.length > 0 && <ImportDialog projectId={projectId} session={session} onDone={finishImport} onCancel={session.clear} />}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop files to import them</p>
        </div>
      )}
      {confirm && (
        <ConfirmDialog
          title="Delete source"
          message={`Delete “${confirm.source.name}” and its ${plural(confirm.codings, 'coding')}? This cannot be undone.`}
          confirmLabel="Delete source"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const { source } = confirm;
            setConfirm(null);
            deleteSource(source.id).then(() => {
              if (source.id === activeSourceId) openSource(null);
              notify('info', `Deleted the source “${source.name}”.`, { undoable: true });
            }, reportError);
          }}
        />
      )}
    </section>
  );
}

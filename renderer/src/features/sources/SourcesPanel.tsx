// The "Sources" region: import text files, list the project's sources, open and delete them.
import { useState } from 'react';
import { useSources } from '../../db/queries';
import { countSourceCodings, deleteSource, importSources } from '../../db/operations/sources';
import { getHost } from '../../host';
import { selectActiveSourceId, useUiStore, reportError } from '../../stores/uiStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import type { Source } from '../../../../shared/model/types';
import { MAX_SOURCE_BYTES } from '../../../../shared/text/decode';

const TEXT_EXTENSIONS = ['txt', 'text', 'md'];

export function SourcesPanel({ projectId }: { projectId: string }) {
  const sources = useSources(projectId) ?? [];
  const activeSourceId = useUiStore(selectActiveSourceId);
  const openSource = useUiStore((s) => s.openSource);
  const notify = useUiStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<Array<{ name: string; reason: string }>>([]);
  const [confirm, setConfirm] = useState<{ source: Source; codings: number } | null>(null);
  const activeSource = sources.find((s) => s.id === activeSourceId);

  const runImport = async (): Promise<void> => {
    const files = await getHost().openSourceFiles({ extensions: TEXT_EXTENSIONS });
    if (files.length === 0) return;
    setBusy(true);
    try {
      const results = await importSources(projectId, files);
      const imported = results.filter((r) => r.ok);
      setFailures(results.flatMap((r) => (r.ok ? [] : [{ name: r.name, reason: r.reason }])));
      if (imported.length > 0) {
        notify('info', `Imported ${imported.length} source${imported.length === 1 ? '' : 's'}.`);
        const first = imported[0];
        if (first?.ok) openSource(first.sourceId);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel sources-panel" aria-label="Sources">
      <div className="panel-header">
        <h2>Sources</h2>
        <button type="button" onClick={() => void runImport().catch(reportError)} disabled={busy}>
          Import sources
        </button>
      </div>
      <div className="panel-toolbar">
        <button
          type="button"
          disabled={!activeSource}
          onClick={() => {
            if (!activeSource) return;
            const source = activeSource;
            countSourceCodings(source.id).then((codings) => setConfirm({ source, codings }), reportError);
          }}
        >
          Delete source
        </button>
      </div>
      <p className="hint">Plain text (.txt, .md), UTF-8, up to {MAX_SOURCE_BYTES / 1024 / 1024} MB each.</p>
      {failures.length > 0 && (
        <div role="alert" className="import-failures">
          <p>Not imported:</p>
          <ul>
            {failures.map((f) => (
              <li key={f.name}>
                <strong>{f.name}</strong>: {f.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setFailures([])}>
            Dismiss
          </button>
        </div>
      )}
      {sources.length === 0 ? (
        <p className="empty">No sources yet. Use “Import sources” to bring in text files.</p>
      ) : (
        <ul className="source-list" aria-label="Sources in this project">
          {sources.map((source) => (
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
      {confirm && (
        <ConfirmDialog
          title="Delete source"
          message={`Delete “${confirm.source.name}” and its ${confirm.codings} coding${confirm.codings === 1 ? '' : 's'}? This cannot be undone.`}
          confirmLabel="Delete source"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const { source } = confirm;
            setConfirm(null);
            deleteSource(source.id).then(() => {
              if (source.id === activeSourceId) openSource(null);
              notify('info', `Deleted the source “${source.name}”.`);
            }, reportError);
          }}
        />
      )}
    </section>
  );
}

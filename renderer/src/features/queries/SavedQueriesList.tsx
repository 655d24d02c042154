// The project's saved queries: each in words, run again with one click, renamed or deleted (each
// an undoable step). A saved query whose codes were deleted, or that another tool damaged, says so.
import { useRef, useState } from 'react';
import type { SavedQuery } from '../../../../shared/model/savedQuery';
import { parseQuery } from '../../../../shared/analysis/querySchema';
import { describeQuery } from '../../../../shared/analysis/queryDescription';
import type { Query } from '../../../../shared/analysis/queries';
import { deleteSavedQuery, renameSavedQuery } from '../../db/operations/savedQueries';
import { reportError, useUiStore } from '../../stores/uiStore';
import { NameDialog } from '../common/NameDialog';
import { useRovingFocus } from '../common/useRovingFocus';

interface SavedQueriesListProps {
  saved: readonly SavedQuery[];
  currentId: string | null;
  codeName(codeId: string): string;
  onRun(saved: SavedQuery, query: Query): void;
}

export function SavedQueriesList({ saved, currentId, codeName, onRun }: SavedQueriesListProps) {
  const notify = useUiStore((s) => s.notify);
  const [renaming, setRenaming] = useState<SavedQuery | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // One Tab stop for the whole list (on the current query's Run); arrows cross rows and buttons.
  const roving = useRovingFocus(listRef, 'li', '.query-saved-run', 'li.current');
  if (saved.length === 0) return <p className="query-saved-empty">No saved queries yet. Build one, then “Save query…”.</p>;
  return (
    <>
      <ul ref={listRef} className="query-saved" aria-label="Saved queries" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
        {saved.map((q) => {
          const parsed = parseQuery(q.definition);
          return (
            <li key={q.id} className={q.id === currentId ? 'current' : undefined}>
              <div className="query-saved-text">
                <span className="query-saved-name">{q.name}</span>
                <span className="query-saved-description">{parsed.ok ? describeQuery(parsed.value, codeName) : 'This saved query cannot be read.'}</span>
              </div>
              <button type="button" className="query-saved-run" disabled={!parsed.ok} onClick={() => parsed.ok && onRun(q, parsed.value)} aria-label={`Run ${q.name}`}>
                Run
              </button>
              <button type="button" onClick={() => setRenaming(q)} aria-label={`Rename ${q.name}`}>
                Rename
              </button>
              <button
                type="button"
                aria-label={`Delete ${q.name}`}
                onClick={() => deleteSavedQuery(q.id).then(() => notify('info', `Deleted the query “${q.name}”.`, { undoable: true }), reportError)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      {renaming && (
        <NameDialog
          title="Rename query"
          label="Query name"
          initial={renaming.name}
          submitLabel="Rename"
          onSubmit={(name) => renameSavedQuery(renaming.id, name)}
          onClose={() => setRenaming(null)}
        />
      )}
    </>
  );
}

// The "Codebook" region: a filterable code tree with counts, actions on the selected codes (edit,
// merge, split, copy, folder, sets, delete), and the focused code's definition.
import { useMemo, useState } from 'react';
import { useCommand } from '../../commands/registry';
import type { Code } from '../../../../shared/model/types';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import type { CodeCounts } from '../../../../shared/codebook/counts';
import { isCodableCode } from '../../../../shared/codebook/folder';
import { shortcutMap } from '../../../../shared/codebook/shortcuts';
import { setsOfCode } from '../../../../shared/codebook/codeSets';
import { useCodes, useSources } from '../../db/queries';
import { useCodeSets, useCodingTallies, useExampleCoding } from '../../db/codebookQueries';
import { assignShortcut, deleteCode, describeCodeDeletion } from '../../db/operations/codes';
import { ShortcutDialog } from './ShortcutDialog';
import { rearrangeCodes, setCodeCodable, type CodeArrangement } from '../../db/operations/codebook';
import { selectSelectedCodeId, selectSelectedCodeIds, useUiStore, reportError } from '../../stores/uiStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { CodeDialog, type CodeDialogMode } from './CodeDialog';
import { CodeTree } from './CodeTree';
import { CodeDefinition } from './CodeDefinition';
import { MergeCodesDialog } from './MergeCodesDialog';
import { SplitCodeDialog } from './SplitCodeDialog';
import { CopyCodingsDialog } from './CopyCodingsDialog';
import { CodeSetsDialog } from './CodeSetsDialog';
import { filterCodebook } from './codebookFilter';
import { countsFromTallies } from './codeCounts';
import { showCodedSegments } from '../retrieval/showCodedSegments';
import { plural } from '../../../../shared/text/plural';

type CountMode = 'codings' | 'codingsWithSubcodes' | 'sources' | 'sourcesWithSubcodes';

const COUNT_MODES: ReadonlyArray<{ mode: CountMode; label: string; unit: string; key: keyof CodeCounts }> = [
  { mode: 'codings', label: 'Codings', unit: 'codings', key: 'nCodings' },
  { mode: 'codingsWithSubcodes', label: 'Codings incl. subcodes', unit: 'codings including subcodes', key: 'nCodingsWithSubcodes' },
  { mode: 'sources', label: 'Sources', unit: 'sources', key: 'nSources' },
  { mode: 'sourcesWithSubcodes', label: 'Sources incl. subcodes', unit: 'sources including subcodes', key: 'nSourcesWithSubcodes' },
];

type Dialog =
  | { kind: 'code'; mode: CodeDialogMode }
  | { kind: 'merge'; mergedCodeIds: string[] }
  | { kind: 'split'; code: Code }
  | { kind: 'copy'; code: Code }
  | { kind: 'sets' }
  | { kind: 'shortcut'; code: Code };


function countsLine(c: CodeCounts): string {
  const own = `${plural(c.nCodings, 'coding')} in ${plural(c.nSources, 'source')}`;
  if (c.nCodingsWithSubcodes === c.nCodings) return own;
  return `${own}; with subcodes ${plural(c.nCodingsWithSubcodes, 'coding')} in ${plural(c.nSourcesWithSubcodes, 'source')}`;
}

export function CodebookPanel({ projectId }: { projectId: string }) {
  const codes = useCodes(projectId);
  const tallies = useCodingTallies(projectId);
  const codeSets = useCodeSets(projectId);
  const sourceList = useSources(projectId);
  const focusId = useUiStore(selectSelectedCodeId);
  const selectedIds = useUiStore(selectSelectedCodeIds);
  const selectCode = useUiStore((s) => s.selectCode);
  const selectCodes = useUiStore((s) => s.selectCodes);
  const revealSpan = useUiStore((s) => s.revealSpan);
  const openMemoEditor = useUiStore((s) => s.openMemoEditor);
  const notify = useUiStore((s) => s.notify);
  const [query, setQuery] = useState('');
  const [setFilterId, setSetFilterId] = useState('');
  const [countMode, setCountMode] = useState<CountMode>('codings');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [confirm, setConfirm] = useState<{ code: Code; message: string } | null>(null);

  const allCodes = useMemo(() => codes ?? [], [codes]);
  const sets = useMemo(() => codeSets ?? [], [codeSets]);
  const byId = useMemo(() => new Map(allCodes.map((c) => [c.id, c])), [allCodes]);
  const sources = useMemo(() => new Map((sourceList ?? []).map((s) => [s.id, s])), [sourceList]);
  const ordered = useMemo(() => flattenTree(allCodes), [allCodes]);
  const counts = useMemo(() => countsFromTallies(allCodes, tallies ?? []), [allCodes, tallies]);
  const shortcuts = useMemo(() => shortcutMap(ordered.map((e) => e.code)), [ordered]);
  const setFilter = sets.find((s) => s.id === setFilterId) ?? null;
  const entries = useMemo(
    () => filterCodebook(ordered, query, setFilter ? new Set(setFilter.codeIds) : null),
    [ordered, query, setFilter],
  );
  const countSpec = COUNT_MODES.find((m) => m.mode === countMode)!;
  const selected = selectedIds.filter((id) => byId.has(id));
  const focused = focusId ? byId.get(focusId) : undefined;
  const filtering = query.trim() !== '' || setFilter !== null;

  const askDelete = async (code: Code): Promise<void> => {
    const { codeIds, codings: n } = await describeCodeDeletion(code.id);
    const sub = codeIds.length - 1;
    setConfirm({
      code,
      message:
        `Delete the code “${code.name}”` +
        (sub > 0 ? ` and its ${plural(sub, 'subcode')}` : '') +
        `? ${plural(n, 'coding')} will be removed with it. This cannot be undone.`,
    });
  };

  const arrange = (arrangement: CodeArrangement): Promise<void> =>
    rearrangeCodes(projectId, arrangement).catch((error: unknown) => {
      reportError(error);
      throw error;
    });

  const toggleFolder = (code: Code): void => {
    const makeFolder = isCodableCode(code);
    setCodeCodable(code.id, !makeFolder).then(
      () => notify('info', makeFolder ? `“${code.name}” is now a folder: it groups codes and is not applied to text.` : `“${code.name}” can be applied to text again.`),
      reportError,
    );
  };

  const example = useExampleCoding(focused);
  const focusedSets = focused ? setsOfCode(sets, focused.id) : [];

  useCommand('code.new', () => setDialog({ kind: 'code', mode: { kind: 'new', parentId: null } }), true);
  useCommand('code.delete', () => {
    if (focused) askDelete(focused).catch(reportError);
  }, !!focused);
  useCommand('code.assignShortcut', () => {
    if (focused) setDialog({ kind: 'shortcut', code: focused });
  }, !!focused && isCodableCode(focused));
  useCommand('analyse.segments', () => {
    if (focused) showCodedSegments(focused.id);
  }, !!focused);

  return (
    <section className="panel codebook-panel" aria-label="Codebook">
      <div className="panel-header">
        <h2>Codebook</h2>
        <button type="button" onClick={() => setDialog({ kind: 'code', mode: { kind: 'new', parentId: null } })}>
          New code
        </button>
      </div>
      {allCodes.length > 0 && (
        <div className="codebook-tools">
          <input
            type="search"
            className="codebook-filter"
            aria-label="Filter codes"
            placeholder="Filter codes…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <select aria-label="Code set" value={setFilterId} onChange={(e) => setSetFilterId(e.target.value)} title="Show the codes of one set">
            <option value="">All codes</option>
            {sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.name}
              </option>
            ))}
          </select>
          <select aria-label="Counts" value={countMode} onChange={(e) => setCountMode(e.target.value as CountMode)} title="What the numbers count">
            {COUNT_MODES.map((m) => (
              <option key={m.mode} value={m.mode}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {selected.length > 1 ? (
        <div className="code-actions" role="toolbar" aria-label={`Actions for ${selected.length} codes`}>
          <span className="selection-count">{selected.length} codes selected</span>
          <button type="button" onClick={() => setDialog({ kind: 'merge', mergedCodeIds: selected })}>
            Merge…
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'sets' })}>
            Code sets…
          </button>
          <button type="button" onClick={() => selectCodes(focused ? [focused.id] : [], focused?.id ?? null)}>
            Clear selection
          </button>
        </div>
      ) : (
        focused && (
          <div className="code-actions" role="toolbar" aria-label={`Actions for ${focused.name}`}>
            <button type="button" onClick={() => setDialog({ kind: 'code', mode: { kind: 'new', parentId: focused.id } })}>
              New child code
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'code', mode: { kind: 'edit', code: focused } })}>
              Edit code
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'merge', mergedCodeIds: [focused.id] })}>
              Merge…
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'split', code: focused })} disabled={!isCodableCode(focused)}>
              Split…
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'copy', code: focused })} disabled={!isCodableCode(focused)}>
              Copy codings…
            </button>
            <button type="button" onClick={() => toggleFolder(focused)}>
              {isCodableCode(focused) ? 'Make folder' : 'Make codable'}
            </button>
            <button type="button" onClick={() => setDialog({ kind: 'sets' })}>
              Code sets…
            </button>
            <button type="button" className="danger" onClick={() => void askDelete(focused).catch(reportError)}>
              Delete code
            </button>
          </div>
        )
      )}
      {ordered.length === 0 ? (
        <p className="empty">No codes yet. Use “New code”, “Import codebook”, or select text and choose “New code from selection”.</p>
      ) : entries.length === 0 ? (
        <p className="empty">No code matches the filter.</p>
      ) : (
        <CodeTree
          codes={allCodes}
          entries={entries}
          filtered={filtering}
          count={(id) => counts.get(id)?.[countSpec.key] ?? 0}
          countLabel={countSpec.unit}
          shortcuts={shortcuts}
          selectedIds={selected}
          focusId={focusId}
          onSelect={selectCodes}
          onEdit={(id) => {
            const code = byId.get(id);
            if (code) setDialog({ kind: 'code', mode: { kind: 'edit', code } });
          }}
          onDelete={(id) => {
            const code = byId.get(id);
            if (code) askDelete(code).catch(reportError);
          }}
          onArrange={arrange}
          onAssignShortcut={(id, digit) => {
            const code = byId.get(id);
            if (code) assignShortcut(id, digit).then(() => notify('info', digit === null ? `“${code.name}” has no shortcut now.` : `${digit} now applies “${code.name}”.`, { undoable: true }), reportError);
          }}
        />
      )}
      {focused && selected.length <= 1 && (
        <section className="code-details" aria-label={`Definition of ${focused.name}`}>
          <div className="code-details-head">
            <span
              className={isCodableCode(focused) ? 'code-swatch' : 'code-swatch folder-swatch'}
              style={isCodableCode(focused) ? { background: focused.color } : { borderColor: focused.color }}
              aria-hidden="true"
            />
            <h3>{focused.name}</h3>
          </div>
          {focused.parentId && byId.has(focused.parentId) && <p className="code-details-path">in {codePath(byId, focused.parentId)}</p>}
          <p className="code-details-counts">
            {!isCodableCode(focused) && 'Folder: groups codes, not applied to text. '}
            {counts.get(focused.id) && countsLine(counts.get(focused.id)!)}
          </p>
          <button type="button" className="link-button show-segments" onClick={() => showCodedSegments(focused.id)}>
            Show coded segments
          </button>
          <CodeDefinition
            code={focused}
            example={example ? { text: example.exact, sourceName: sources.get(example.sourceId)?.name ?? 'unknown source' } : null}
            onShowExample={example ? () => revealSpan(example.sourceId, example.start, example.end, example.exact) : undefined}
          />
          {focusedSets.length > 0 && (
            <p className="code-details-sets">
              Sets:{' '}
              {focusedSets.map((s) => (
                <span key={s.id} className="chip">
                  {s.name}
                </span>
              ))}
            </p>
          )}
          <button
            type="button"
            className="link-button"
            onClick={() => openMemoEditor({ kind: 'new', targetKind: 'code', targetId: focused.id })}
          >
            Write a memo on this code
          </button>
        </section>
      )}
      {dialog?.kind === 'code' && (
        <CodeDialog
          projectId={projectId}
          codes={allCodes}
          sources={sources}
          mode={dialog.mode}
          onDone={(created) => {
            setDialog(null);
            if (created) selectCode(created.id);
          }}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeCodesDialog
          codes={allCodes}
          codeSets={sets}
          mergedCodeIds={dialog.mergedCodeIds}
          onDone={(outcome) => {
            setDialog(null);
            if (!outcome) return;
            selectCode(outcome.target.id);
            const { moved, collapsed } = outcome.result;
            notify(
              'info',
              `Merged into “${outcome.target.name}”: ${plural(moved, 'coding')} moved` +
                (collapsed > 0 ? `, ${plural(collapsed, 'identical coding')} collapsed.` : '.'),
              { undoable: true },
            );
          }}
        />
      )}
      {dialog?.kind === 'split' && (
        <SplitCodeDialog
          code={dialog.code}
          sources={sources}
          onDone={(created) => {
            setDialog(null);
            if (created) {
              selectCode(created.id);
              notify('info', `Split “${dialog.code.name}”: created “${created.name}”.`, { undoable: true });
            }
          }}
        />
      )}
      {dialog?.kind === 'copy' && (
        <CopyCodingsDialog
          code={dialog.code}
          codes={allCodes}
          sources={sources}
          onDone={(outcome) => {
            setDialog(null);
            if (!outcome) return;
            const { copied, skipped } = outcome.result;
            notify(
              'info',
              `Copied ${plural(copied, 'coding')} to “${outcome.target.name}”` +
                (skipped > 0 ? ` (${skipped} it already had).` : '.'),
            );
          }}
        />
      )}
      {dialog?.kind === 'sets' && (
        <CodeSetsDialog projectId={projectId} codes={allCodes} codeSets={sets} selectedIds={selected} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'shortcut' && <ShortcutDialog code={dialog.code} shortcuts={shortcuts} codesById={byId} onClose={() => setDialog(null)} />}
      {confirm && (
        <ConfirmDialog
          title="Delete code"
          message={confirm.message}
          confirmLabel="Delete code"
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const { code } = confirm;
            setConfirm(null);
            deleteCode(code.id).then(() => {
              selectCode(null);
              notify('info', `Deleted the code “${code.name}”.`, { undoable: true });
            }, reportError);
          }}
        />
      )}
    </section>
  );
}

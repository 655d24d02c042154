// "Export unit × code matrix (CSV)": one row per unit the user picks (case, split segment,
// paragraph or source), one column per code (0/1, or counts), then the unit's attributes: a table
// R, Python and SPSS read as it is. Bound to its catalogue command here; the active analysis
// filter, when there is one, restricts what is counted.
import { useId, useState } from 'react';
import type { MatrixUnit } from '../../../../shared/analysis/unitMatrix';
import { isEmptyFilter, type AnalysisFilter } from '../../../../shared/analysis/filter';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { useCommand } from '../../commands/registry';
import { useUiStore } from '../../stores/uiStore';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { exportUnitMatrix } from './unitMatrixExport';
import './unitMatrix.css';
import { useActiveFilter } from '../queries/useActiveFilter';
import { useExportFilterNote } from '../analysis/filter/useExportFilterNote';
import { exportedMessage } from '../analysis/filter/filterNote';

const UNITS: ReadonlyArray<{ unit: MatrixUnit; label: string; hint: string }> = [
  { unit: 'case', label: 'Case', hint: 'one row per case, with its type and attributes' },
  { unit: 'segment', label: 'Split segment', hint: 'one row per case segment of a split source or survey' },
  { unit: 'paragraph', label: 'Paragraph', hint: 'one row per non-blank paragraph of every source' },
  { unit: 'source', label: 'Source', hint: 'one row per source' },
];

export function UnitMatrixDialog({ projectId, filter, onClose }: { projectId: string; filter?: AnalysisFilter; onClose(): void }) {
  const notify = useUiStore((s) => s.notify);
  const [unit, setUnit] = useState<MatrixUnit>('case');
  const [counts, setCounts] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const filterNote = useExportFilterNote(projectId, filter);
  const hintId = useId();
  return (
    <Modal title="Export unit × code matrix (CSV)" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          exportUnitMatrix(projectId, { unit, counts, ...(filter ? { filter } : {}) }).then(
            async (result) => {
              onClose();
              if (result.saved) notify('info', await exportedMessage(projectId, 'the unit × code matrix', result.fileName, filter));
            },
            (e: unknown) => {
              setBusy(false);
              setError(errorMessage(e));
            },
          );
        }}
      >
        <fieldset className="matrix-units">
          <legend>One row per</legend>
          {/* The hint describes the choice rather than naming it: the radio is "Case", not "Case (one row per case…)". */}
          {UNITS.map((u) => (
            <span key={u.unit} className="matrix-unit">
              <label className="check">
                <input type="radio" name="matrix-unit" value={u.unit} checked={unit === u.unit} onChange={() => setUnit(u.unit)} aria-describedby={`${hintId}-${u.unit}`} />
                {u.label}
              </label>{' '}
              <span id={`${hintId}-${u.unit}`} className="export-hint">
                ({u.hint})
              </span>
            </span>
          ))}
        </fieldset>
        <fieldset className="matrix-units">
          <legend>Code columns</legend>
          <label className="check">
            <input type="radio" name="matrix-cells" checked={!counts} onChange={() => setCounts(false)} />
            0/1: whether the code is in the unit
          </label>
          <label className="check">
            <input type="radio" name="matrix-cells" checked={counts} onChange={() => setCounts(true)} />
            Counts: how many codings of the code are in the unit
          </label>
        </fieldset>
        {filter && !isEmptyFilter(filter) && filterNote && (
          <p className="export-hint export-filter-note" role="note" aria-label="Filter applied">
            {filterNote.charAt(0).toUpperCase() + filterNote.slice(1)}. Only the codings this filter keeps are counted, and case rows are only its cases.
          </p>
        )}
        <p className="export-hint">After the code columns come the unit’s case attributes. UTF-8 CSV with safe column names for R, Python and SPSS.</p>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Export
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Binds "Export unit × code matrix (CSV)" and shows its dialog. */
export function UnitMatrixCommand({ projectId }: { projectId: string | null }) {
  const [open, setOpen] = useState(false);
  const filter = useActiveFilter();
  useCommand('export.unitMatrix', () => setOpen(true), projectId !== null);
  return open && projectId ? <UnitMatrixDialog projectId={projectId} filter={filter} onClose={() => setOpen(false)} /> : null;
}

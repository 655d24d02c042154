// The preview of a codebook import: every row of the file as "create", "match" (by id or by path)
// or "skip" with its reasons, before anything changes. Importing writes the valid rows in one
// transaction; skipped rows write nothing.
import { useState } from 'react';
import type { ImportMessage, ImportPlan, ImportPlanRow } from '../../../../shared/codebook/importPlan';
import { importCodebook, type CodebookFile, type ImportOutcome } from '../../db/operations/codebook';
import { Modal } from '../common/Modal';
import { ColumnHeads } from '../common/ColumnHeads';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { plural } from '../../../../shared/text/plural';

export interface ImportCodebookDialogProps {
  projectId: string;
  fileName: string;
  description: string;
  file: CodebookFile;
  plan: ImportPlan;
  onDone(outcome: ImportOutcome | null): void;
}

const FIELD_WORDS: Record<string, string> = {
  description: 'description',
  color: 'colour',
  memo: 'memo',
  inclusion: 'inclusion criteria',
  exclusion: 'exclusion criteria',
  isCodable: 'folder setting',
};

function actionLabel(row: ImportPlanRow): string {
  if (row.action === 'create') {
    const what = row.definition.isCodable === false ? 'Create folder' : 'Create';
    return row.implied ? `${what} (implied parent)` : what;
  }
  if (row.action === 'match') return row.matchedBy === 'id' ? 'Match by id' : 'Match by path';
  return 'Skip';
}

function updatesNote(row: ImportPlanRow): ImportMessage | null {
  if (row.action !== 'match') return null;
  const fields = Object.keys(row.updates).map((k) => FIELD_WORDS[k] ?? k);
  return { severity: 'info', text: fields.length === 0 ? 'Already in the codebook; nothing changes.' : `Updates its ${fields.join(', ')}.` };
}

/**
 * Rows drawn in the preview table. A codebook of 50,000 codes would otherwise put 50,000 rows in
 * the page; the summary above still counts them all, and rows that will be skipped come first.
 */
export const PREVIEW_ROWS = 1000;

export function ImportCodebookDialog({ projectId, fileName, description, file, plan, onDone }: ImportCodebookDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const updates = plan.rows.filter((r) => r.action === 'match' && Object.keys(r.updates).length > 0).length;
  const setWrites = plan.codeSets.filter((s) => s.action !== 'skip').length;
  const fileErrors = plan.messages.filter((m) => m.severity === 'error');
  const codesToWrite = plan.summary.create + updates;
  const canImport = fileErrors.length === 0 && codesToWrite + setWrites > 0;
  const rowsWithErrors = plan.rows.filter((r) => r.messages.some((m) => m.severity === 'error')).length;
  const shownRows =
    plan.rows.length <= PREVIEW_ROWS ? plan.rows : [...plan.rows.filter((r) => r.action === 'skip'), ...plan.rows.filter((r) => r.action !== 'skip')].slice(0, PREVIEW_ROWS);

  return (
    <Modal title="Import codebook" onClose={() => onDone(null)} size="wide">
      <p className="modal-message import-source">
        <strong>{fileName}</strong> · {description}
      </p>
      <p className="import-summary">
        <span className="badge create">{plan.summary.create} to create</span>
        <span className="badge match">{plan.summary.match} matched</span>
        <span className={plan.summary.skip > 0 ? 'badge skip' : 'badge'}>{plan.summary.skip} skipped</span>
        {plan.codeSets.length > 0 && <span className="badge">{plural(plan.codeSets.length, 'code set')}</span>}
      </p>
      {plan.messages.length > 0 && (
        <ul className="import-messages" aria-label="About the file">
          {plan.messages.map((m, i) => (
            <li key={i} className={`message-${m.severity}`}>
              {m.text}
            </li>
          ))}
        </ul>
      )}
      {rowsWithErrors > 0 && fileErrors.length === 0 && (
        <p className="form-note">
          {plural(rowsWithErrors, 'row')} cannot be imported and will be skipped; the other rows can be imported as shown.
        </p>
      )}
      {plan.rows.length > 0 && (
        <div className="import-table-wrap">
          <table className="import-table" aria-label="Import preview">
            <ColumnHeads names={['In the file', 'Code', 'What happens', 'Notes']} />
            <tbody>
              {shownRows.map((row, i) => {
                const note = updatesNote(row);
                const messages = note ? [...row.messages, note] : row.messages;
                return (
                  <tr key={i} className={`row-${row.action}`}>
                    <td className="where">{row.where}</td>
                    <td className="path">
                      {row.definition.color && row.action !== 'skip' && (
                        <span className="code-swatch" style={{ background: row.definition.color }} aria-hidden="true" />
                      )}
                      {row.path || row.name || '(no name)'}
                    </td>
                    <td className="action">{actionLabel(row)}</td>
                    <td className="notes">
                      {messages.map((m, j) => (
                        <div key={j} className={`message-${m.severity}`}>
                          {m.text}
                        </div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shownRows.length < plan.rows.length && (
            <p className="form-note">
              The first {shownRows.length.toLocaleString('en')} of {plan.rows.length.toLocaleString('en')} rows are shown (skipped rows first); all are counted above.
            </p>
          )}
        </div>
      )}
      {plan.codeSets.length > 0 && (
        <ul className="import-sets" aria-label="Code sets in the file">
          {plan.codeSets.map((set, i) => (
            <li key={i} className={`row-${set.action}`}>
              <strong>{set.name || '(no name)'}</strong>: {set.action === 'create' ? 'create' : set.action === 'match' ? 'add to the existing set' : 'skip'},{' '}
              {plural(set.members.length, 'code')}
              {set.messages.map((m, j) => (
                <span key={j} className={`message-${m.severity}`}>
                  {' '}
                  {m.text}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      <FormError error={error} />
      <div className="modal-actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={!canImport || busy}
          onClick={() => {
            setBusy(true);
            importCodebook(projectId, file, plan.summary).then(onDone, (e: unknown) => {
              setBusy(false);
              setError(errorMessage(e));
            });
          }}
        >
          {codesToWrite > 0 || setWrites === 0 ? `Import ${plural(codesToWrite, 'code')}` : `Import ${plural(setWrites, 'code set')}`}
        </button>
      </div>
    </Modal>
  );
}

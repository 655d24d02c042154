// The "Import sources" dialog: every picked or dropped file with its result (ready, or why it
// cannot be imported), a progress bar while files are read and stored, and for the selected
// file a preview with the encoding it was read in (which the user can change) or, for a survey
// table, the column mapping. "Import" stores each importable file on its own.
import { describeDuplicate } from '../../../../shared/import/duplicates';
import { useDuplicates } from './useDuplicates';
import { textPreview, type TextPreview } from '../../../../shared/text/textPreview';
import { useState } from 'react';
import { SELECTABLE_ENCODINGS, type EncodingGuess } from '../../../../shared/import/encodingLabels';
import { MAX_FILE_BYTES, MAX_SOURCE_CHARS, SURVEY_LIMITS, formatBytes } from '../../../../shared/import/limits';
import { extensionOf } from '../../../../shared/import/detectFormat';
import { Modal } from '../common/Modal';
import { ColumnHeads } from '../common/ColumnHeads';
import { FORMAT_NAMES, entryProblem, hasSelectableEncoding, type ImportEntry } from './importEntry';
import { SurveyMappingForm } from './SurveyMappingForm';
import type { ImportFileResult, ImportSession } from './useImportSession';
import './import.css';

const PREVIEW_CHARACTERS = 6000;

// Counting characters walks the whole text (up to 60 million): once per text, not per render.
let lastPreview: { text: string; preview: TextPreview } | null = null;
function previewOf(text: string): TextPreview {
  if (lastPreview?.text !== text) lastPreview = { text, preview: textPreview(text, PREVIEW_CHARACTERS) };
  return lastPreview.preview;
}

/** The limits, stated before anything is picked rather than discovered by a failure. */
export const IMPORT_LIMITS_TEXT =
  `Text (.txt, .md), web pages (.html), RTF, Word (.docx), OpenDocument (.odt), PDF, and survey tables (.csv, .xlsx). ` +
  `Up to ${formatBytes(MAX_FILE_BYTES.text)} a file (PDFs ${formatBytes(MAX_FILE_BYTES.pdf)}) and ${MAX_SOURCE_CHARS / 1_000_000} million characters of text; ` +
  `surveys up to ${SURVEY_LIMITS.maxRows.toLocaleString('en')} rows and ${SURVEY_LIMITS.maxColumns} columns.`;

function resultText(entry: ImportEntry): string {
  const { state } = entry;
  if (state.status === 'reading') return 'Reading…';
  if (entry.busy) return 'Reading again…';
  if (state.status === 'refused') return state.reason;
  if (state.status === 'survey') {
    const problem = entryProblem(entry);
    return problem ? `Survey: ${problem}` : `Survey, ${state.table.rows.length} rows: ready${state.warnings.length > 0 ? ' (see notes)' : ''}`;
  }
  const pages = state.pageStarts ? `, ${state.pageStarts.length} page${state.pageStarts.length === 1 ? '' : 's'}` : '';
  const warned = state.warnings.length > 0 ? ' (see notes)' : '';
  return `Ready${pages}${warned}`;
}

function formatOf(entry: ImportEntry): string {
  const { state } = entry;
  if (state.status === 'document' || state.status === 'survey') return FORMAT_NAMES[state.format];
  const ext = extensionOf(entry.file.name);
  return ext ? `.${ext}` : '—';
}

function guessNote(guess: EncodingGuess | undefined, decodedAs: string | undefined): string {
  // Web pages and CSV tables report the encoding they were read in, not how it was found.
  if (!guess) return decodedAs ? `Detected: ${decodedAs}.` : 'Check the preview.';
  switch (guess.basis) {
    case 'bom':
      return `Detected from the byte order mark: ${guess.name}.`;
    case 'utf-8':
      return 'Detected: the file is valid UTF-8.';
    case 'utf-16-pattern':
      return `Detected: ${guess.name} (no byte order mark).`;
    case 'detector':
      return `Detected: ${guess.name} (a guess, ${Math.round(guess.confidence * 100)}% sure). Check the preview.`;
    case 'fallback':
      return `Not sure which encoding this is; reading it as ${guess.name}. Check the preview, and choose another if letters look wrong.`;
  }
}

function EncodingChoice({ entry, onChange }: { entry: ImportEntry; onChange(label: string): void }) {
  const { state } = entry;
  // Shown while a text-like file reads, and also after a chosen encoding failed, so the user
  // can try another one.
  const label = state.status === 'document' || state.status === 'survey' ? state.encodingLabel : state.status === 'refused' ? entry.encoding : undefined;
  if (label === undefined) return null;
  const guess = state.status === 'document' ? state.guess : undefined;
  const decodedAs = state.status === 'document' || state.status === 'survey' ? state.encoding : undefined;
  return (
    <div className="encoding-choice">
      <label>
        <span>Encoding</span>
        <select aria-label="Encoding" value={label} onChange={(e) => onChange(e.target.value)} disabled={entry.busy}>
          {SELECTABLE_ENCODINGS.map((e) => (
            <option key={e.label} value={e.label}>
              {e.name} ({e.description})
            </option>
          ))}
        </select>
      </label>
      <span className="encoding-note" role="status">
        {state.status === 'refused' ? 'Choose another encoding.' : entry.encoding === undefined ? guessNote(guess, decodedAs) : `Read as ${decodedAs ?? label}, as you chose.`}
      </span>
    </div>
  );
}

function EntryDetail({ entry, session }: { entry: ImportEntry; session: ImportSession }) {
  const { state } = entry;
  if (state.status === 'reading') return <p className="hint">Reading {entry.file.name}…</p>;
  if (state.status === 'refused') {
    return (
      <div className="entry-refused">
        <h3>{entry.file.name}</h3>
        <EncodingChoice entry={entry} onChange={(label) => session.setEncoding(entry.key, label)} />
        <p className="refused-reason">{state.reason}</p>
        <p className="hint">Nothing from this file will be stored.</p>
      </div>
    );
  }
  const notes = state.warnings.length > 0 && (
    <ul className="entry-warnings" aria-label="Notes">
      {state.warnings.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
  if (state.status === 'survey') {
    return (
      <div className="entry-detail">
        <h3>{entry.file.name}</h3>
        <div className="entry-options">
          <EncodingChoice entry={entry} onChange={(label) => session.setEncoding(entry.key, label)} />
          {state.sheetNames && state.sheetNames.length > 1 && (
            <label>
              <span>Sheet</span>
              <select aria-label="Sheet" value={entry.sheet ?? state.sheetNames[0]} onChange={(e) => session.setSheet(entry.key, e.target.value)}>
                {state.sheetNames.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        {notes}
        <SurveyMappingForm table={state.table} mapping={state.mapping} onChange={(mapping) => session.setMapping(entry.key, mapping)} />
      </div>
    );
  }
  const preview = previewOf(state.text);
  return (
    <div className="entry-detail">
      <h3>{entry.file.name}</h3>
      <div className="entry-options">
        <EncodingChoice entry={entry} onChange={(label) => session.setEncoding(entry.key, label)} />
        {!hasSelectableEncoding(state) && (
          <span className="hint">
            {FORMAT_NAMES[state.format]}
            {state.pageStarts ? ` · ${state.pageStarts.length} page${state.pageStarts.length === 1 ? '' : 's'}, page breaks kept` : ''}
          </span>
        )}
        <span className="hint">{preview.total.toLocaleString('en')} characters</span>
      </div>
      {notes}
      <pre className="import-preview" aria-label="Preview" tabIndex={0}>
        {preview.shown}
        {preview.more > 0 && <span className="preview-more">{`\n… ${preview.more.toLocaleString('en')} more characters`}</span>}
      </pre>
    </div>
  );
}

export interface ImportDialogProps {
  projectId: string;
  session: ImportSession;
  onDone(results: ImportFileResult[]): void;
  onCancel(): void;
}

export function ImportDialog({ projectId, session, onDone, onCancel }: ImportDialogProps) {
  const [selectedKey, setSelectedKey] = useState<number | null>(null);
  const [storing, setStoring] = useState(false);
  const { entries, progress } = session;
  const selected = entries.find((e) => e.key === selectedKey) ?? entries[0];
  const importable = entries.filter((e) => entryProblem(e) === null);
  const reading = entries.some((e) => e.state.status === 'reading' || e.busy);
  const unmappedSurvey = entries.find((e) => e.state.status === 'survey' && entryProblem(e) !== null);
  const blocked = reading ? 'Wait until every file has been read.' : unmappedSurvey ? `Finish the column mapping of ${unmappedSurvey.file.name}.` : null;
  const refusedCount = entries.filter((e) => e.state.status === 'refused').length;
  const duplicates = useDuplicates(projectId, entries);
  // Files the user chose to import although they are already in the project.
  const [keptDuplicates, setKeptDuplicates] = useState<ReadonlySet<number>>(new Set());
  const selectedDuplicate = selected && !keptDuplicates.has(selected.key) ? duplicates.get(selected.key) : undefined;

  const runImport = (): void => {
    setStoring(true);
    session.commit(projectId).then(onDone, () => setStoring(false));
  };

  return (
    <Modal title="Import sources" size="wide" onClose={() => (storing ? undefined : onCancel())}>
      <div className="import-dialog">
        <p className="hint import-limits">{IMPORT_LIMITS_TEXT} You can also drop files onto the window.</p>
        {progress && (
          <div className="import-progress">
            <progress aria-label={progress.phase === 'reading' ? 'Reading files' : 'Storing files'} max={Math.max(progress.total, 1)} value={progress.done} />
            <span>
              {progress.phase === 'reading' ? 'Read' : 'Stored'} {progress.done} of {progress.total} file{progress.total === 1 ? '' : 's'}
            </span>
          </div>
        )}
        <div className="import-body">
          <div className="import-files-wrap">
            <table className="import-files" aria-label="Files to import">
              <ColumnHeads names={['File', 'Type', 'Size', 'Result']} actions="Remove" />
              <tbody>
                {entries.map((entry) => {
                  const refused = entry.state.status === 'refused';
                  return (
                    <tr key={entry.key} aria-label={entry.file.name} className={`${entry === selected ? 'selected' : ''} ${refused ? 'refused' : ''}`}>
                      <td>
                        <button type="button" className="file-name" aria-pressed={entry === selected} onClick={() => setSelectedKey(entry.key)}>
                          {entry.file.name}
                        </button>
                      </td>
                      <td>{formatOf(entry)}</td>
                      <td className="num">{formatBytes(entry.file.byteSize)}</td>
                      <td className="file-result">
                        {resultText(entry)}
                        {duplicates.has(entry.key) && !keptDuplicates.has(entry.key) && <span className="duplicate-flag"> · already in the project</span>}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={`Remove ${entry.file.name} from this import`}
                          title="Remove from this import"
                          disabled={storing}
                          onClick={() => session.removeEntry(entry.key)}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="import-detail">
            {selected && selectedDuplicate && (
              <div className="duplicate-warning" role="group" aria-label="Already in the project">
                <p>{describeDuplicate(selectedDuplicate)}</p>
                <div className="duplicate-choices">
                  <button type="button" onClick={() => session.removeEntry(selected.key)} disabled={storing}>
                    Skip this file
                  </button>
                  <button type="button" onClick={() => setKeptDuplicates(new Set([...keptDuplicates, selected.key]))} disabled={storing}>
                    Import it again
                  </button>
                </div>
              </div>
            )}
            {selected ? <EntryDetail entry={selected} session={session} /> : <p className="hint">No files.</p>}
          </div>
        </div>
        <div className="modal-actions import-actions">
          <span className="import-status">
            {blocked ??
              `${importable.length} of ${entries.length} file${entries.length === 1 ? '' : 's'} ready to import` +
                (refusedCount > 0 ? `; ${refusedCount} cannot be imported and will be listed` : '') +
                '.'}
          </span>
          <button type="button" onClick={onCancel} disabled={storing}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={runImport} disabled={storing || blocked !== null || entries.length === 0}>
            Import
          </button>
        </div>
      </div>
    </Modal>
  );
}

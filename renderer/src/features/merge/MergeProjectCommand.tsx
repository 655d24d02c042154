// "Merge project" (File menu): choose a colleague's .qdpx, plan the merge off the page thread with
// a progress bar, preview what will be added, matched and what conflicts, then merge as one
// undoable step. Nothing changes before "Merge"; Cancel drops the plan.
import { useRef, useState } from 'react';
import { useCommand } from '../../commands/registry';
import { getHost } from '../../host';
import { useUiStore } from '../../stores/uiStore';
import { Modal } from '../common/Modal';
import { prepareMerge, type MergeSession } from './mergeSession';
import type { MergeSummary } from './mergeRun';
import { describeAdded, kindName, mergeReportRows } from './mergeReportRows';
import './merge.css';

type Stage =
  | { kind: 'planning'; fileName: string; fraction: number; step: string }
  | { kind: 'preview'; fileName: string; summary: MergeSummary }
  | { kind: 'committing'; fileName: string; summary: MergeSummary }
  | { kind: 'failed'; fileName: string; message: string }
  | null;

/** Items listed per kind in the preview before "and N more" (the counts table has them all). */
const LISTED = 50;

export function MergeProjectCommand({ projectId }: { projectId: string | null }) {
  const [stage, setStage] = useState<Stage>(null);
  const session = useRef<MergeSession | null>(null);
  const notify = useUiStore((s) => s.notify);

  const close = (): void => {
    session.current?.dispose();
    session.current = null;
    setStage(null);
  };

  const run = (): void => {
    if (!projectId || stage) return;
    // The worker starts now and reads this project while the file is being chosen.
    const prepared = prepareMerge(projectId);
    void getHost()
      .openProjectFile({ purpose: 'merge' })
      .then((chosen) => {
        if (chosen.status === 'canceled') {
          prepared.dispose();
          return;
        }
        if (chosen.status === 'refused') {
          prepared.dispose();
          setStage({ kind: 'failed', fileName: chosen.name, message: chosen.error });
          return;
        }
        const fileName = chosen.name;
        setStage({ kind: 'planning', fileName, fraction: 0, step: 'reading the file' });
        const started = prepared.start(fileName, chosen.bytes, (fraction, step) =>
          setStage((s) => (s?.kind === 'planning' && s.fileName === fileName ? { ...s, fraction, step } : s)),
        );
        session.current = started;
        started.planned.then(
          (summary) => {
            if (session.current === started) setStage({ kind: 'preview', fileName, summary });
          },
          (error: unknown) => {
            if (session.current !== started) return;
            started.dispose();
            session.current = null;
            setStage({ kind: 'failed', fileName, message: error instanceof Error ? error.message : String(error) });
          },
        );
      }, prepared.dispose);
  };
  useCommand('project.merge', run, projectId !== null && stage === null);

  const merge = (): void => {
    if (stage?.kind !== 'preview' || !session.current) return;
    const { fileName, summary } = stage;
    const current = session.current;
    setStage({ kind: 'committing', fileName, summary });
    current.commit().then(
      () => {
        session.current = null;
        setStage(null);
        const added = describeAdded(summary.report);
        notify('info', `Merged “${fileName}”${added ? `: ${added}` : ''}.`, { undoable: true });
      },
      (error: unknown) => {
        current.dispose();
        session.current = null;
        setStage({ kind: 'failed', fileName, message: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  if (!stage) return null;
  const busy = stage.kind === 'planning' || stage.kind === 'committing';
  return (
    <Modal title="Merge project" size={stage.kind === 'preview' ? 'wide' : 'normal'} onClose={close} onEscape={busy && stage.kind === 'committing' ? () => undefined : close}>
      {stage.kind === 'planning' && (
        <>
          <p>Reading “{stage.fileName}” and comparing it with this project…</p>
          <Progress label={`Planning the merge of ${stage.fileName}`} value={Math.round(stage.fraction * 100)} text={stage.step} />
          <div className="modal-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
      {(stage.kind === 'preview' || stage.kind === 'committing') && (
        <MergePreview fileName={stage.fileName} summary={stage.summary} committing={stage.kind === 'committing'} onMerge={merge} onCancel={close} />
      )}
      {stage.kind === 'failed' && (
        <>
          <p role="alert">
            “{stage.fileName}” could not be merged: {stage.message}
          </p>
          <p>Nothing was changed.</p>
          <div className="modal-actions">
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

/** A bar with the share done, or (no `value`) an indeterminate one: the commit cannot say how far it is. */
function Progress({ label, value, text }: { label: string; value?: number; text: string }) {
  const known = value !== undefined;
  return (
    <div className="merge-progress">
      <span
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(known ? { 'aria-valuenow': value } : {})}
        aria-valuetext={known ? `${value}%: ${text}` : text}
        className="file-progress-bar"
      >
        <span className={known ? 'file-progress-fill scaled' : 'file-progress-fill merge-progress-busy'} style={known ? { transform: `scaleX(${value / 100})` } : undefined} />
      </span>
      <span className="merge-progress-step">{text}…</span>
    </div>
  );
}

function MergePreview({ fileName, summary, committing, onMerge, onCancel }: { fileName: string; summary: MergeSummary; committing: boolean; onMerge(): void; onCancel(): void }) {
  const { report, empty, notRead } = summary;
  const rows = mergeReportRows(report);
  return (
    <>
      {empty ? (
        <p role="status">Everything in “{fileName}” is already in this project: merging it would change nothing.</p>
      ) : (
        <p>
          Merging “{fileName}” into this project. Other coders’ codings are kept beside yours, never over them; nothing of this project is removed. Undo takes the whole
          merge back.
        </p>
      )}
      <table className="merge-table" aria-label="What the merge does">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Added</th>
            <th scope="col">Matched</th>
            <th scope="col">Conflicts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{row.label}</th>
              <td>{row.added.toLocaleString('en')}</td>
              <td>{row.matched.toLocaleString('en')}</td>
              <td>{row.conflicts.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.conflicts.length > 0 && (
        <section aria-label="Conflicts">
          <h3>Conflicts</h3>
          <ul className="merge-list">
            {report.conflicts.slice(0, LISTED).map((c, i) => (
              <li key={i}>
                <strong>{c.label}</strong> ({kindName(c.kind, 1)}): {c.reason}
              </li>
            ))}
            {report.conflicts.length > LISTED && <li>…and {report.conflicts.length - LISTED} more.</li>}
          </ul>
        </section>
      )}
      {report.added.length > 0 && (
        <details className="merge-details">
          <summary>Added ({report.added.length.toLocaleString('en')} besides codings and case data)</summary>
          <ul className="merge-list" aria-label="Added">
            {report.added.slice(0, LISTED).map((item, i) => (
              <li key={i}>
                {kindName(item.kind, 1)}: {item.label}
              </li>
            ))}
            {report.added.length > LISTED && <li>…and {report.added.length - LISTED} more.</li>}
          </ul>
        </details>
      )}
      {report.matched.length > 0 && (
        <details className="merge-details">
          <summary>Matched ({report.matched.length.toLocaleString('en')})</summary>
          <ul className="merge-list" aria-label="Matched">
            {report.matched.slice(0, LISTED).map((item, i) => (
              <li key={i}>
                {kindName(item.kind, 1)}: {item.label} (by {item.rule}){item.differs ? `; differs in ${item.differs}, ours kept` : ''}
              </li>
            ))}
            {report.matched.length > LISTED && <li>…and {report.matched.length - LISTED} more.</li>}
          </ul>
        </details>
      )}
      {notRead.length > 0 && (
        <section aria-label="Not read">
          <h3>Not read from the file</h3>
          <ul className="merge-list">
            {notRead.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {committing && <Progress label={`Merging ${fileName}`} text="merging" />}
      <div className="modal-actions">
        <button type="button" onClick={onCancel} disabled={committing}>
          {empty ? 'Close' : 'Cancel'}
        </button>
        {!empty && (
          <button type="button" className="primary" onClick={onMerge} disabled={committing}>
            Merge
          </button>
        )}
      </div>
    </>
  );
}

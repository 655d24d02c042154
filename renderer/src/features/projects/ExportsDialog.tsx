// The exports that do not earn a place in the top bar: the codebook as a workbook or a document
// to print, and the memos.
import type { SaveFileResult } from '../../../../shared/ipc/contract';
import { exportCodebookXlsx, exportPrintableCodebook } from '../codebook/codebookExports';
import { exportMemos } from '../memos/memosExport';
import { useUiStore, reportError } from '../../stores/uiStore';
import { CloseFooter, Modal } from '../common/Modal';
import { StorageStatus } from '../storage/StorageStatus';
import { runCommand } from '../../commands/registry';

const EXPORTS: ReadonlyArray<{ label: string; what: string; hint: string; run(projectId: string): Promise<SaveFileResult> }> = [
  { label: 'Export codebook (XLSX)', what: 'the codebook', hint: 'The CSV table as an Excel workbook.', run: exportCodebookXlsx },
  {
    label: 'Export codebook (HTML)',
    what: 'the codebook',
    hint: 'One section per code with its definition and an example; open it in a browser to print.',
    run: (id) => exportPrintableCodebook(id, 'html'),
  },
  { label: 'Export codebook (Markdown)', what: 'the codebook', hint: 'The same document as Markdown text.', run: (id) => exportPrintableCodebook(id, 'markdown') },
  { label: 'Export memos (Markdown)', what: 'the memos', hint: 'Every memo, grouped by what it is attached to.', run: (id) => exportMemos(id, 'markdown') },
  { label: 'Export memos (HTML)', what: 'the memos', hint: 'The memos as a page to read or print.', run: (id) => exportMemos(id, 'html') },
];

export function ExportsDialog({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const notify = useUiStore((s) => s.notify);
  return (
    <Modal title="More exports" onClose={onClose}>
      <ul className="export-list">
        {EXPORTS.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              onClick={() => {
                entry.run(projectId).then((result) => {
                  if (result.saved) notify('info', `Exported ${entry.what} to ${result.fileName}.`);
                }, reportError);
              }}
            >
              {entry.label}
            </button>
            <span className="export-hint">{entry.hint}</span>
          </li>
        ))}
        <li>
          <button
            type="button"
            onClick={() => {
              onClose();
              runCommand('export.unitMatrix');
            }}
          >
            Export unit × code matrix (CSV)
          </button>
          <span className="export-hint">One row per case, segment, paragraph or source; one column per code; then attributes. For R, Python and SPSS.</span>
        </li>
      </ul>
      <StorageStatus />
      <CloseFooter onClose={onClose} />
    </Modal>
  );
}

// The "Split into cases" button of the Document panel and the dialog it opens, in one piece so
// the panel only places it.
import { useState } from 'react';
import { useCommand } from '../../commands/registry';
import type { Source } from '../../../../shared/model/types';
import { SplitSourceDialog } from './SplitSourceDialog';

export function SplitIntoCasesButton({ projectId, source, text }: { projectId: string; source: Source; text: string }) {
  const [open, setOpen] = useState(false);
  useCommand('source.split', () => setOpen(true), true);
  return (
    <>
      <button type="button" className="split-open" onClick={() => setOpen(true)}>
        Split into cases
      </button>
      {open && <SplitSourceDialog key={source.id} projectId={projectId} source={source} text={text} onClose={() => setOpen(false)} />}
    </>
  );
}

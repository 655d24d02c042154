// Creates a code or edits one. Editing covers the whole definition coders apply a code by: name,
// colour, description, when to use it and when not, a typical example chosen among its own
// codings, and a free memo.
import { useState } from 'react';
import type { Code, Source } from '../../../../shared/model/types';
import { codePath, flattenTree } from '../../../../shared/codebook/tree';
import { nextPaletteColor } from '../../../../shared/codebook/palette';
import { createCode, updateCode } from '../../db/operations/codes';
import { useCodingsOfCodes } from '../../db/codebookQueries';
import { Modal } from '../common/Modal';
import { ColorPicker } from './ColorPicker';
import { quoteLabel } from './quoteLabel';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';

export type CodeDialogMode =
  | { kind: 'new'; parentId: string | null }
  | { kind: 'rename'; code: Code }
  | { kind: 'edit'; code: Code };

export interface CodeDialogProps {
  projectId: string;
  codes: readonly Code[];
  sources: ReadonlyMap<string, Pick<Source, 'name' | 'order'>>;
  mode: CodeDialogMode;
  onDone(code: Code | null): void;
}

const TITLES = { new: 'New code', rename: 'Rename code', edit: 'Edit code' } as const;

export function CodeDialog({ projectId, codes, sources, mode, onDone }: CodeDialogProps) {
  const existing = mode.kind === 'new' ? null : mode.code;
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [inclusion, setInclusion] = useState(existing?.inclusion ?? '');
  const [exclusion, setExclusion] = useState(existing?.exclusion ?? '');
  const [memo, setMemo] = useState(existing?.memo ?? '');
  // The edited code's own codings are offered as its typical example.
  const loaded = useCodingsOfCodes(mode.kind === 'edit' ? [mode.code.id] : []);
  const own = (loaded ?? [])
    .slice()
    .sort((a, b) => (sources.get(a.sourceId)?.order ?? 0) - (sources.get(b.sourceId)?.order ?? 0) || a.start - b.start);
  const [chosenExample, setExampleId] = useState(existing?.exampleCodingId ?? '');
  // A link left behind by a deleted or recoded coding is shown (and saved) as no example.
  const exampleId = own.some((c) => c.id === chosenExample) ? chosenExample : '';
  const [color, setColor] = useState(existing?.color ?? nextPaletteColor(codes.map((c) => c.color)));
  const [parentId, setParentId] = useState<string | null>(mode.kind === 'new' ? mode.parentId : null);
  const [error, setError] = useState<string | null>(null);
  const full = mode.kind !== 'rename';
  const byId = new Map(codes.map((c) => [c.id, c]));

  const submit = async (): Promise<void> => {
    if (mode.kind === 'new') {
      onDone(await createCode({ projectId, parentId, name, description, color, inclusion, exclusion, memo }));
      return;
    }
    if (mode.kind === 'rename') {
      await updateCode(mode.code.id, { name });
    } else {
      await updateCode(mode.code.id, {
        name,
        color,
        description,
        inclusion,
        exclusion,
        memo,
        // Until the codings have loaded the example is left as it is.
        ...(loaded ? { exampleCodingId: exampleId || null } : {}),
      });
    }
    onDone(null);
  };

  return (
    <Modal title={TITLES[mode.kind]} onClose={() => onDone(null)} size={full ? 'wide' : 'normal'}>
      <form
        className={full ? 'code-form' : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          submit().catch((e: unknown) => setError(errorMessage(e)));
        }}
      >
        <div className="code-form-main">
          <label className="field">
            <span>Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
          </label>
          {mode.kind === 'new' && (
            <label className="field">
              <span>Parent code</span>
              <select value={parentId ?? ''} onChange={(e) => setParentId(e.target.value || null)}>
                <option value="">(none: top level)</option>
                {flattenTree(codes).map(({ code, depth }) => (
                  <option key={code.id} value={code.id}>
                    {' '.repeat(depth * 3)}
                    {code.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {full && <ColorPicker value={color} onChange={setColor} />}
          {full && (
            <label className="field">
              <span>Description</span>
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} placeholder="What the code means" />
            </label>
          )}
        </div>
        {full && (
          <div className="code-form-definition">
            <label className="field">
              <span>Use when (inclusion criteria)</span>
              <textarea value={inclusion} onChange={(e) => setInclusion(e.target.value)} rows={2} />
            </label>
            <label className="field">
              <span>Do not use when (exclusion criteria)</span>
              <textarea value={exclusion} onChange={(e) => setExclusion(e.target.value)} rows={2} />
            </label>
            {mode.kind === 'edit' && (
              <label className="field">
                <span>Typical example</span>
                <select value={exampleId} onChange={(e) => setExampleId(e.target.value)} disabled={own.length === 0}>
                  <option value="">{own.length === 0 ? '(no codings yet)' : '(none chosen)'}</option>
                  {own.map((coding) => (
                    <option key={coding.id} value={coding.id}>
                      {quoteLabel(coding.exact, 70)} — {sources.get(coding.sourceId)?.name ?? 'unknown source'}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field">
              <span>Memo</span>
              <textarea value={memo} onChange={(e) => setMemo(e.target.value)} rows={2} placeholder="Notes that are not part of the definition" />
            </label>
          </div>
        )}
        {existing && existing.parentId && <p className="form-note">In {codePath(byId, existing.parentId)}</p>}
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {mode.kind === 'new' ? 'Create code' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

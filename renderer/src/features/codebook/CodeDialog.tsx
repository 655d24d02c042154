// Creates a code or edits one: name, colour, description (and, for a new code, its parent).
import { useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import { flattenTree } from '../../../../shared/codebook/tree';
import { nextPaletteColor } from '../../../../shared/codebook/palette';
import { createCode, updateCode } from '../../db/operations/codes';
import { Modal } from '../common/Modal';
import { ColorPicker } from './ColorPicker';

export type CodeDialogMode =
  | { kind: 'new'; parentId: string | null }
  | { kind: 'rename'; code: Code }
  | { kind: 'recolour'; code: Code }
  | { kind: 'edit'; code: Code };

export interface CodeDialogProps {
  projectId: string;
  codes: readonly Code[];
  mode: CodeDialogMode;
  onDone(code: Code | null): void;
}

const TITLES = { new: 'New code', rename: 'Rename code', recolour: 'Change colour', edit: 'Edit code' } as const;

export function CodeDialog({ projectId, codes, mode, onDone }: CodeDialogProps) {
  const existing = mode.kind === 'new' ? null : mode.code;
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [color, setColor] = useState(existing?.color ?? nextPaletteColor(codes.map((c) => c.color)));
  const [parentId, setParentId] = useState<string | null>(mode.kind === 'new' ? mode.parentId : null);
  const [error, setError] = useState<string | null>(null);
  const showName = mode.kind !== 'recolour';
  const showColour = mode.kind !== 'rename';
  const showDescription = mode.kind === 'new' || mode.kind === 'edit';

  const submit = async (): Promise<void> => {
    if (mode.kind === 'new') {
      onDone(await createCode({ projectId, parentId, name, description, color }));
      return;
    }
    await updateCode(mode.code.id, {
      ...(showName ? { name } : {}),
      ...(showColour ? { color } : {}),
      ...(showDescription ? { description } : {}),
    });
    onDone(null);
  };

  return (
    <Modal title={TITLES[mode.kind]} onClose={() => onDone(null)}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
        }}
      >
        {showName && (
          <label className="field">
            <span>Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
          </label>
        )}
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
        {showColour && <ColorPicker value={color} onChange={setColor} />}
        {showDescription && (
          <label className="field">
            <span>Description (optional)</span>
            <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
          </label>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
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

// Gives the focused code a digit shortcut (1–9) or takes its digit away ("Assign shortcut…" in
// the Code menu; in the codebook tree a digit key does the same). The digit stays with the code.
import { useState } from 'react';
import type { Code } from '../../../../shared/model/types';
import { SHORTCUT_DIGITS } from '../../../../shared/codebook/shortcuts';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { assignShortcut } from '../../db/operations/codes';

export interface ShortcutDialogProps {
  code: Code;
  /** The digit each code holds now (by code id), to say whose digit would move. */
  shortcuts: ReadonlyMap<string, number>;
  codesById: ReadonlyMap<string, Code>;
  onClose(): void;
}

export function ShortcutDialog({ code, shortcuts, codesById, onClose }: ShortcutDialogProps) {
  const [digit, setDigit] = useState<string>(String(shortcuts.get(code.id) ?? ''));
  const [error, setError] = useState<string | null>(null);
  const holderOf = (d: number): Code | undefined => {
    for (const [id, held] of shortcuts) if (held === d) return codesById.get(id);
    return undefined;
  };
  return (
    <Modal title={`Shortcut for “${code.name}”`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          assignShortcut(code.id, digit === '' ? null : Number(digit)).then(onClose, (e: unknown) => setError(errorMessage(e)));
        }}
      >
        <label className="field">
          <span>Key that applies the code</span>
          <select value={digit} onChange={(e) => setDigit(e.target.value)} autoFocus>
            <option value="">None</option>
            {SHORTCUT_DIGITS.map((d) => {
              const holder = holderOf(d);
              return (
                <option key={d} value={String(d)}>
                  {holder && holder.id !== code.id ? `${d} (now ${holder.name})` : String(d)}
                </option>
              );
            })}
          </select>
        </label>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Assign shortcut
          </button>
        </div>
      </form>
    </Modal>
  );
}

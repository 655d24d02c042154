// "Who is coding?": asked once per machine (browser profile or Electron user), before anything
// is coded, with the OS user's name suggested in Electron. The answer names every coding, memo
// and history step from then on; the status bar switches coder later.
import { useState } from 'react';
import { Modal } from '../common/Modal';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { checkCoderName } from './coderPreference';
import { answerWhoIsCoding, UNNAMED_CODER } from './coderSession';

export function WhoIsCodingDialog({ suggestion }: { suggestion: string }) {
  const [name, setName] = useState(suggestion);
  const [error, setError] = useState<string | null>(null);
  const submit = (value: string): void => {
    const checked = checkCoderName(value);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    answerWhoIsCoding(checked.name).catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <Modal
      title="Who is coding?"
      // The question needs an answer: Escape keeps the dialog. If the browser closes it anyway,
      // the suggested name stands (it can be changed from the status bar).
      onEscape={() => undefined}
      onClose={() => submit(name.trim() || suggestion.trim() || UNNAMED_CODER)}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(name);
        }}
      >
        <p>Your codings, memos and changes are recorded under this name, so a team can tell who coded what. You can switch coder later from the status bar.</p>
        <label className="field">
          <span>Your name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} autoComplete="name" />
        </label>
        <FormError error={error} />
        <div className="modal-actions">
          <button type="submit" className="primary">
            Start coding
          </button>
        </div>
      </form>
    </Modal>
  );
}

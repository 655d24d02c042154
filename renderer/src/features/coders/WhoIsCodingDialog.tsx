// "Who is coding?": asked once per machine (browser profile or Electron user), with the OS user's
// name suggested in Electron. The answer names every coding, memo and history step from then on;
// the status bar switches coder later.
//
// It is a non-modal question in the page's flow, under the top bar, not a modal: the first thing a
// new user does (open the sample, click a source, try a menu) must never be blocked, and it takes
// no focus, so keys typed at the document or the menus keep going there. Until it is answered,
// codings carry the suggested name (or "Coder"); the answer renames that record.
import { useId, useState } from 'react';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { checkCoderName } from './coderPreference';
import { answerWhoIsCoding } from './coderSession';

export function WhoIsCodingDialog({ suggestion }: { suggestion: string }) {
  const [name, setName] = useState(suggestion);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const submit = (value: string): void => {
    const checked = checkCoderName(value);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    answerWhoIsCoding(checked.name).catch((e: unknown) => setError(errorMessage(e)));
  };
  return (
    <section className="who-is-coding" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit(name);
        }}
      >
        <h2 id={titleId} className="who-is-coding-title">
          Who is coding?
        </h2>
        <p>Your codings, memos and changes are recorded under this name, so a team can tell who coded what. Switch coder later from the status bar.</p>
        <label className="who-is-coding-field">
          <span>Your name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="name" />
        </label>
        <button type="submit" className="primary">
          Start coding
        </button>
      </form>
      <FormError error={error} />
    </section>
  );
}

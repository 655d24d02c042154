// Picking a case type (of a case, or the type an attribute describes): the built-in types, the
// project's own, or a new one typed in. Saved when the choice changes or the field is left.
import { useId, useState } from 'react';
import { BUILT_IN_CASE_TYPES, caseTypeLabel } from '../../../../shared/model/caseTypes';

export interface CaseTypeFieldProps {
  label: string;
  value: string | undefined;
  /** Types in use in the project (caseTypesInUse), offered after the built-in ones. */
  inUse: readonly string[];
  /** What an empty field means: "Any type" for an attribute, "No type" for a case. */
  emptyLabel: string;
  onChange(type: string): void;
}

export function CaseTypeField({ label, value, inUse, emptyLabel, onChange }: CaseTypeFieldProps) {
  const listId = useId();
  const shown = value === undefined ? '' : caseTypeLabel(value);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = (typed: string): void => {
    setDraft(null);
    if (typed.trim() !== shown) onChange(typed);
  };
  const types = [...new Set([...BUILT_IN_CASE_TYPES, ...inUse])];
  return (
    <>
      <input
        className="case-type-field"
        aria-label={label}
        list={listId}
        placeholder={emptyLabel}
        value={draft ?? shown}
        onChange={(e) => {
          const typed = e.target.value;
          // A pick from the list is a whole type: save it at once; typing waits for Enter or leaving.
          if (types.some((t) => caseTypeLabel(t) === typed)) commit(typed);
          else setDraft(typed);
        }}
        onBlur={() => draft !== null && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft);
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <datalist id={listId}>
        {types.map((t) => (
          <option key={t} value={caseTypeLabel(t)} />
        ))}
      </datalist>
    </>
  );
}

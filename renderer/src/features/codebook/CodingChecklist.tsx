// A list of codings to choose from (split, copy): each its quote and source, with select all.
import type { Coding, Source } from '../../../../shared/model/types';
import { quoteLabel } from './quoteLabel';

export interface CodingChecklistProps {
  label: string;
  codings: readonly Coding[];
  sources: ReadonlyMap<string, Pick<Source, 'name' | 'order'>>;
  chosen: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>): void;
}

export function CodingChecklist({ label, codings, sources, chosen, onChange }: CodingChecklistProps) {
  const ordered = [...codings].sort(
    (a, b) => (sources.get(a.sourceId)?.order ?? 0) - (sources.get(b.sourceId)?.order ?? 0) || a.start - b.start,
  );
  const all = ordered.length > 0 && ordered.every((c) => chosen.has(c.id));
  return (
    <fieldset className="coding-checklist">
      <legend>
        {label} ({chosen.size} of {ordered.length})
      </legend>
      {ordered.length === 0 ? (
        <p className="empty">This code has no codings.</p>
      ) : (
        <>
          <label className="check-all">
            <input type="checkbox" checked={all} onChange={() => onChange(all ? new Set() : new Set(ordered.map((c) => c.id)))} />
            Select all
          </label>
          <ul>
            {ordered.map((coding) => (
              <li key={coding.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(coding.id)}
                    onChange={() => {
                      const next = new Set(chosen);
                      if (next.has(coding.id)) next.delete(coding.id);
                      else next.add(coding.id);
                      onChange(next);
                    }}
                  />
                  <span className="checklist-quote">{quoteLabel(coding.exact, 140)}</span>
                  <span className="checklist-source">{sources.get(coding.sourceId)?.name ?? 'unknown source'}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}

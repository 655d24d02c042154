// The query builder: what to look for (a kind of query in words), code A and code B (each with or
// without its subcodes), and the kind's unit or distance. Edits the draft in the query store.
import type { Code } from '../../../../shared/model/types';
import { selectDraft, useQueryStore, type QueryDraft, type QueryKind } from '../../stores/queryStore';
import { CodePicker } from '../retrieval/CodePicker';

/** The kinds in the words of the builder; A and B are the two codes below. */
export const KINDS: ReadonlyArray<{ kind: QueryKind; label: string }> = [
  { kind: 'and', label: 'A and B overlap (AND)' },
  { kind: 'or', label: 'A or B (OR)' },
  { kind: 'not', label: 'Coded A but not B (NOT)' },
  { kind: 'same', label: 'A and B in the same…' },
  { kind: 'near', label: 'B within N characters or paragraphs of A' },
  { kind: 'followedBy', label: 'A followed by B' },
];

interface QueryBuilderProps {
  entries: ReadonlyArray<{ code: Code; depth: number }>;
  onRun(): void;
  canRun: boolean;
}

function Operand({ side, entries }: { side: 'a' | 'b'; entries: QueryBuilderProps['entries'] }) {
  const draft = useQueryStore(selectDraft);
  const editDraft = useQueryStore((s) => s.editDraft);
  const operand = draft[side];
  const name = side === 'a' ? 'A' : 'B';
  return (
    <div className="query-operand">
      <CodePicker
        label={`Code ${name}`}
        entries={entries}
        value={operand?.codeId ?? null}
        placeholder={`Choose code ${name}…`}
        onChange={(codeId) => editDraft({ [side]: codeId ? { codeId, ...(operand?.includeSubcodes ? { includeSubcodes: true } : {}) } : null } as Partial<QueryDraft>)}
      />
      <label className="check">
        <input
          type="checkbox"
          aria-label={`Include the subcodes of ${name}`}
          checked={operand?.includeSubcodes === true}
          disabled={!operand}
          onChange={(e) => operand && editDraft({ [side]: { codeId: operand.codeId, ...(e.target.checked ? { includeSubcodes: true } : {}) } } as Partial<QueryDraft>)}
        />
        with subcodes
      </label>
    </div>
  );
}

export function QueryBuilder({ entries, onRun, canRun }: QueryBuilderProps) {
  const draft = useQueryStore(selectDraft);
  const editDraft = useQueryStore((s) => s.editDraft);
  const needsDistance = draft.kind === 'near' || draft.kind === 'followedBy';
  return (
    <form
      className="query-builder"
      aria-label="Query builder"
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      <div className="query-line">
        <span className="query-letter" aria-hidden="true">A</span>
        <Operand side="a" entries={entries} />
      </div>
      <div className="query-line">
        <label className="query-kind">
          <span className="visually-hidden">Find</span>
          <select aria-label="Find" value={draft.kind} onChange={(e) => editDraft({ kind: e.target.value as QueryKind })}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {draft.kind === 'same' && (
          <select aria-label="Same" value={draft.sameUnit} onChange={(e) => editDraft({ sameUnit: e.target.value as QueryDraft['sameUnit'] })}>
            <option value="case">case</option>
            <option value="paragraph">paragraph</option>
            <option value="segment">case segment</option>
          </select>
        )}
        {needsDistance && (
          <>
            {/* "B within N … of A" names N itself; "A followed by B" reads on: "within N …". */}
            <span>{draft.kind === 'near' ? 'N =' : 'within'}</span>
            <input
              type="number"
              className="query-distance"
              aria-label="Distance"
              min={0}
              step={1}
              value={Number.isFinite(draft.distance) ? draft.distance : ''}
              onChange={(e) => editDraft({ distance: e.target.value === '' ? NaN : Number(e.target.value) })}
            />
            <select aria-label="Distance unit" value={draft.proximityUnit} onChange={(e) => editDraft({ proximityUnit: e.target.value as QueryDraft['proximityUnit'] })}>
              <option value="characters">characters</option>
              <option value="paragraphs">paragraphs</option>
            </select>
          </>
        )}
      </div>
      <div className="query-line">
        <span className="query-letter" aria-hidden="true">B</span>
        <Operand side="b" entries={entries} />
        <button type="submit" className="primary" disabled={!canRun}>
          Run query
        </button>
      </div>
    </form>
  );
}

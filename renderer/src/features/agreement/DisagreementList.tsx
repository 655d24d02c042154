// Where the coders differ: each passage with every coder's codes side by side and the consensus
// coder's, a link that opens the passage in the document, and "Accept" for one coder's version
// or all of them (one undoable step each, db/operations/consensus.ts).
import { useRef, useState } from 'react';
import { useRovingFocus } from '../common/useRovingFocus';
import type { Code } from '../../../../shared/model/types';
import { CONSENSUS_NAME } from '../../../../shared/analysis/agreement/consensusCoder';
import type { ListedDisagreement } from '../../analysis/agreementOperations';
import { plural } from '../../../../shared/text/plural';

export interface DisagreementListProps {
  disagreements: readonly ListedDisagreement[];
  total: number;
  coders: ReadonlyArray<{ id: string; name: string }>;
  codesById: ReadonlyMap<string, Code>;
  /** Accepting is under way: the buttons wait. */
  busy: boolean;
  onOpen(passage: ListedDisagreement): void;
  onAccept(passage: ListedDisagreement, coders: ReadonlyArray<{ id: string; name: string }>): void;
}

function CodeChips({ codeIds, codesById, empty }: { codeIds: readonly string[]; codesById: ReadonlyMap<string, Code>; empty: string }) {
  if (codeIds.length === 0) return <span className="version-empty">{empty}</span>;
  return (
    <span className="version-codes">
      {codeIds.map((id) => {
        const code = codesById.get(id);
        return (
          <span key={id} className="version-code">
            <span className="code-swatch" style={{ background: code?.color ?? '#999' }} aria-hidden="true" />
            {code?.name ?? 'deleted code'}
          </span>
        );
      })}
    </span>
  );
}

/** Passages drawn at first, and added by each "Show more": a meeting reads them a few at a time. */
const PAGE = 50;

export function DisagreementList({ disagreements, total, coders, codesById, busy, onOpen, onAccept }: DisagreementListProps) {
  const [shown, setShown] = useState(PAGE);
  const nameOf = new Map(coders.map((c) => [c.id, c.name]));
  const everyone = coders.length === 2 ? 'Accept both' : 'Accept all';
  const listRef = useRef<HTMLUListElement>(null);
  // One Tab stop for the list (a passage's link); Up/Down cross passages, Left/Right reach its Accept buttons.
  const roving = useRovingFocus(listRef, 'li', '.disagreement-label');
  return (
    // A named group, not a region: a region's name "Disagreements" would also answer to a search for
    // the region "Agreement" (names match by substring), and the issue names that region.
    <section className="disagreements" role="group" aria-label="Disagreements">
      <h3>
        Disagreements <span className="analysis-count">{plural(total, 'passage')}</span>
      </h3>
      {total === 0 ? (
        <p className="empty">The coders agree on every unit of these codes.</p>
      ) : (
        <>
          <ul ref={listRef} className="disagreement-list" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
            {disagreements.slice(0, shown).map((d) => {
              const present = d.versions.filter((v) => !v.missing).map((v) => ({ id: v.coderId, name: nameOf.get(v.coderId) ?? v.coderId }));
              return (
                <li key={d.id} aria-label={d.label} className={d.consensusCodeIds.length > 0 ? 'disagreement decided' : 'disagreement'}>
                  <button type="button" className="link-button disagreement-label" onClick={() => onOpen(d)} title="Open in the document">
                    {d.label}
                  </button>
                  <div className="versions" style={{ gridTemplateColumns: `repeat(${d.versions.length + 1}, minmax(0, 1fr))` }}>
                    {d.versions.map((v) => (
                      <div key={v.coderId} className="version" role="group" aria-label={`${nameOf.get(v.coderId) ?? v.coderId}’s codes`}>
                        <span className="version-coder">{nameOf.get(v.coderId) ?? v.coderId}</span>
                        {v.missing ? (
                          <span className="version-empty">did not code this source</span>
                        ) : (
                          <CodeChips codeIds={v.codeIds} codesById={codesById} empty="no code" />
                        )}
                      </div>
                    ))}
                    <div className="version consensus" role="group" aria-label={`${CONSENSUS_NAME}’s codes`}>
                      <span className="version-coder">{CONSENSUS_NAME}</span>
                      <CodeChips codeIds={d.consensusCodeIds} codesById={codesById} empty="not decided" />
                    </div>
                  </div>
                  <div className="accept-buttons">
                    {present.map((c) => (
                      <button key={c.id} type="button" disabled={busy} aria-label={`Accept ${c.name}’s version`} onClick={() => onAccept(d, [c])}>
                        Accept {c.name}
                      </button>
                    ))}
                    {present.length > 1 && (
                      <button type="button" disabled={busy} aria-label={`${everyone} versions`} onClick={() => onAccept(d, present)}>
                        {everyone}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          {shown < disagreements.length && (
            <button type="button" className="show-more" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, disagreements.length - shown)} more
            </button>
          )}
          {shown >= disagreements.length && total > disagreements.length && (
            <p className="hint">The first {disagreements.length.toLocaleString('en')} are listed; choose fewer codes, sources or cases to see the others.</p>
          )}
        </>
      )}
    </section>
  );
}

// Shown on a click into coded text: every coding under the pointer, each removable.
import type { Code, Coding } from '../../../../shared/model/types';

export interface CodingsPopoverProps {
  codings: readonly Coding[];
  codesById: ReadonlyMap<string, Code>;
  anchor: { x: number; y: number };
  onRemove(codingId: string): void;
  onClose(): void;
}

export function CodingsPopover({ codings, codesById, anchor, onRemove, onClose }: CodingsPopoverProps) {
  return (
    <div
      className="codings-popover"
      role="dialog"
      aria-label="Codings here"
      style={{ left: Math.min(anchor.x, window.innerWidth - 340), top: Math.min(anchor.y + 10, window.innerHeight - 200) }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="popover-header">
        <strong>Codings here</strong>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul>
        {codings.map((coding) => {
          const code = codesById.get(coding.codeId);
          return (
            <li key={coding.id}>
              <span className="code-swatch" style={{ background: code?.color }} aria-hidden="true" />
              <span className="popover-code">{code?.name ?? 'Unknown code'}</span>
              <span className="popover-quote" title={coding.exact}>
                “{coding.exact.length > 60 ? `${coding.exact.slice(0, 60)}…` : coding.exact}” · {coding.coder}
              </span>
              <button type="button" aria-label={`Remove coding ${code?.name ?? ''}`.trim()} onClick={() => onRemove(coding.id)}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

// The find bar of the document view. The browser's own find cannot see paragraphs that are not
// rendered (the view is virtualised), so the app searches the stored text and scrolls to matches.
import { useEffect, useRef } from 'react';

export interface FindBarProps {
  query: string;
  total: number;
  current: number;
  capped: boolean;
  onQuery(query: string): void;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

export function FindBar({ query, total, current, capped, onQuery, onStep, onClose }: FindBarProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const status = query === '' ? '' : total === 0 ? 'No matches' : `${current + 1} of ${total}${capped ? '+' : ''}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={inputRef}
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <span className="find-status" role="status" aria-live="polite">
        {status}
      </span>
      <button type="button" aria-label="Previous match" onClick={() => onStep(-1)} disabled={total === 0}>
        ↑
      </button>
      <button type="button" aria-label="Next match" onClick={() => onStep(1)} disabled={total === 0}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}

// The preview of a split the user can correct before anything is stored: the cases it will
// make (rename one everywhere), and every segment in order with its label (relabel it), its
// first words, and its lines, any of which can start a new segment; a segment can also be
// joined to the one before or left out.
import { useMemo, useState } from 'react';
import { mergeWithPrevious, relabelSegment, removeSegment, renameLabel, startSegmentAtLine } from '../../../../shared/import/split/corrections';
import { suggestionToCases } from '../../../../shared/import/split/suggestionToCases';
import { splitLines, type SplitSuggestion, type TextRange } from '../../../../shared/import/split/types';

const PAGE = 200;
const EXCERPT = 120;

function excerpt(text: string, range: TextRange): string {
  const body = text.slice(range.start, Math.min(range.end, range.start + EXCERPT)).replace(/\s*\n\s*/g, ' ⏎ ');
  return range.end - range.start > EXCERPT ? `${body}…` : body;
}

function LineList({ text, range, suggestion, onChange }: { text: string; range: TextRange; suggestion: SplitSuggestion; onChange(next: SplitSuggestion): void }) {
  const lines = useMemo(() => splitLines(text).filter((l) => l.start >= range.start && l.end <= range.end && l.text.trim() !== ''), [text, range.start, range.end]);
  return (
    <ul className="segment-lines">
      {lines.map((line) => (
        <li key={line.start}>
          <button
            type="button"
            className="line-split"
            title="A new segment starts at this line (the line names who wrote it)"
            aria-label={`Start a new segment at “${line.text.trim().slice(0, 50)}”`}
            onClick={() => onChange(startSegmentAtLine(text, suggestion, line.start))}
          >
            ⤷
          </button>
          <span>{line.text}</span>
        </li>
      ))}
    </ul>
  );
}

export interface SegmentPreviewProps {
  text: string;
  suggestion: SplitSuggestion;
  /** The case the preface becomes, or null when it belongs to no case. */
  prefaceCaseName: string | null;
  /** Names of cases the project already has: segments with these labels join them. */
  existingNames: ReadonlySet<string>;
  onChange(next: SplitSuggestion): void;
}

export function SegmentPreview({ text, suggestion, prefaceCaseName, existingNames, onChange }: SegmentPreviewProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const groups = suggestionToCases(suggestion);
  const toggle = (start: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(start)) next.delete(start);
      else next.add(start);
      return next;
    });
  const preface = suggestion.preface;
  return (
    <div className="split-preview">
      <div className="split-cases">
        <table aria-label="Cases to create">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col" className="num">
                Segments
              </th>
            </tr>
          </thead>
          <tbody>
            {prefaceCaseName !== null && preface && (
              <tr aria-label={prefaceCaseName}>
                <td>
                  {prefaceCaseName} <span className="hint-inline">(text before the first segment)</span>
                </td>
                <td className="num">1</td>
              </tr>
            )}
            {groups.map((g) => (
              <tr key={g.name} aria-label={g.name}>
                <td>
                  <input
                    key={g.name}
                    aria-label={`Rename ${g.name} everywhere`}
                    defaultValue={g.name}
                    onBlur={(e) => {
                      const to = e.target.value.trim();
                      if (to !== '' && to !== g.name) onChange(renameLabel(suggestion, g.name, to));
                      else e.target.value = g.name;
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') e.currentTarget.blur();
                    }}
                  />
                  {existingNames.has(g.name) && <span className="hint-inline"> existing case</span>}
                </td>
                <td className="num">{g.segments.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="split-segments">
        {preface && (
          <div className="segment preface" role="group" aria-label="Text before the first segment">
            <div className="segment-head">
              <span className="segment-order">—</span>
              <span className="segment-label">{prefaceCaseName ?? 'No case'}</span>
              <span className="segment-excerpt">{excerpt(text, preface)}</span>
              <button type="button" aria-expanded={expanded.has(-1)} onClick={() => toggle(-1)}>
                Lines
              </button>
            </div>
            {expanded.has(-1) && <LineList text={text} range={preface} suggestion={suggestion} onChange={onChange} />}
          </div>
        )}
        {suggestion.segments.length === 0 && <p className="hint segment-none">No segments yet: choose how to split, or check the warnings above.</p>}
        <ol className="segment-list" aria-label="Segments">
          {suggestion.segments.slice(0, limit).map((segment, index) => (
            <li key={`${segment.start}-${segment.end}`} className="segment" aria-label={`Segment ${segment.order}: ${segment.label}`}>
              <div className="segment-head">
                <span className="segment-order">{segment.order}</span>
                <input
                  key={segment.label}
                  className="segment-label-input"
                  aria-label={`Who wrote segment ${segment.order}`}
                  defaultValue={segment.label}
                  onBlur={(e) => {
                    const to = e.target.value.trim();
                    if (to !== '' && to !== segment.label) onChange(relabelSegment(suggestion, index, to));
                    else e.target.value = segment.label;
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                  }}
                />
                {segment.timestamp && <span className="segment-time">{segment.timestamp}</span>}
                <span className="segment-excerpt">{excerpt(text, segment)}</span>
                <button type="button" aria-expanded={expanded.has(segment.start)} aria-label={`Lines of segment ${segment.order}`} onClick={() => toggle(segment.start)}>
                  Lines
                </button>
                <button
                  type="button"
                  aria-label={`Join segment ${segment.order} to the one before`}
                  title="Not a new segment: join it to the one before"
                  disabled={index === 0}
                  onClick={() => onChange(mergeWithPrevious(suggestion, index))}
                >
                  Join
                </button>
                <button type="button" aria-label={`Leave out segment ${segment.order}`} title="Leave this segment out of every case" onClick={() => onChange(removeSegment(suggestion, index))}>
                  Leave out
                </button>
              </div>
              {expanded.has(segment.start) && <LineList text={text} range={segment} suggestion={suggestion} onChange={onChange} />}
            </li>
          ))}
        </ol>
        {suggestion.segments.length > limit && (
          <button type="button" className="show-more" onClick={() => setLimit((n) => n + PAGE)}>
            Show {Math.min(PAGE, suggestion.segments.length - limit)} more of {suggestion.segments.length - limit} segments
          </button>
        )}
      </div>
    </div>
  );
}

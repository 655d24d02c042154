// The guided "Split into cases" step for an open source: choose how to split (speaker turns, a
// comment thread, or a pattern of one's own with a live preview of its matches), correct the
// suggested segments, and create the cases in one step that Undo (Ctrl+Z) takes back whole.
import { useMemo, useState } from 'react';
import type { Source } from '../../../../shared/model/types';
import type { SplitSuggestion } from '../../../../shared/import/split/types';
import { splitCommentThread } from '../../../../shared/import/split/commentThread';
import { findSpeakerLabels, splitSpeakerTurns } from '../../../../shared/import/split/speakerTurns';
import { suggestionToCases } from '../../../../shared/import/split/suggestionToCases';
import { commitSplit, SPEAKER_CODE_PARENTS, type SplitKind } from '../../db/operations/split';
import { selectCoder, useUiStore } from '../../stores/uiStore';
import { Modal } from '../common/Modal';
import { useCaseBook } from '../cases/useCaseBook';
import { SegmentPreview } from './SegmentPreview';
import { guessSplitKind } from './splitGuess';
import { useCustomPattern } from './useCustomPattern';
import './split.css';
import { FormError } from '../common/FormError';
import { errorMessage } from '../../../../shared/errors/errorMessage';
import { plural } from '../../../../shared/text/plural';

const KIND_NAMES: ReadonlyArray<[SplitKind, string]> = [
  ['speaker-turns', 'Speaker turns (I: / R: / Name:)'],
  ['comment-thread', 'Comment thread (article, then comments under names)'],
  ['custom-pattern', 'Custom pattern'],
];

const EMPTY: SplitSuggestion = { segments: [] };
const MATCHES_SHOWN = 40;

export interface SplitSourceDialogProps {
  projectId: string;
  source: Source;
  text: string;
  onClose(): void;
}

export function SplitSourceDialog({ projectId, source, text, onClose }: SplitSourceDialogProps) {
  const coder = useUiStore(selectCoder);
  const notify = useUiStore((s) => s.notify);
  const book = useCaseBook(projectId);
  const [kind, setKind] = useState<SplitKind>(() => guessSplitKind(text));
  const labels = useMemo(() => findSpeakerLabels(text), [text]);
  const [speakers, setSpeakers] = useState<ReadonlySet<string>>(() => new Set(labels.filter((l) => l.count >= 2).map((l) => l.label)));
  const [pattern, setPattern] = useState('');
  const [ignoreCase, setIgnoreCase] = useState(false);
  const flags = ignoreCase ? 'imu' : 'mu';
  const patternState = useCustomPattern(text, pattern, flags, kind === 'custom-pattern');
  const [prefaceAsCase, setPrefaceAsCase] = useState<boolean | null>(null);
  const [prefaceName, setPrefaceName] = useState<string | null>(null);
  const [autoCode, setAutoCode] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The suggestion before corrections, recomputed when the way of splitting changes.
  const base = useMemo<SplitSuggestion>(() => {
    if (kind === 'speaker-turns') return speakers.size === 0 ? { segments: [], warnings: ['Tick at least one speaker.'] } : splitSpeakerTurns(text, { speakers: [...speakers] });
    if (kind === 'comment-thread') return splitCommentThread(text);
    if (patternState.status === 'done' && patternState.result.ok && patternState.pattern === pattern && patternState.flags === flags) return patternState.result.suggestion;
    return EMPTY;
  }, [kind, speakers, text, patternState, pattern, flags]);
  // Corrections are kept against the base they were made on: a new base starts them afresh.
  const [corrections, setCorrections] = useState<{ base: SplitSuggestion; steps: SplitSuggestion[] }>({ base, steps: [] });
  const steps = corrections.base === base ? corrections.steps : [];
  const suggestion = steps[steps.length - 1] ?? base;
  const correct = (next: SplitSuggestion) => setCorrections({ base, steps: [...steps, next] });

  const usePreface = prefaceAsCase ?? kind === 'comment-thread';
  const defaultPrefaceName = kind === 'comment-thread' ? 'Article' : 'Introduction';
  const prefaceCaseName = usePreface && suggestion.preface ? (prefaceName ?? defaultPrefaceName).trim() || defaultPrefaceName : null;
  const existingNames = useMemo(() => new Set((book?.cases ?? []).map((c) => c.name)), [book]);
  const caseCount = suggestionToCases(suggestion).length + (prefaceCaseName !== null ? 1 : 0);
  const who = kind === 'comment-thread' ? 'commenter' : kind === 'speaker-turns' ? 'speaker' : 'label';

  const create = (): void => {
    setSaving(true);
    setError(null);
    commitSplit(source.id, suggestion, { kind, coder, autoCode, ...(prefaceCaseName !== null ? { prefaceCaseName } : {}) }).then(
      (summary) => {
        notify(
          'info',
          `Split “${source.name}” into ${plural(summary.caseCount, 'case')} (${plural(summary.segmentCount, 'segment')}).`,
          { undoable: true },
        );
        onClose();
      },
      (e: unknown) => {
        setSaving(false);
        setError(errorMessage(e));
      },
    );
  };

  const matches = patternState.status === 'done' && patternState.result.ok ? patternState.result.matches : [];
  const patternProblem = patternState.status === 'done' && !patternState.result.ok ? patternState.result.reason : null;
  const warnings = suggestion.warnings ?? [];

  return (
    <Modal title="Split into cases" size="wide" onClose={() => (saving ? undefined : onClose())}>
      <div className="split-dialog">
        <p className="hint split-intro">
          “{source.name}” stays as it is; each segment becomes part of a case named after its {who}. Check the segments below and correct them before creating the cases.
        </p>
        <fieldset className="split-kind">
          <legend>Split by</legend>
          {KIND_NAMES.map(([k, label]) => (
            <label key={k}>
              <input type="radio" name="split-kind" checked={kind === k} onChange={() => setKind(k)} />
              {label}
            </label>
          ))}
        </fieldset>
        {kind === 'speaker-turns' && (
          <fieldset className="split-speakers">
            <legend>Speakers</legend>
            {labels.length === 0 && <span className="hint">No line starts with a label such as “I:” or “Name:”.</span>}
            {labels.map((l) => (
              <label key={l.label}>
                <input
                  type="checkbox"
                  checked={speakers.has(l.label)}
                  onChange={() =>
                    setSpeakers((prev) => {
                      const next = new Set(prev);
                      if (next.has(l.label)) next.delete(l.label);
                      else next.add(l.label);
                      return next;
                    })
                  }
                />
                {l.label} <span className="hint-inline">({l.count})</span>
              </label>
            ))}
          </fieldset>
        )}
        {kind === 'custom-pattern' && (
          <div className="split-pattern">
            <label className="pattern-field">
              <span>Pattern (a regular expression; each match starts a segment, its first group names the case)</span>
              <input
                aria-label="Pattern"
                className="pattern-input"
                value={pattern}
                spellCheck={false}
                placeholder="^(\w[\w .]*?):"
                onChange={(e) => setPattern(e.target.value)}
              />
            </label>
            <label className="pattern-flag">
              <input type="checkbox" checked={ignoreCase} onChange={(e) => setIgnoreCase(e.target.checked)} />
              Ignore case
            </label>
            <p className="pattern-status" role="status">
              {pattern === ''
                ? 'Type a pattern to see its matches.'
                : patternState.status === 'running'
                  ? 'Trying the pattern…'
                  : patternProblem
                    ? patternProblem
                    : `${matches.length.toLocaleString('en')} match${matches.length === 1 ? '' : 'es'}${patternState.status === 'done' && patternState.result.ok && patternState.result.truncated ? ' (stopped at the limit)' : ''}.`}
            </p>
            {matches.length > 0 && (
              <ol className="pattern-matches" aria-label="Matches">
                {matches.slice(0, MATCHES_SHOWN).map((m) => (
                  <li key={m.start}>
                    <code>{m.text.replace(/\n/g, '⏎')}</code> → {m.label || '(no name)'}
                  </li>
                ))}
                {matches.length > MATCHES_SHOWN && <li className="hint-inline">…and {matches.length - MATCHES_SHOWN} more</li>}
              </ol>
            )}
          </div>
        )}
        {suggestion.preface && (
          <div className="split-preface-option">
            <label>
              <input type="checkbox" checked={usePreface} onChange={(e) => setPrefaceAsCase(e.target.checked)} />
              The text before the first segment becomes a case named
            </label>
            <input aria-label="Name of the case for the text before the first segment" value={prefaceName ?? defaultPrefaceName} disabled={!usePreface} onChange={(e) => setPrefaceName(e.target.value)} />
          </div>
        )}
        {warnings.length > 0 && (
          <ul className="split-warnings" aria-label="Check these">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <SegmentPreview text={text} suggestion={suggestion} prefaceCaseName={prefaceCaseName} existingNames={existingNames} onChange={correct} />
        <FormError error={error} />
        <div className="modal-actions split-actions">
          <label className="split-autocode">
            <input type="checkbox" checked={autoCode} onChange={(e) => setAutoCode(e.target.checked)} />
            Code each segment with a code per {who} (under “{SPEAKER_CODE_PARENTS[kind]}”)
          </label>
          <span className="split-summary">
            {plural(caseCount, 'case')}, {plural(suggestion.segments.length, 'segment')}
          </span>
          <button type="button" disabled={steps.length === 0 || saving} onClick={() => setCorrections({ base, steps: steps.slice(0, -1) })}>
            Undo correction
          </button>
          <button type="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={saving || suggestion.segments.length === 0} onClick={create}>
            Create cases
          </button>
        </div>
      </div>
    </Modal>
  );
}

// A code's definition as coders read it: what it means, when to use it and when not, and a typical
// example. The codebook shows it for the selected code; the code menu on hover.
import type { Code } from '../../../../shared/model/types';
import { quoteLabel } from './quoteLabel';

export interface CodeExample {
  text: string;
  sourceName: string;
}

export interface CodeDefinitionProps {
  code: Code;
  example: CodeExample | null;
  /** Shorter quotes and no memo (the code menu's hover card). */
  compact?: boolean;
  /** Offered beside the example when given: scroll the document to it. */
  onShowExample?(): void;
}

/** Whether the code has anything for a definition to show. */
export function hasDefinition(code: Code): boolean {
  return [code.description, code.inclusion, code.exclusion, code.memo].some((text) => (text ?? '').trim() !== '') || !!code.exampleCodingId;
}

export function CodeDefinition({ code, example, compact = false, onShowExample }: CodeDefinitionProps) {
  const parts: Array<[string, string]> = [
    ['Definition', code.description],
    ['Use when', code.inclusion ?? ''],
    ['Do not use when', code.exclusion ?? ''],
  ];
  if (!compact) parts.push(['Memo', code.memo ?? '']);
  const shown = parts.filter(([, text]) => text.trim() !== '');
  if (shown.length === 0 && !example) return <p className="definition-empty">No definition yet.</p>;
  return (
    <dl className={compact ? 'definition compact' : 'definition'}>
      {shown.map(([label, text]) => (
        <div key={label} className="definition-part">
          <dt>{label}</dt>
          <dd>{text}</dd>
        </div>
      ))}
      {example && (
        <div className="definition-part">
          <dt>Typical example</dt>
          <dd>
            <blockquote>{quoteLabel(example.text, compact ? 140 : 400)}</blockquote>
            <span className="definition-source">
              {example.sourceName}
              {onShowExample && (
                <>
                  {' · '}
                  <button type="button" className="link-button" onClick={onShowExample}>
                    Show in document
                  </button>
                </>
              )}
            </span>
          </dd>
        </div>
      )}
    </dl>
  );
}

// Draws a memo's Markdown as React elements. Nothing the user typed becomes HTML: text stays
// text. Only https links are links (opened in the system browser on a click, see linkClicks.ts);
// http and mailto addresses are shown as text beside their label. A long memo is read again only
// once typing pauses, so a keystroke never waits for the whole text to be read.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { isExternalLink } from '../../../../shared/links/externalLink';
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from '../../../../shared/memos/markdown';
import { getHost } from '../../host';
import { openClickedLink } from './linkClicks';

function plainText(nodes: readonly MarkdownInline[]): string {
  return nodes.map((node) => ('text' in node ? node.text : 'children' in node ? plainText(node.children) : '')).join('');
}

function inlines(nodes: readonly MarkdownInline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={i}>{inlines(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(node.children)}</em>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'link':
        if (isExternalLink(node.href)) {
          return (
            <a key={i} href={node.href} target="_blank" rel="noreferrer noopener" title={node.href}>
              {inlines(node.children)}
            </a>
          );
        }
        return (
          <span key={i} className="link-as-text">
            {inlines(node.children)}
            {plainText(node.children) === node.href ? null : ` (${node.href})`}
          </span>
        );
      case 'break':
        return <br key={i} />;
    }
  });
}

function block(node: MarkdownBlock, i: number): ReactNode {
  switch (node.kind) {
    case 'heading': {
      const Tag = `h${Math.min(6, node.level + 2)}` as 'h3'; // below the panel's own headings
      return <Tag key={i}>{inlines(node.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={i}>{inlines(node.children)}</p>;
    case 'list': {
      const items = node.items.map((item, j) => <li key={j}>{inlines(item)}</li>);
      return node.ordered ? (
        <ol key={i} start={node.start}>
          {items}
        </ol>
      ) : (
        <ul key={i}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={i}>{node.children.map(block)}</blockquote>;
    case 'code':
      return (
        <pre key={i}>
          <code>{node.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={i} />;
  }
}

/** From this length on, the preview follows the text after a pause rather than on every key. */
export const SETTLE_FROM_CHARS = 20_000;
export const SETTLE_MS = 300;

/** The text as it was when typing last paused (short text: as it is now). */
function useSettledSource(source: string): string {
  const [settled, setSettled] = useState(source);
  useEffect(() => {
    if (source.length < SETTLE_FROM_CHARS) return;
    const timer = setTimeout(() => setSettled(source), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [source]);
  return source.length < SETTLE_FROM_CHARS ? source : settled;
}

export function MarkdownView({ source, className }: { source: string; className?: string }) {
  const shown = useSettledSource(source);
  const blocks = useMemo(() => parseMarkdown(shown), [shown]);
  return (
    // The click handler only intercepts clicks on links; keyboard users reach links by Tab and
    // Enter, which fires the same click.
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      onClick={(event) => openClickedLink(event, (request) => getHost().openExternalLink(request))}
    >
      {blocks.map(block)}
    </div>
  );
}

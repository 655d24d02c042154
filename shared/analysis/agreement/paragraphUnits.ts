// Paragraphs as units of agreement: the lines of a source's text, the way the document view
// shows them (`shared/text/paragraphs`), each trimmed of surrounding whitespace; blank lines are no
// unit (nobody can code an empty line, so counting them would inflate agreement on "not coded").
import { splitParagraphs } from '../../text/paragraphs';
import { trimWhitespace, type TextSpan } from './textSpan';

export function segmentParagraphs(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const p of splitParagraphs(text)) {
    const span = trimWhitespace(text, p.start, p.start + p.text.length);
    if (span.end > span.start) out.push(span);
  }
  return out;
}

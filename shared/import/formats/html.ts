// Web pages (.html, .htm): the readable text only. The charset comes from a BOM or the page's
// own <meta> declaration when present (as browsers do), else from detection; the user can
// still override it in the dialog.
import { decodeWithEncoding, detectEncoding, isSelectableEncoding, sniffBom } from '../encoding';
import { MAX_FILE_BYTES } from '../limits';
import { fail, type ParseResult } from '../result';
import { htmlToReadableText } from './htmlText';
import { checkLooksLikeText, replacementWarning } from './text';

export interface HtmlParseOptions {
  /** WHATWG label chosen by the user; otherwise BOM, then <meta charset>, then detection. */
  encoding?: string;
}

/**
 * The charset a page declares in its first 1024 bytes (the HTML standard's prescan, simplified):
 * `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`.
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps one character per byte, so ASCII markup reads correctly whatever follows.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!match) return null;
  let label: string;
  try {
    label = new TextDecoder(match[1]!).encoding;
  } catch {
    return null;
  }
  // A page that claims UTF-16 in ASCII-compatible bytes is really UTF-8 (HTML standard).
  if (label.startsWith('utf-16')) return 'utf-8';
  return isSelectableEncoding(label) ? label : null;
}

export function parseHtml(bytes: Uint8Array, options: HtmlParseOptions = {}): ParseResult {
  const refused = checkLooksLikeText(bytes, 'HTML', MAX_FILE_BYTES.html);
  if (refused) return refused;
  const label = options.encoding ?? sniffBom(bytes)?.label ?? sniffHtmlCharset(bytes) ?? detectEncoding(bytes).label;
  const decoded = decodeWithEncoding(bytes, label);
  if (!decoded.ok) return decoded;
  let text: string;
  try {
    text = htmlToReadableText(decoded.text);
  } catch {
    // html-to-text recurses per nesting level; absurdly deep markup can exhaust the stack.
    return fail('This page could not be read: its markup is too deeply nested.');
  }
  if (text === '') return fail('This page has no readable text (only scripts, styles, navigation or images).');
  return {
    ok: true,
    text,
    encoding: decoded.name,
    encodingLabel: label,
    ...(decoded.replacedSequences > 0 ? { warnings: [replacementWarning(decoded.replacedSequences, decoded.name)] } : {}),
  };
}

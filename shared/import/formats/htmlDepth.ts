// Bounds how deeply HTML nests before any parser sees it. htmlparser2 (under html-to-text) takes
// time that grows with the square of the nesting: a 1 MB page of unclosed <div>s took 31 s, and
// stray closing tags cost as much. One linear pass keeps at most MAX_HTML_DEPTH open elements:
// tags deeper than that are dropped (their text stays, which is all a source keeps), and closing
// tags that close nothing open are dropped, as a browser ignores them.

/** Deeper than any page a person reads: real pages rarely pass 30 levels, generated ones 100. */
export const MAX_HTML_DEPTH = 200;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen']);
/** Content up to the matching end tag is text, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Opening one of these closes an open element of the same kind (an unclosed <li>, <p>, <td>…). */
const SELF_CLOSING_SIBLINGS: Readonly<Record<string, readonly string[]>> = {
  li: ['li'],
  p: ['p'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
};
/** Block elements that close an open <p>, as browsers do. */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'div', 'dl', 'fieldset', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul']);

const TAG_NAME = /[A-Za-z][A-Za-z0-9:-]*/y;

/** Where the tag that starts at `from` (just after its name) ends: after its `>`, quotes respected. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return html.length;
}

/** The HTML with nesting bounded to `maxDepth`; unchanged when it never goes deeper. */
export function boundHtmlDepth(html: string, maxDepth: number = MAX_HTML_DEPTH): string {
  const out: string[] = [];
  const stack: string[] = [];
  const dropped = new Map<string, number>();
  let copied = 0;
  let changed = false;
  const drop = (from: number, to: number) => {
    out.push(html.slice(copied, from));
    copied = to;
    changed = true;
  };
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    let next = i + 1;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      next = end === -1 ? html.length : end + 3;
    } else if (html[i + 1] === '!' || html[i + 1] === '?') {
      next = tagEnd(html, i + 2);
    } else if (html[i + 1] === '/') {
      TAG_NAME.lastIndex = i + 2;
      const match = TAG_NAME.exec(html);
      if (match) {
        const name = match[0].toLowerCase();
        next = tagEnd(html, TAG_NAME.lastIndex);
        const deeper = dropped.get(name) ?? 0;
        const at = stack.lastIndexOf(name);
        if (deeper > 0) {
          dropped.set(name, deeper - 1);
          drop(i, next);
        } else if (at === -1) {
          drop(i, next); // closes nothing that is open
        } else {
          stack.length = at;
        }
      }
    } else {
      TAG_NAME.lastIndex = i + 1;
      const match = TAG_NAME.exec(html);
      if (match) {
        const name = match[0].toLowerCase();
        next = tagEnd(html, TAG_NAME.lastIndex);
        const selfClosed = html[next - 2] === '/';
        const siblings = SELF_CLOSING_SIBLINGS[name];
        if (siblings && siblings.includes(stack[stack.length - 1] ?? '')) stack.pop();
        if (CLOSES_P.has(name) && stack[stack.length - 1] === 'p') stack.pop();
        if (RAW_TEXT.has(name) && !selfClosed) {
          // Copy through to the end tag: what is inside is not markup.
          const close = new RegExp(`</${name}[\\s/>]`, 'ig');
          close.lastIndex = next;
          const found = close.exec(html);
          next = found ? tagEnd(html, found.index + 2) : html.length;
        } else if (!VOID.has(name) && !selfClosed) {
          if (stack.length >= maxDepth) {
            dropped.set(name, (dropped.get(name) ?? 0) + 1);
            drop(i, next);
          } else {
            stack.push(name);
          }
        }
      }
    }
    i = html.indexOf('<', next);
  }
  if (!changed) return html;
  out.push(html.slice(copied));
  return out.join('');
}

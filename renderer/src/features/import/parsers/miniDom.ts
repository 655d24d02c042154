// The few DOM calls rtf.js makes, for a worker that has no DOM: it builds paragraphs from
// `document.createElement` ('div', 'span', 'a', 'img'), `append`, `childNodes`, `textContent`
// and inline `style` properties, and we read them back as `outerHTML`. Enough to run rtf.js off
// the page thread, where a slow or hostile document can be stopped; nothing here is a browser.

const VOID_TAGS = new Set(['img', 'br', 'hr']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

export class MiniText {
  constructor(public data: string) {}
  get outerHTML(): string {
    return escapeText(this.data);
  }
}

export class MiniElement {
  readonly tagName: string;
  /** rtf.js assigns inline styles one property at a time; they do not matter for text. */
  readonly style: Record<string, string> = {};
  private nodes: Array<MiniElement | MiniText> = [];
  href = '';
  src = '';

  constructor(tag: string) {
    this.tagName = tag.toLowerCase();
  }

  get childNodes(): ReadonlyArray<MiniElement | MiniText> {
    return this.nodes;
  }

  append(...nodes: Array<MiniElement | MiniText | string>): void {
    for (const node of nodes) {
      const child = typeof node === 'string' ? new MiniText(node) : node;
      // Moving a node (as rtf.js does with Array.from(childNodes)) takes it from its old parent.
      if (child instanceof MiniElement) {
        child.parent?.remove(child);
        child.parent = this;
      }
      this.nodes.push(child);
    }
  }

  parent: MiniElement | null = null;

  private remove(child: MiniElement): void {
    const at = this.nodes.indexOf(child);
    if (at !== -1) this.nodes.splice(at, 1);
  }

  get textContent(): string {
    return this.nodes.map((n) => (n instanceof MiniText ? n.data : n.textContent)).join('');
  }

  set textContent(text: string) {
    this.nodes = text === '' ? [] : [new MiniText(text)];
  }

  get outerHTML(): string {
    const href = this.tagName === 'a' && this.href !== '' ? ` href="${escapeAttribute(this.href)}"` : '';
    if (VOID_TAGS.has(this.tagName)) return `<${this.tagName}>`;
    // Recursive: rtf.js nests elements only for fields (links) inside a paragraph, never deeply.
    return `<${this.tagName}${href}>${this.nodes.map((n) => n.outerHTML).join('')}</${this.tagName}>`;
  }
}

/** Installs `document` (and `window`) on a worker's global scope, unless a real DOM is there. */
export function installMiniDom(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  if (scope['document'] !== undefined) return;
  scope['document'] = {
    createElement: (tag: string) => new MiniElement(tag),
    body: { clientWidth: 800 },
  };
  if (scope['window'] === undefined) scope['window'] = scope;
}

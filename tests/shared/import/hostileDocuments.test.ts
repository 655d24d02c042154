// Hostile documents through the function the import worker runs (runParseRequest): each ends
// in a reason or a warning the dialog shows, within bounded memory.
import { describe, expect, it } from 'vitest';
import { runParseRequest } from '../../../shared/import/parseRequest';
import { MAX_REPEAT_COUNT, MAX_SOURCE_CHARS } from '../../../shared/import/limits';
import { odfContentToText, TextTooLongError } from '../../../shared/import/formats/odtText';
import { buildOdt } from './builders';
import { boundHtmlDepth } from '../../../shared/import/formats/htmlDepth';
import { deeplyNestedHtml, odtRepeatedSpaces } from './hostileBuilders';

describe('an .odt asking for 500 million spaces', () => {
  it('is read with the run cut to the cap, and the dialog is told', async () => {
    const response = await runParseRequest({ format: 'odt', bytes: odtRepeatedSpaces(500_000_000) });
    expect(response.kind).toBe('document');
    if (response.kind !== 'document' || !response.result.ok) throw new Error('expected text');
    expect(response.result.text).toBe(`Before${' '.repeat(MAX_REPEAT_COUNT)}after`);
    expect(response.result.warnings).toEqual([expect.stringMatching(/run of 500,000,000 spaces.*shortened to 1,000/)]);
  });

  it('whose runs add up past the most one source can hold is refused, by counting', { timeout: 20_000 }, async () => {
    // 70,000 runs of 1,000 spaces: 70 million characters from a 1.6 MB file (stored, or the zip
    // guard would refuse its compression ratio first).
    const runs = '<text:s text:c="1000"/>'.repeat(70_000);
    const response = await runParseRequest({ format: 'odt', bytes: buildOdt(`<text:p>x${runs}</text:p>`, { stored: true }) });
    expect(response).toEqual({ kind: 'document', result: { ok: false, reason: expect.stringMatching(/more than 60,000,000 characters/) } });
  });

  it('counts as it builds: past the budget it stops without making the text', () => {
    const xml = `<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>${'<text:s text:c="1000"/>'.repeat(20)}</text:p></office:text></office:body></office:document-content>`;
    expect(() => odfContentToText(xml, undefined, 5_000)).toThrow(TextTooLongError);
    expect(odfContentToText(xml, undefined, 50_000).text).toBe('');
    expect(MAX_SOURCE_CHARS).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });
});

describe('deeply nested HTML', () => {
  const bytes = (html: string) => new TextEncoder().encode(html);

  it('1 MB of unclosed <div>s reads as its sentence (it once took 31 s, then failed)', { timeout: 20_000 }, async () => {
    const response = await runParseRequest({ format: 'html', bytes: bytes(deeplyNestedHtml(200_000)) });
    expect(response).toEqual({ kind: 'document', result: expect.objectContaining({ ok: true, text: 'The sentence at the bottom.' }) });
  });

  it('100,000 stray closing tags are ignored, as a browser ignores them', { timeout: 20_000 }, async () => {
    const html = `<p>${'<span>'.repeat(50_000)}Kept.${'</b>'.repeat(100_000)}</p>`;
    const response = await runParseRequest({ format: 'html', bytes: bytes(html) });
    expect(response).toEqual({ kind: 'document', result: expect.objectContaining({ ok: true, text: 'Kept.' }) });
  });
});

describe('boundHtmlDepth', () => {
  const depthOf = (html: string): number => {
    let depth = 0;
    let deepest = 0;
    for (const tag of html.match(/<\/?[a-z]+/g) ?? []) {
      depth += tag.startsWith('</') ? -1 : 1;
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };

  it('leaves ordinary HTML exactly as it was', () => {
    const html = '<!doctype html><html><body><p>One<br>two</p><ul><li>a<li>b</ul><script>if (a<b) x("<div>")</script><!-- <div> --></body></html>';
    expect(boundHtmlDepth(html)).toBe(html);
  });

  it('drops tags deeper than the bound and their closing tags, keeping every word', () => {
    const html = `<body>${'<div>'.repeat(10)}deep${'</div>'.repeat(10)} after</body>`;
    const bounded = boundHtmlDepth(html, 4);
    expect(depthOf(bounded)).toBe(4);
    expect(bounded.replace(/<[^>]+>/g, '')).toBe('deep after');
    expect(bounded.endsWith(' after</body>')).toBe(true);
  });

  it('counts unclosed list items and paragraphs as siblings, not nesting', () => {
    const html = `<ul>${'<li>item'.repeat(1000)}</ul>${'<p>para'.repeat(1000)}`;
    expect(boundHtmlDepth(html, 5)).toBe(html);
  });

  it('does not read markup inside attributes, comments or scripts', () => {
    const html = `<a title="<div><div><div>">x</a><!--${'<div>'.repeat(10)}--><style>${'<div>'.repeat(10)}</style>`;
    expect(boundHtmlDepth(html, 2)).toBe(html);
  });
});

// Hostile documents through the function the import worker runs (runParseRequest): each ends
// in a reason or a warning the dialog shows, within bounded memory.
import { describe, expect, it } from 'vitest';
import { runParseRequest } from '../../../shared/import/parseRequest';
import { MAX_REPEAT_COUNT, MAX_SOURCE_CHARS } from '../../../shared/import/limits';
import { odfContentToText, TextTooLongError } from '../../../shared/import/formats/odtText';
import { buildOdt } from './builders';
import { odtRepeatedSpaces } from './hostileBuilders';

describe('an .odt asking for 500 million spaces', () => {
  it('is read with the run cut to the cap, and the dialog is told', async () => {
    const response = await runParseRequest({ format: 'odt', bytes: odtRepeatedSpaces(500_000_000) });
    expect(response.kind).toBe('document');
    if (response.kind !== 'document' || !response.result.ok) throw new Error('expected text');
    expect(response.result.text).toBe(`Before${' '.repeat(MAX_REPEAT_COUNT)}after`);
    expect(response.result.warnings).toEqual([expect.stringMatching(/run of 500,000,000 spaces.*shortened to 1,000/)]);
  });

  it('whose runs add up past the most one source can hold is refused, by counting', async () => {
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

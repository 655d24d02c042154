// A codebook of 50,000 codes (a 3 MB .qdc) is planned in linear time: the preview once took
// over three minutes on it, the window frozen, because each new code's colour counted every
// colour handed out before it.
import { describe, expect, it } from 'vitest';
import { readCodebookFileResult } from '../../../shared/codebook/readCodebookFile';
import { planRefiCodebookImport } from '../../../shared/refi/qdcCandidates';
import { CODE_PALETTE } from '../../../shared/codebook/palette';
import { guid, qdcXml } from '../import/hostileBuilders';

describe('planning a very large codebook', { timeout: 30_000 }, () => {
  it('plans 50,000 codes, colours spread evenly over the palette', () => {
    const xml = qdcXml(Array.from({ length: 50_000 }, (_, i) => `<Code guid="${guid(i + 1)}" name="c${i}" isCodable="true"/>`).join(''));
    const read = readCodebookFileResult('big.qdc', new TextEncoder().encode(xml));
    if (!read.ok || read.file.kind !== 'refi') throw new Error('expected a codebook');
    const plan = planRefiCodebookImport(read.file.codebook, []);
    expect(plan.summary).toEqual({ create: 50_000, match: 0, skip: 0 });
    const counts = new Map<string, number>();
    for (const row of plan.rows) counts.set(row.definition.color, (counts.get(row.definition.color) ?? 0) + 1);
    expect(counts.size).toBe(CODE_PALETTE.length);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });
});

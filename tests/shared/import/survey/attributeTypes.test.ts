import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCategories, inferAttributeType, toAttributeValue } from '../../../../shared/import/survey/attributeTypes';

describe('inferAttributeType', () => {
  it('infers numbers, but keeps codes with leading zeros as text', () => {
    expect(inferAttributeType(['34', '61.5', '', '-2', '1e3'])).toEqual({ type: 'number' });
    expect(inferAttributeType(['007', '012', '345'])).toMatchObject({ type: expect.not.stringMatching('number') });
  });

  it('infers yes/no answers as boolean', () => {
    expect(inferAttributeType(['Yes', 'no', 'YES', ''])).toEqual({ type: 'boolean' });
    expect(inferAttributeType(['TRUE', 'FALSE'])).toEqual({ type: 'boolean' });
  });

  it('infers ISO dates, rejecting impossible ones', () => {
    expect(inferAttributeType(['2025-05-12', '2024-02-29', '2025-01-01T09:30'])).toEqual({ type: 'date' });
    expect(inferAttributeType(['2025-02-30', '2025-05-12'])).not.toEqual({ type: 'date' });
  });

  it('infers categories from repeated values, sorted naturally', () => {
    expect(inferAttributeType(['18-29', '50-64', '30-49', '65+', '30-49', '18-29'])).toEqual({ type: 'category', categories: ['18-29', '30-49', '50-64', '65+'] });
  });

  it('leaves free text and blank columns as text', () => {
    expect(inferAttributeType(['I think so', 'Not really', 'Perhaps, if the price is right'])).toEqual({ type: 'text' });
    expect(inferAttributeType(['', ' '])).toEqual({ type: 'text' });
  });

  it('orders categories naturally', () => {
    expect(['Item 10', 'Item 2', 'item 1'].sort(compareCategories)).toEqual(['item 1', 'Item 2', 'Item 10']);
  });
});

describe('toAttributeValue', () => {
  it('converts to the type, blanks to null, and refuses what does not fit', () => {
    expect(toAttributeValue(' 42 ', 'number')).toEqual({ ok: true, value: 42 });
    expect(toAttributeValue('007', 'number')).toEqual({ ok: true, value: 7 });
    expect(toAttributeValue('n/a', 'number')).toEqual({ ok: false });
    expect(toAttributeValue('', 'number')).toEqual({ ok: true, value: null });
    expect(toAttributeValue('No', 'boolean')).toEqual({ ok: true, value: false });
    expect(toAttributeValue('2025/5/2', 'date')).toEqual({ ok: true, value: '2025-05-02' });
    expect(toAttributeValue('Kanto', 'category')).toEqual({ ok: true, value: 'Kanto' });
  });

  it('converts every value of an inferred column (property)', () => {
    const column = fc.oneof(
      fc.array(fc.integer({ min: -1e6, max: 1e6 }).map(String)),
      fc.array(fc.constantFrom('yes', 'no', 'Yes', 'NO', '')),
      fc.array(fc.string({ maxLength: 8 })),
    );
    fc.assert(
      fc.property(column, (values) => {
        const { type } = inferAttributeType(values);
        for (const v of values) expect(toAttributeValue(v, type).ok).toBe(true);
      }),
    );
  });
});

// The per-record checks a big project file runs 100,000 times (a GUID in canonical form, a time
// the schema accepts) are written by hand for speed: they must agree with the patterns they replace.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCanonicalGuid, normaliseGuid } from '../../../shared/refi/guid';
import { xsdDateTime } from '../../../shared/refi/qdeFromSnapshot';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

describe('canonical GUIDs', () => {
  it('accepts exactly lower-case, brace-free GUIDs', () => {
    expect(isCanonicalGuid('a1b2c3d4-0000-4000-8000-000000000001')).toBe(true);
    for (const raw of ['A1B2C3D4-0000-4000-8000-000000000001', '{a1b2c3d4-0000-4000-8000-000000000001}', 'a1b2c3d4-0000-4000-8000-00000000000', 'a1b2c3d4x0000-4000-8000-000000000001', 'g1b2c3d4-0000-4000-8000-000000000001', '']) {
      expect(isCanonicalGuid(raw)).toBe(false);
    }
  });

  it('agrees with the regular expression on any string, and on GUIDs in any form', () => {
    const guidish = fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.uuid().map((u) => `{${u}}`), fc.string({ minLength: 30, maxLength: 40 }));
    fc.assert(
      fc.property(guidish, (raw) => {
        expect(isCanonicalGuid(raw)).toBe(CANONICAL.test(raw));
        if (isCanonicalGuid(raw)) expect(normaliseGuid(raw)).toBe(raw);
      }),
    );
  });
});

describe('xsd:dateTime', () => {
  it('keeps toISOString times and every other form the schema accepts, and drops the rest', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(xsdDateTime(iso)).toBe(iso);
      }),
    );
    for (const ok of ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.5+02:00', '2025-01-01T00:00:00']) expect(xsdDateTime(ok)).toBe(ok);
    for (const bad of ['2025-01-01', '2025-01-01T00:00:00.000X', '2025-1-01T00:00:00.000Z', 'yesterday', '2025-01-01T0a:00:00.000Z']) {
      expect(xsdDateTime(bad)).toBe(DATE_TIME.test(bad) ? bad : undefined);
      expect(xsdDateTime(bad)).toBeUndefined();
    }
  });
});

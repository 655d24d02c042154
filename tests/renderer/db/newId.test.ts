// Ids of new records: version 4 UUIDs as crypto.randomUUID() writes them (lower case, hyphens in
// place, the version and variant bits set), never the same twice, across many refills of the batch.
import { describe, expect, it } from 'vitest';
import { newId } from '../../../renderer/src/db/operations/now';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('gives distinct version 4 UUIDs, batch after batch', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const id = newId();
      expect(id).toMatch(UUID_V4);
      ids.add(id);
    }
    expect(ids.size).toBe(5_000);
  });

  it('spreads its random digits over every hexadecimal value', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) for (const c of newId().replace(/-/g, '')) seen.add(c);
    expect(seen.size).toBe(16);
  });
});

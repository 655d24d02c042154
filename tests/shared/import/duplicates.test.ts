// A file imported twice is recognised by its name or by its text, whichever matches, and the
// warning names the source it duplicates.
import { describe, expect, it } from 'vitest';
import { contentHash, describeDuplicate, findDuplicate, sourcesToCompare } from '../../../shared/import/duplicates';

const interview = { id: 's1', name: 'Interview 3.txt', length: 12, text: 'Hello there.' };
const notes = { id: 's2', name: 'notes.txt', length: 5, text: 'Notes' };

describe('duplicate imports', () => {
  it('fingerprints texts so that different texts differ', () => {
    expect(contentHash('Hello there.')).toBe(contentHash('Hello there.'));
    expect(contentHash('Hello there.')).not.toBe(contentHash('Hello there!'));
    expect(contentHash('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('reads only sources that could match: the same length or the same name', () => {
    expect(sourcesToCompare('other.txt', 12, [interview, notes]).map((s) => s.id)).toEqual(['s1']);
    expect(sourcesToCompare('NOTES.TXT', 99, [interview, notes]).map((s) => s.id)).toEqual(['s2']);
    expect(sourcesToCompare('new.txt', 99, [interview, notes])).toEqual([]);
  });

  it('finds the same file again, the same text under another name, and the same name with other text', () => {
    expect(findDuplicate('Interview 3.txt', 'Hello there.', [interview, notes])).toEqual({ sourceId: 's1', sourceName: 'Interview 3.txt', kind: 'name-and-text' });
    expect(findDuplicate('copy.txt', 'Hello there.', [interview, notes])?.kind).toBe('text');
    expect(findDuplicate('interview 3.txt', 'Something else', [interview, notes])?.kind).toBe('name');
    expect(findDuplicate('new.txt', 'Hello there!', [interview, notes])).toBeNull();
  });

  it('prefers the closest match when several sources match', () => {
    const sameNameOnly = { id: 's3', name: 'copy.txt', length: 4, text: 'Else' };
    expect(findDuplicate('copy.txt', 'Hello there.', [sameNameOnly, interview])).toMatchObject({ sourceId: 's1', kind: 'text' });
  });

  it('says which source it duplicates, and how', () => {
    expect(describeDuplicate({ sourceId: 's1', sourceName: 'Interview 3.txt', kind: 'text' })).toBe('The same text is already in the project, as “Interview 3.txt”.');
  });
});

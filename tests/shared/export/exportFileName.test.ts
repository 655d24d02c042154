// Export file names come from project names, which come from users and imported files: whatever a
// name holds, the suggested file name must pass main's save-file validator, or the export fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../shared/export/exportFileName';
import { requestSchemas } from '../../../shared/ipc/requestSchemas';

const validName = (name: string) => requestSchemas.saveFile.shape.suggestedName.safeParse(name).success;

/** Names built from the pieces that break file names, mixed with arbitrary text. */
const hostileName = fc
  .array(
    fc.oneof(
      fc.constantFrom('/', '\\', '..', '.', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u0007', '\u001f', '\u007f', '\t', '\n', ' ', '\u202e', '\u2066', '\u200f', '\ud83d', '\ude00', '😀', '👩‍🔬', 'CON', 'é'),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ maxLength: 120 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// Every suffix and extension the exports use (codebook, segments, co-occurrence, memos).
const suffix = fc.constantFrom('codebook', 'coded segments', 'code co-occurrence', 'memos');
const extension = fc.constantFrom('csv', 'qdc', 'xlsx', 'html', 'md');

describe('exportFileName', () => {
  it('always gives a name the save-file validator accepts, well-formed and with the right extension', () => {
    fc.assert(
      fc.property(hostileName, suffix, extension, (project, sfx, ext) => {
        const name = exportFileName(project, sfx, ext);
        expect(validName(name), JSON.stringify(name)).toBe(true);
        expect(name.endsWith(` - ${sfx}.${ext}`)).toBe(true);
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('also holds for a code name folded into the project name (coded segments of one code)', () => {
    fc.assert(
      fc.property(hostileName, hostileName, (project, code) => {
        expect(validName(exportFileName(`${project} - ${code}`, 'coded segments'))).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keeps a plain name as it is and names an unnamed project', () => {
    expect(exportFileName('Interviews 2024', 'codebook', 'qdc')).toBe('Interviews 2024 - codebook.qdc');
    expect(exportFileName('Café / Ärzte: Runde 2', 'memos', 'md')).toBe('Café Ärzte Runde 2 - memos.md');
    expect(exportFileName('../../..', 'codebook')).toBe('.. .. .. - codebook.csv');
    expect(exportFileName(' \u0000 /\\ ', 'codebook')).toBe('project - codebook.csv');
  });

  it('never cuts an emoji in half when shortening a long name', () => {
    const name = exportFileName(`${'a'.repeat(79)}😀😀`, 'memos', 'md');
    expect(name).toBe(`${'a'.repeat(79)}😀 - memos.md`);
  });
});

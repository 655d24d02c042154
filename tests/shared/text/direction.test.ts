// Paragraph direction by the letters it is written in: an Arabic or Hebrew answer after a Latin
// speaker label still reads right to left; English with a Hebrew word stays left to right.
import { describe, expect, it } from 'vitest';
import { paragraphDirection } from '../../../shared/text/direction';

describe('paragraphDirection', () => {
  it('reads Arabic and Hebrew right to left, also after a Latin speaker label', () => {
    expect(paragraphDirection('في المكتبة، لأن غرفة الحاسوب هادئة.')).toBe('rtl');
    expect(paragraphDirection('R: في المكتبة، لأن غرفة الحاسوب هادئة.')).toBe('rtl');
    expect(paragraphDirection('R2: הילדים לומדים בספרייה.')).toBe('rtl');
  });

  it('keeps mostly Latin text left to right, and text without letters too', () => {
    expect(paragraphDirection('She said שלום to everyone in the room.')).toBe('ltr');
    expect(paragraphDirection('12:30 — …')).toBe('ltr');
    expect(paragraphDirection('')).toBe('ltr');
  });
});

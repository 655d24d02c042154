// The benchmark's codebook: ten top-level codes with four subcodes each (50 codes in all, so a
// "code with subcodes" retrieval covers five codes), every one codable, coloured from the palette.
import type { Code } from '../../shared/model/types';
import { CODE_PALETTE } from '../../shared/codebook/palette';
import type { Random } from './random';

const THEMES = ['Access', 'Safety', 'Cost', 'Time', 'Community', 'Health', 'Work', 'Family', 'Trust', 'Change'];
const ASPECTS = ['barriers', 'experiences', 'suggestions', 'emotions'];

export function generateCodebook(random: Random, projectId: string, count: number, createdAt: string): Code[] {
  const codes: Code[] = [];
  const perGroup = ASPECTS.length + 1;
  for (let g = 0; codes.length < count; g++) {
    const theme = THEMES[g % THEMES.length]! + (g >= THEMES.length ? ` ${Math.floor(g / THEMES.length) + 1}` : '');
    const parent: Code = {
      id: random.uuid(),
      projectId,
      parentId: null,
      name: theme,
      description: `Everything about ${theme.toLowerCase()}.`,
      color: CODE_PALETTE[g % CODE_PALETTE.length]!,
      order: g + 1,
      createdAt,
    };
    codes.push(parent);
    for (let a = 0; a < perGroup - 1 && codes.length < count; a++) {
      codes.push({
        id: random.uuid(),
        projectId,
        parentId: parent.id,
        name: `${theme}: ${ASPECTS[a]}`,
        description: '',
        color: CODE_PALETTE[(g + a + 1) % CODE_PALETTE.length]!,
        order: a + 1,
        createdAt,
      });
    }
  }
  return codes;
}

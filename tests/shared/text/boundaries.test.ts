import { describe, expect, it } from 'vitest';
import { moveBoundary } from '../../../shared/text/boundaries';

const text = 'The ferry left. It came back 😟 late! Nobody waited.';

describe('moving a coding edge by a unit', () => {
  it('moves by a whole character, never half an emoji', () => {
    const emoji = text.indexOf('😟');
    expect(moveBoundary(text, emoji, 'character', 1, 'end')).toBe(emoji + 2);
    expect(moveBoundary(text, emoji + 2, 'character', -1, 'end')).toBe(emoji);
  });

  it('moves an end to the end of the next or previous word, and a start to a word start', () => {
    const ferry = text.indexOf('ferry');
    expect(moveBoundary(text, ferry + 5, 'word', 1, 'end')).toBe(text.indexOf('left') + 4);
    expect(moveBoundary(text, ferry + 5, 'word', -1, 'end')).toBe(3);
    expect(moveBoundary(text, ferry, 'word', -1, 'start')).toBe(0);
    expect(moveBoundary(text, ferry, 'word', 1, 'start')).toBe(text.indexOf('left'));
  });

  it('moves by sentences without taking the space after one', () => {
    expect(moveBoundary(text, 4, 'sentence', 1, 'end')).toBe(text.indexOf('.') + 1);
    expect(moveBoundary(text, text.indexOf('.') + 1, 'sentence', 1, 'end')).toBe(text.indexOf('!') + 1);
    expect(moveBoundary(text, text.indexOf('late'), 'sentence', -1, 'start')).toBe(text.indexOf('It'));
  });

  it('stays put at the ends of the text', () => {
    expect(moveBoundary(text, text.length, 'word', 1, 'end')).toBe(text.length);
    expect(moveBoundary(text, 0, 'character', -1, 'start')).toBe(0);
  });
});

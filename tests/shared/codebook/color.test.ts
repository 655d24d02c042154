import { describe, expect, it } from 'vitest';
import { normaliseColor } from '../../../shared/codebook/color';

describe('normaliseColor', () => {
  it.each([
    ['#ABC', '#aabbcc'],
    ['#abcd', '#aabbcc'],
    ['#A1B2C3', '#a1b2c3'],
    ['#A1B2C3FF', '#a1b2c3'],
    [' #a1b2c3 ', '#a1b2c3'],
    ['rgb(240, 0, 130)', '#f00082'],
    ['RGBA(255,0,0,0.5)', '#ff0000'],
    ['rgb(255 128 0 / 50%)', '#ff8000'],
    ['rgb(100%, 0%, 50%)', '#ff0080'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normaliseColor(raw)).toBe(expected);
  });

  it.each(['', 'blue', '#12', '#12345', '#ggg', 'rgb(256, 0, 0)', 'rgb(1, 2)', 'hsl(0, 100%, 50%)'])('rejects %j', (raw) => {
    expect(normaliseColor(raw)).toBe(null);
  });
});

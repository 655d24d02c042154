// What every split suggestion must satisfy, whatever the text: checked by the property tests.
import { expect } from 'vitest';
import type { SplitSuggestion } from '../../../../shared/import/split/types';
import { splitsSurrogatePair } from '../../../../shared/text/offsets';

export function expectWellFormed(text: string, suggestion: SplitSuggestion): void {
  let previousEnd = suggestion.preface ? suggestion.preface.end : 0;
  if (suggestion.preface) {
    expect(suggestion.preface.start).toBeGreaterThanOrEqual(0);
    expect(suggestion.preface.end).toBeGreaterThan(suggestion.preface.start);
  }
  suggestion.segments.forEach((segment, i) => {
    expect(segment.order).toBe(i + 1);
    expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
    expect(segment.end).toBeGreaterThanOrEqual(segment.start);
    expect(segment.end).toBeLessThanOrEqual(text.length);
    expect(splitsSurrogatePair(text, segment.start)).toBe(false);
    expect(splitsSurrogatePair(text, segment.end)).toBe(false);
    expect(segment.label).toBe(segment.label.trim());
    if (segment.marker) {
      expect(segment.marker.end).toBeLessThanOrEqual(segment.start);
      expect(segment.marker.start).toBeGreaterThanOrEqual(previousEnd);
    }
    previousEnd = segment.end;
  });
}

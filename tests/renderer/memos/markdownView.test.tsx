// The memo preview keeps up with typing: short text is drawn as it is typed, a long memo is read
// again only once typing pauses, so each keystroke does not wait for the whole memo to be read.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownView, SETTLE_FROM_CHARS, SETTLE_MS } from '../../../renderer/src/features/memos/MarkdownView';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('MarkdownView', () => {
  it('draws short text at once', () => {
    const { rerender } = render(<MarkdownView source="**first**" />);
    expect(screen.getByText('first').tagName).toBe('STRONG');
    rerender(<MarkdownView source="**second**" />);
    expect(screen.getByText('second').tagName).toBe('STRONG');
  });

  it('draws a long memo again only after typing pauses', () => {
    vi.useFakeTimers();
    const long = `${'word '.repeat(SETTLE_FROM_CHARS / 5)}\n\n`;
    const { rerender, container } = render(<MarkdownView source={`${long}**before**`} />);
    expect(screen.getByText('before').tagName).toBe('STRONG');
    rerender(<MarkdownView source={`${long}**after**`} />);
    // Still the last reading while keys are being pressed…
    expect(container.textContent).toContain('before');
    act(() => {
      vi.advanceTimersByTime(SETTLE_MS);
    });
    // …and the new text once they stop.
    expect(screen.getByText('after').tagName).toBe('STRONG');
  });

  it('shows a pasted 150,000-character run of unmatched asterisks as text', () => {
    const text = '*a '.repeat(50_000);
    const { container } = render(<MarkdownView source={text} />);
    expect(container.textContent).toBe(text.trim());
  });
});

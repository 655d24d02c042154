// Links in a memo: https links open in the system browser through the host, on a click only;
// http and mailto addresses are shown as text; the app's page itself never navigates.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MarkdownView } from '../../../renderer/src/features/memos/MarkdownView';
import { createBrowserHost } from '../../../renderer/src/host/browserHost';
import { replaceHost } from '../../../renderer/src/host';

function withHost() {
  const openExternalLink = vi.fn(async () => ({ opened: true as const }));
  replaceHost({ ...createBrowserHost(), kind: 'electron', openExternalLink });
  return openExternalLink;
}

const memo = [
  'See [the paper](https://doi.org/10.1000/182) and [old site](http://example.org/page).',
  '',
  'Write to [Ada](mailto:ada@example.org) or <https://example.org>.',
].join('\n');

describe('links in a memo', () => {
  it('asks the host to open an https link when the user clicks it, and keeps the page where it is', () => {
    const openExternalLink = withHost();
    render(<MarkdownView source={memo} />);
    const link = screen.getByRole('link', { name: 'the paper' });
    const notCancelled = fireEvent.click(link);
    expect(notCancelled).toBe(false); // default navigation prevented
    expect(openExternalLink).toHaveBeenCalledWith({ url: 'https://doi.org/10.1000/182' });
  });

  it('opens nothing until a link is clicked', () => {
    const openExternalLink = withHost();
    render(<MarkdownView source={memo} />);
    fireEvent.click(screen.getByText(/See/));
    expect(openExternalLink).not.toHaveBeenCalled();
  });

  it('shows http and mailto addresses as text, not as links', () => {
    withHost();
    render(<MarkdownView source={memo} />);
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://doi.org/10.1000/182']);
    expect(screen.getByText(/old site \(http:\/\/example\.org\/page\)/)).toBeInTheDocument();
    expect(screen.getByText(/Ada \(mailto:ada@example\.org\)/)).toBeInTheDocument();
  });
});

describe('the browser host', () => {
  it('opens https links in a new tab without an opener, and refuses the rest', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const host = createBrowserHost();
    await expect(host.openExternalLink({ url: 'https://example.org/' })).resolves.toEqual({ opened: true });
    expect(open).toHaveBeenCalledWith('https://example.org/', '_blank', 'noopener,noreferrer');
    await expect(host.openExternalLink({ url: 'javascript:alert(1)' })).resolves.toMatchObject({ opened: false });
    expect(open).toHaveBeenCalledOnce();
    open.mockRestore();
  });
});

import { describe, expect, it } from 'vitest';
import { isExternalLink } from '../../../shared/links/externalLink';

describe('isExternalLink', () => {
  it('accepts https URLs with a host', () => {
    expect(isExternalLink('https://example.org')).toBe(true);
    expect(isExternalLink('HTTPS://EXAMPLE.ORG/path?q=1#x')).toBe(true);
  });

  it('refuses every other scheme, hostless or credentialled URLs, and garbage', () => {
    for (const url of ['http://example.org', 'mailto:a@b.org', 'file:///tmp/x', 'app://marginalia/', 'javascript:alert(1)', 'https', 'https://u:p@example.org', '', `https://e.org/${'x'.repeat(2100)}`]) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});

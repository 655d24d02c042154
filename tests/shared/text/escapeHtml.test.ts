import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../shared/text/escapeHtml';

describe('escapeHtml', () => {
  it('leaves no markup and no way out of a quoted attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

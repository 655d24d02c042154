import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../electron/main/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  const policy = directives(buildContentSecurityPolicy());

  it('runs only the app’s own scripts', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('embeds, frames and redirects nothing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('allows what the app itself uses: inline styles, data and blob images, blob workers', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('never allows eval or remote scripts', () => {
    const text = buildContentSecurityPolicy();
    expect(text).not.toContain('unsafe-eval');
    expect(text).not.toMatch(/https?:/);
  });

  it('admits the dev server’s inline preamble and HMR socket only in development', () => {
    const dev = directives(buildContentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toContain('ws://localhost:5173');
    expect(policy.get('connect-src')).not.toContain('ws://localhost:5173');
  });
});

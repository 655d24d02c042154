import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { secureSession } from '../../../electron/main/session';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type CheckHandler = (contents: unknown, permission: string) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

function fakeSession() {
  const captured: { request?: RequestHandler; check?: CheckHandler; headers?: HeadersListener } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (captured.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (captured.check = handler),
    webRequest: { onHeadersReceived: (listener: HeadersListener) => (captured.headers = listener) },
  };
  secureSession(session as unknown as Session, "script-src 'self'");
  return captured;
}

describe('secureSession', () => {
  it('denies permission requests', () => {
    const { request } = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'usb']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers permission checks with no, except writing to the clipboard', () => {
    const { check } = fakeSession();
    expect(check!({}, 'media')).toBe(false);
    expect(check!({}, 'clipboard-read')).toBe(false);
    expect(check!({}, 'clipboard-sanitized-write')).toBe(true);
  });

  it('adds the CSP header to every response and keeps the other headers', () => {
    const { headers } = fakeSession();
    const callback = vi.fn();
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["script-src 'self'"] },
    });
  });
});

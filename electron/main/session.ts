// Session-wide protections: every response carries the app's CSP, and pages get no device or
// system permissions (camera, notifications, geolocation…) a qualitative-coding tool never needs.
import type { Session } from 'electron';

/** Copying quotes to the clipboard is part of the work; every other permission is refused. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

export function secureSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

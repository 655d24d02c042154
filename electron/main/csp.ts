// The Content Security Policy main sends with every response (the app:// protocol handler adds it
// to the app's own files, the session's header hook to everything else): only the app's own
// scripts run, nothing is framed, embedded or posted anywhere. renderer/index.html carries the
// same policy in a <meta> tag (minus frame-ancestors, which only a header can set) for the browser
// build, which has no main process: keep the two in step.

export interface CspOptions {
  /** While developing, Vite's inline React Refresh preamble and HMR websocket must be allowed. */
  devServerUrl?: string | undefined;
}

export function buildContentSecurityPolicy({ devServerUrl }: CspOptions = {}): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // React and the UI libraries set inline style attributes; styles cannot run code.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', dev ? ["'self'", 'data:', 'blob:', `ws://${dev.host}`] : ["'self'", 'data:', 'blob:']],
    // Parsers (pdf.js) run in workers, some created from blob: URLs.
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

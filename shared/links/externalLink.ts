// Which links may leave the app for the system browser: https only (the Electron security
// checklist). http would send a reader's click in clear text; mailto:, file: and custom schemes
// hand the URL to another program. Main enforces this; the renderer uses it to draw the rest as text.

const MAX_LINK_LENGTH = 2048;

export function isExternalLink(url: string): boolean {
  if (url.length > MAX_LINK_LENGTH) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

// Opens links in the system browser only when the user asked: the link must be https, and a real
// click or key press must have reached that page just before. Page script alone (window.open, a
// scripted click, an IPC call from a compromised page) cannot send the user anywhere, because
// Electron reports only input that came from the operating system through `input-event`.
import type { InputEvent, WebContents } from 'electron';
import type { OpenExternalLinkResult } from '../../shared/ipc/contract';
import { isExternalLink } from '../../shared/links/externalLink';

/** Long enough for a click's IPC round trip on a busy machine, far too short to reuse an old one. */
export const GESTURE_WINDOW_MS = 1500;

// Input a person makes on purpose (a click, a tap, Enter on a focused link); mouse moves, wheel
// and typed characters are not. Any key press counts because Electron does not name the key here.
const GESTURE_TYPES: ReadonlySet<string> = new Set(['mouseDown', 'mouseUp', 'rawKeyDown', 'keyDown', 'gestureTap']);

export interface ExternalLinkGateDeps {
  openExternal: (url: string) => Promise<void>;
  now?: () => number;
}

export interface ExternalLinkGate {
  /** Starts watching a page's input events; call once per WebContents. */
  track(contents: Pick<WebContents, 'on'>): void;
  /** Opens `url` if it is https and `contents` saw a gesture just now; one gesture opens one link. */
  open(contents: object, url: string): OpenExternalLinkResult;
}

export function createExternalLinkGate({ openExternal, now = Date.now }: ExternalLinkGateDeps): ExternalLinkGate {
  const lastGesture = new WeakMap<object, number>();
  return {
    track(contents) {
      contents.on('input-event', (_event: unknown, input: InputEvent) => {
        if (GESTURE_TYPES.has(input.type)) lastGesture.set(contents, now());
      });
    },
    open(contents, url) {
      if (!isExternalLink(url)) return { opened: false, reason: 'Only https links open in the browser.' };
      const at = lastGesture.get(contents);
      if (at === undefined || now() - at > GESTURE_WINDOW_MS) {
        return { opened: false, reason: 'Links open only when you click them.' };
      }
      lastGesture.delete(contents);
      openExternal(url).catch((error: unknown) => console.error('Could not open link in browser', error));
      return { opened: true };
    },
  };
}

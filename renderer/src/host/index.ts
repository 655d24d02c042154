// Picks the host the renderer runs in, once.
import { createBrowserHost } from './browserHost';
import { createElectronHost, findElectronApi } from './electronHost';
import type { Host } from './host';

let host: Host | undefined;

export function getHost(): Host {
  if (!host) {
    const api = findElectronApi();
    host = api ? createElectronHost(api) : createBrowserHost();
  }
  return host;
}

/** For tests: run the UI against a fake host. */
export function replaceHost(next: Host): void {
  host = next;
}

// A page holding the real browser host (OPFS backups and all) for the end-to-end test: the app
// has no "Restore from backup" screen yet, so the test drives the host through this page.
import { createBrowserHost } from '../../../renderer/src/host/browserHost';

(window as unknown as { marginaliaHost: unknown }).marginaliaHost = createBrowserHost();
document.title = 'ready';

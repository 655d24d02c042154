// What the renderer needs from the machine it runs on. Two implementations: Electron (the preload's
// IPC functions and events) and a plain browser (file inputs, downloads, OPFS backups). Features
// only see this type.
import type { PreloadApi } from '../../../shared/ipc/contract';

export interface Host extends PreloadApi {
  readonly kind: 'electron' | 'browser';
}

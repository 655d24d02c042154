// What the renderer needs from the machine it runs on. Two implementations: Electron (the preload's
// IPC functions) and a plain browser (file inputs and downloads). Features only see this type.
import type { MainApi, MainEvents } from '../../../shared/ipc/contract';

export interface Host extends MainApi, MainEvents {
  readonly kind: 'electron' | 'browser';
}

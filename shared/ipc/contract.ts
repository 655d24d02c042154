// The one contract between the renderer and the Electron main process: every method the preload
// exposes, with its request and response types. Main registers a handler per method through one
// typed helper and validates each request with `requestSchemas`; the preload builds
// `window.marginalia` from `channels`, so nothing else can cross the boundary.

/** A file the user picked to import, read by the host. `bytes` is absent when it was refused. */
export interface PickedFile {
  name: string;
  byteSize: number;
  bytes?: Uint8Array;
  /** Why the host refused to read it (too large, unreadable), in words for the user. */
  error?: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenSourceFilesRequest {
  /** File name extensions offered in the dialog, without dots. */
  extensions: string[];
}

export interface SaveFileRequest {
  suggestedName: string;
  /** Text is written as UTF-8 exactly as given (callers add a BOM where they want one). */
  content: string | Uint8Array;
  filters: FileFilter[];
}

export type SaveFileResult = { saved: true; fileName: string } | { saved: false };

export interface OpenExternalLinkRequest {
  /** An https URL the user clicked (see shared/links/externalLink). */
  url: string;
}

/** Refused when the link is not https or no click or key press came just before the request. */
export type OpenExternalLinkResult = { opened: true } | { opened: false; reason: string };

export interface AppInfo {
  version: string;
  /** The operating-system user, offered as the default coder name. */
  userName: string;
  platform: string;
}

export interface MainApi {
  openSourceFiles(request: OpenSourceFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  getAppInfo(): Promise<AppInfo>;
  /** Opens a link in the system browser: main honours it only right after a real user input. */
  openExternalLink(request: OpenExternalLinkRequest): Promise<OpenExternalLinkResult>;
}

export type MainMethod = keyof MainApi;
export type RequestOf<M extends MainMethod> = Parameters<MainApi[M]>[0];
export type ResponseOf<M extends MainMethod> = Awaited<ReturnType<MainApi[M]>>;

/** IPC channel names, one per method. */
export const channels = {
  openSourceFiles: 'marginalia:open-source-files',
  saveFile: 'marginalia:save-file',
  getAppInfo: 'marginalia:get-app-info',
  openExternalLink: 'marginalia:open-external-link',
} as const satisfies Record<MainMethod, string>;

export const mainMethods = Object.keys(channels) as MainMethod[];

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'marginalia';

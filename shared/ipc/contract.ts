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

/** The menus of the application menu, in order (the macOS app menu is main's own). */
export const MENU_NAMES = ['File', 'Edit', 'View', 'Code', 'Analyse', 'Help'] as const;
export type MenuName = (typeof MENU_NAMES)[number];

/** One command as the native menu shows it: plain data, so it can cross to main. */
export interface MenuCommandDescriptor {
  id: string;
  label: string;
  menu: MenuName;
  group: string;
  enabled: boolean;
  /** For a toggle (View → Show other coders): whether it is on. Absent for plain commands. */
  checked?: boolean;
  /** An Electron accelerator, shown beside the item; the renderer handles the key itself. */
  accelerator?: string;
}

export interface SetMenuCommandsRequest {
  commands: MenuCommandDescriptor[];
}

/** The largest project file main writes, reads or keeps as a backup (the big bench project is ~100 MB). */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024 * 1024;

/** How much a project holds, shown next to a backup so the user can tell backups apart. */
export interface ProjectCounts {
  sources: number;
  codes: number;
  codings: number;
  memos: number;
  cases: number;
}

export interface SaveProjectFileRequest {
  projectId: string;
  /** The whole `.qdpx` file. */
  bytes: Uint8Array;
  /** Ask where to save even when the project already has a file ("Save project as"). */
  saveAs: boolean;
  /** A bare file name offered in the dialog, e.g. `Interviews.qdpx`. */
  suggestedName: string;
}

export type SaveProjectFileResult = { saved: true; fileName: string } | { saved: false };

/** A project file main read for the renderer (from the Open dialog, a double-click or argv). */
export interface OpenedProjectFile {
  status: 'opened';
  name: string;
  bytes: Uint8Array;
  /**
   * Stands for the file's path, which the renderer never sees: pass it to `linkProjectFile` once
   * the file became a project, so "Save project" writes back to the same file.
   */
  fileToken: string;
  /** The project this file was last saved from, when main remembers one. */
  knownProjectId?: string;
}

export type OpenProjectFileResult =
  | OpenedProjectFile
  | { status: 'canceled' }
  /** The file was not read; `error` says why, in words for the user. */
  | { status: 'refused'; name: string; error: string };

/**
 * Why the project-file dialog is shown, which its title says: "Open project" (open as a project
 * of its own) or "Merge project" (bring it into the open project). Absent means open.
 */
export type ProjectFilePurpose = 'open' | 'merge';

export interface OpenProjectFileRequest {
  purpose: ProjectFilePurpose;
}

export interface LinkProjectFileRequest {
  projectId: string;
  fileToken: string;
}

export interface ProjectRef {
  projectId: string;
}

export interface WriteBackupRequest {
  projectId: string;
  projectName: string;
  /** Changes whenever the project changes (its updatedAt, or the history's last seq). */
  changeStamp: string;
  bytes: Uint8Array;
  counts: ProjectCounts;
}

export interface BackupInfo {
  id: string;
  projectId: string;
  projectName: string;
  /** ISO 8601. */
  createdAt: string;
  byteSize: number;
  changeStamp: string;
  counts: ProjectCounts;
}

/** `unchanged`: the last backup of this project has the same change stamp, so none was written. */
export type WriteBackupResult = { written: true; backup: BackupInfo } | { written: false; reason: 'unchanged' };

export interface ReadBackupRequest {
  id: string;
}

export interface BackupFile {
  /** A file name for the backup, e.g. `Interviews 2026-12-02 0315.qdpx`. */
  name: string;
  bytes: Uint8Array;
}

/** Main asks the renderer for snapshots of its changed projects: every few minutes, and on quit. */
export interface BackupRequest {
  requestId: string;
  reason: 'interval' | 'quit';
}

export interface BackupRequestDone {
  requestId: string;
}

export interface ShowProjectRequest {
  /** The project this window now shows, or null for none. */
  projectId: string | null;
}

/** `shownElsewhere`: another window already shows the project; main focused it instead. */
export interface ShowProjectResult {
  shownElsewhere: boolean;
}

export interface MainApi {
  openSourceFiles(request: OpenSourceFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  getAppInfo(): Promise<AppInfo>;
  /** Writes the project's `.qdpx`: to its remembered file, or where the user chooses. */
  saveProjectFile(request: SaveProjectFileRequest): Promise<SaveProjectFileResult>;
  /** Shows the Open (or Merge) dialog and reads the chosen `.qdpx`. */
  openProjectFile(request?: OpenProjectFileRequest): Promise<OpenProjectFileResult>;
  /** Remembers that the file behind `fileToken` now belongs to `projectId`. */
  linkProjectFile(request: LinkProjectFileRequest): Promise<void>;
  /** The name of the file "Save project" writes to, or null when the project has none yet. */
  getProjectFileName(request: ProjectRef): Promise<string | null>;
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  /** Every backup kept, newest first. */
  listBackups(): Promise<BackupInfo[]>;
  readBackup(request: ReadBackupRequest): Promise<BackupFile>;
  /** The renderer finished answering a `BackupRequest` (backups written, skipped or failed). */
  completeBackupRequest(request: BackupRequestDone): Promise<void>;
  /** Tells main which project this window shows, so each project stays in one window. */
  showProject(request: ShowProjectRequest): Promise<ShowProjectResult>;
  /** Opens a link in the system browser: main honours it only right after a real user input. */
  openExternalLink(request: OpenExternalLinkRequest): Promise<OpenExternalLinkResult>;
  /** Rebuilds the native application menu from the renderer's command registry. */
  setMenuCommands(request: SetMenuCommandsRequest): Promise<void>;
}

/** What main pushes to the renderer, by event name. */
export interface MainEvents {
  /** A `.qdpx` opened from outside the app (double-click, argv, macOS `open-file`). */
  onOpenProjectFile: OpenedProjectFile | { status: 'refused'; name: string; error: string };
  onBackupRequested: BackupRequest;
  /** A native menu item was clicked: the id of its command (the preload drops malformed ids). */
  onMenuCommand: string;
}

export type MainEvent = keyof MainEvents;

/** Each event as the preload exposes it: subscribe with a callback, get back an unsubscribe. */
export type EventApi = { [E in MainEvent]: (callback: (payload: MainEvents[E]) => void) => () => void };

/** Everything `window.marginalia` holds. */
export type PreloadApi = MainApi & EventApi;

export type MainMethod = keyof MainApi;
export type RequestOf<M extends MainMethod> = Parameters<MainApi[M]>[0];
export type ResponseOf<M extends MainMethod> = Awaited<ReturnType<MainApi[M]>>;

/** IPC channel names, one per method. */
export const channels = {
  openSourceFiles: 'marginalia:open-source-files',
  saveFile: 'marginalia:save-file',
  getAppInfo: 'marginalia:get-app-info',
  setMenuCommands: 'marginalia:set-menu-commands',
  saveProjectFile: 'marginalia:save-project-file',
  openProjectFile: 'marginalia:open-project-file',
  linkProjectFile: 'marginalia:link-project-file',
  getProjectFileName: 'marginalia:get-project-file-name',
  writeBackup: 'marginalia:write-backup',
  listBackups: 'marginalia:list-backups',
  readBackup: 'marginalia:read-backup',
  completeBackupRequest: 'marginalia:complete-backup-request',
  showProject: 'marginalia:show-project',
  openExternalLink: 'marginalia:open-external-link',
} as const satisfies Record<MainMethod, string>;

/** Command ids as they cross the boundary in either direction. */
export const COMMAND_ID_PATTERN = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

export const mainMethods = Object.keys(channels) as MainMethod[];

/** Channels main sends events on, one per event. */
export const eventChannels = {
  onOpenProjectFile: 'marginalia:event:open-project-file',
  onBackupRequested: 'marginalia:event:backup-requested',
  onMenuCommand: 'marginalia:event:menu-command',
} as const satisfies Record<MainEvent, string>;

export const mainEvents = Object.keys(eventChannels) as MainEvent[];

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'marginalia';

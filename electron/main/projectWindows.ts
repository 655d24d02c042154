// One window per project: main keeps a map from each project to the window showing it. Windows
// report what they show (`showProject`); asking to show a project another window already shows
// focuses that window instead, and a double-clicked file of an open project just brings it forward.

export interface ProjectWindow {
  readonly id: number;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

export class ProjectWindows<W extends ProjectWindow = ProjectWindow> {
  private readonly projectOfWindow = new Map<number, string>();
  private readonly windows = new Map<number, W>();

  /**
   * Records that `window` now shows `projectId` (or nothing). Returns the other window that
   * already shows it, focused, when there is one; the caller then keeps its current project.
   */
  show(window: W, projectId: string | null): W | undefined {
    if (projectId !== null) {
      const other = this.windowOf(projectId);
      if (other && other.id !== window.id) {
        bringForward(other);
        return other;
      }
    }
    this.windows.set(window.id, window);
    if (projectId === null) this.projectOfWindow.delete(window.id);
    else this.projectOfWindow.set(window.id, projectId);
    return undefined;
  }

  /** The live window showing `projectId`, if any. */
  windowOf(projectId: string): W | undefined {
    for (const [windowId, shown] of this.projectOfWindow) {
      if (shown !== projectId) continue;
      const window = this.windows.get(windowId);
      if (window && !window.isDestroyed()) return window;
      this.forget(windowId);
    }
    return undefined;
  }

  forget(windowId: number): void {
    this.projectOfWindow.delete(windowId);
    this.windows.delete(windowId);
  }
}

export function bringForward(window: ProjectWindow): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}

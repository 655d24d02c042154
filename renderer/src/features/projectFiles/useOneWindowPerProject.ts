// Tells main which project this window shows, so a project is open in one window only: when
// another window already shows it, main brings that window forward and this one goes back to
// the project it showed before.
import { useEffect, useRef } from 'react';
import type { Host } from '../../host/host';

export function useOneWindowPerProject(
  host: Pick<Host, 'showProject'>,
  projectId: string | null,
  goBack: (projectId: string | null) => void,
  notify: (text: string) => void,
): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    host.showProject({ projectId }).then(
      ({ shownElsewhere }) => {
        if (!live) return;
        if (shownElsewhere) {
          notify('That project is open in another window: Marginalia switched to it.');
          goBack(previous.current);
        } else {
          previous.current = projectId;
        }
      },
      () => undefined, // a window map is a convenience; never block opening a project on it
    );
    return () => {
      live = false;
    };
  }, [host, projectId, goBack, notify]);
}

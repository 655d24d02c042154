// The application shell: project bar on top, then the workspace (Sources, Memos and Cases | Document,
// Coded segments or Co-occurrence | Codebook, in resizable panes), then the status bar.
import { useCallback, useEffect, useState } from 'react';
import { ProjectBar } from '../features/projects/ProjectBar';
import { Notices } from '../features/common/Notices';
import { selectActiveProjectId, useUiStore, reportError } from '../stores/uiStore';
import { LAST_PROJECT_KEY, setSetting } from '../db/operations/settings';
import { startApp } from './startup';
import { CommandSurfaces } from '../commands/CommandSurfaces';
import { isVersionError } from './databaseVersion';
import { NewerDatabaseScreen } from './NewerDatabaseScreen';
import { getHost } from '../host';
import { connectProjectFiles } from '../features/projectFiles/connectProjectFiles';
import { useOpenReport } from '../features/projectFiles/openReportStore';
import { useOneWindowPerProject } from '../features/projectFiles/useOneWindowPerProject';
import { getProjectFileActions } from '../features/projectFiles/appProjectFileActions';
import { useFoldingReports } from './useFoldingReports';
import { StatusBar } from './StatusBar';
import { useFileStatusStore } from '../stores/fileStatusStore';
import { useRegionCycling } from './useRegionCycling';
import { SkipLink } from './SkipLink';
import { Workspace } from './layout/Workspace';
import { useViewMemory } from './viewMemory';
import { ReadingCommands } from './ReadingCommands';
import { FirstRunTour } from './FirstRunTour';
import { CoderCommands, CoderQuestion } from '../features/coders/CoderCommands';
import { MergeProjectCommand } from '../features/merge/MergeProjectCommand';

export function App() {
  const [ready, setReady] = useState(false);
  const [newerDatabase, setNewerDatabase] = useState(false);
  const projectId = useUiStore(selectActiveProjectId);
  useFoldingReports();
  useRegionCycling();
  useViewMemory();

  useEffect(() => {
    startApp().then(
      () => setReady(true),
      (error: unknown) => {
        // Never an empty app over data this version cannot read: the user would think it lost.
        if (isVersionError(error)) setNewerDatabase(true);
        else reportError(error);
        setReady(true);
      },
    );
  }, []);

  useEffect(() => {
    if (ready && projectId) void setSetting(LAST_PROJECT_KEY, projectId);
  }, [ready, projectId]);

  // Project files and backups: backup requests answered, files opened from outside, the quota prompt.
  useEffect(
    () =>
      connectProjectFiles(getHost(), getProjectFileActions(), {
        notify: (kind, text) => useUiStore.getState().notify(kind, text),
        reportError,
        openProject: (id) => useUiStore.getState().openProject(id),
        activeProjectId: () => useUiStore.getState().activeProjectId,
        showReport: (dialog) => useOpenReport.getState().show(dialog),
        showProgress: (progress) => useOpenReport.getState().showProgress(progress),
        noteSaved: (id, fileName) => useFileStatusStore.getState().noteSaved(id, fileName),
        noteBackups: (backups) => useFileStatusStore.getState().noteBackups(backups),
        noteBackingUp: (running) => useFileStatusStore.getState().noteBackingUp(running),
      }),
    [],
  );
  const goBack = useCallback((id: string | null) => useUiStore.getState().openProject(id), []);
  const notifyInfo = useCallback((text: string) => useUiStore.getState().notify('info', text), []);
  useOneWindowPerProject(getHost(), ready ? projectId : null, goBack, notifyInfo);

  if (!ready) return <div className="loading">Opening Marginalia…</div>;
  if (newerDatabase) return <NewerDatabaseScreen />;
  return (
    <div className="app">
      {projectId && <SkipLink />}
      <CommandSurfaces />
      <ReadingCommands />
      <ProjectBar />
      <CoderQuestion />
      {projectId ? (
        <Workspace projectId={projectId} />
      ) : (
        <main className="empty-state">
          <h1>Marginalia</h1>
          <p>Start a project to import sources and code them.</p>
        </main>
      )}
      {projectId && <StatusBar projectId={projectId} />}
      {projectId && <FirstRunTour />}
      <CoderCommands projectId={projectId} />
      <MergeProjectCommand projectId={projectId} />
      <Notices />
    </div>
  );
}

// The application shell: project bar on top, then Sources, Memos and Cases | Document, Coded segments
// or Co-occurrence | Codebook.
import { useEffect, useState } from 'react';
import { ProjectBar } from '../features/projects/ProjectBar';
import { SourcesPanel } from '../features/sources/SourcesPanel';
import { CasesPanel } from '../features/cases/CasesPanel';
import { CodebookPanel } from '../features/codebook/CodebookPanel';
import { MemosPanel } from '../features/memos/MemosPanel';
import { Notices } from '../features/common/Notices';
import { selectActiveProjectId, useUiStore, reportError } from '../stores/uiStore';
import { LAST_PROJECT_KEY, setSetting } from '../db/operations/settings';
import { startApp } from './startup';
import { CentreColumn } from './CentreColumn';
import { CommandSurfaces } from '../commands/CommandSurfaces';
import { useFoldingReports } from './useFoldingReports';
import { StatusBar } from './StatusBar';
import { useRegionCycling } from './useRegionCycling';
import { SkipLink } from './SkipLink';

export function App() {
  const [ready, setReady] = useState(false);
  const projectId = useUiStore(selectActiveProjectId);
  useFoldingReports();
  useRegionCycling();

  useEffect(() => {
    startApp().then(
      () => setReady(true),
      (error: unknown) => {
        reportError(error);
        setReady(true);
      },
    );
  }, []);

  useEffect(() => {
    if (ready && projectId) void setSetting(LAST_PROJECT_KEY, projectId);
  }, [ready, projectId]);

  if (!ready) return <div className="loading">Opening Marginalia…</div>;
  return (
    <div className="app">
      {projectId && <SkipLink />}
      <CommandSurfaces />
      <ProjectBar />
      {projectId ? (
        <main className="workspace">
          <div className="left-column">
            <div className="side-column">
              <SourcesPanel projectId={projectId} />
              <MemosPanel projectId={projectId} />
            </div>
            <CasesPanel projectId={projectId} />
          </div>
          <CentreColumn projectId={projectId} />
          <CodebookPanel projectId={projectId} />
        </main>
      ) : (
        <main className="empty-state">
          <h1>Marginalia</h1>
          <p>Start a project to import sources and code them.</p>
        </main>
      )}
      {projectId && <StatusBar projectId={projectId} />}
      <Notices />
    </div>
  );
}

// The File menu's project-file commands: "Save project" shows a progress bar while the file is
// written and saved, Ctrl/Cmd+S saves (Save as with Shift), even in a text field, and "Open
// project" of a file that cannot be read says why and creates nothing.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectFileCommands } from '../../../renderer/src/features/projectFiles/ProjectFileCommands';
import { runCommand } from '../../../renderer/src/commands/registry';
import { useCommandShortcuts } from '../../../renderer/src/commands/useCommandShortcuts';
import { replaceHost } from '../../../renderer/src/host';
import { createProject } from '../../../renderer/src/db/operations/projects';
import type { OpenProjectFileResult, SaveProjectFileRequest, SaveProjectFileResult } from '../../../shared/ipc/contract';
import { fakeHost } from '../support/fakeHost';
import { useFreshDatabase } from '../support/freshDatabase';

const freshDb = useFreshDatabase();
// The app binds its actions to the host once; the host's answers are switched per test here.
let save: (request: SaveProjectFileRequest) => Promise<SaveProjectFileResult>;
let open: () => Promise<OpenProjectFileResult>;
replaceHost(fakeHost({ saveProjectFile: (request) => save(request), openProjectFile: () => open() }));

beforeEach(() => {
  freshDb();
});

/** The commands as the app has them: bound by the component, keys through the shortcut handler. */
function WithShortcuts({ projectId }: { projectId: string }) {
  useCommandShortcuts();
  return (
    <>
      <input aria-label="Note" />
      <ProjectFileCommands projectId={projectId} />
    </>
  );
}

describe('project file commands', () => {
  it('shows a progress bar while saving, and saves with Ctrl+S and Ctrl+Shift+S', async () => {
    const project = await createProject('Interviews');
    const requests: SaveProjectFileRequest[] = [];
    let finish: (() => void) | undefined;
    save = (request) => {
      requests.push(request);
      return new Promise((resolve) => (finish = () => resolve({ saved: true, fileName: request.suggestedName })));
    };
    render(<WithShortcuts projectId={project.id} />);
    // No button of its own: the command is in the File menu (and the palette).
    expect(screen.queryByRole('button', { name: 'Save project' })).toBeNull();
    act(() => void runCommand('project.save'));
    // Written first (off the page thread in the app), then handed to the host to save.
    await vi.waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Saving the project file…'), { timeout: 5000 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ projectId: project.id, saveAs: false, suggestedName: 'Interviews.qdpx' });
    expect(requests[0]!.bytes.byteLength).toBeGreaterThan(100);
    await act(async () => finish!());
    expect(screen.queryByRole('progressbar')).toBeNull();

    save = async (request) => {
      requests.push(request);
      return { saved: true, fileName: request.suggestedName };
    };
    // In a text field too (the browser would save the page).
    screen.getByRole('textbox', { name: 'Note' }).focus();
    await userEvent.keyboard('{Control>}s{/Control}');
    await vi.waitFor(() => expect(requests).toHaveLength(2), { timeout: 5000 });
    await vi.waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull(), { timeout: 5000 });
    await userEvent.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    await vi.waitFor(() => expect(requests).toHaveLength(3), { timeout: 5000 });
    expect(requests.map((r) => r.saveAs)).toEqual([false, false, true]);
  });

  it('says why a file cannot be opened, and creates no project', async () => {
    const project = await createProject('Interviews');
    open = async () => ({ status: 'opened', name: 'broken.qdpx', bytes: new TextEncoder().encode('not a zip'), fileToken: 't1' });
    render(<WithShortcuts projectId={project.id} />);
    await userEvent.keyboard('{Control>}o{/Control}');
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toMatch(/not a readable \.qdpx/);
    expect(screen.getByRole('dialog', { name: 'The project could not be opened' }).textContent).toContain('No project was created');
  });
});

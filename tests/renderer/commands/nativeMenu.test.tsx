// In Electron the registry drives the native menu: the renderer sends every command as plain data
// (label with the step's name, enabled state, accelerator) whenever one changes, and a click that
// main reports back runs the command; the in-window menu bar is not drawn there.
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import type { MenuCommandDescriptor, SetMenuCommandsRequest } from '../../../shared/ipc/contract';
import type { Host } from '../../../renderer/src/host/host';
import { useCommand } from '../../../renderer/src/commands/registry';
import { useNativeMenu } from '../../../renderer/src/commands/useNativeMenu';

function fakeElectronHost() {
  const sent: SetMenuCommandsRequest[] = [];
  let clicked: ((id: string) => void) | undefined;
  const host = {
    kind: 'electron',
    openSourceFiles: vi.fn(),
    saveFile: vi.fn(),
    getAppInfo: vi.fn(),
    setMenuCommands: vi.fn(async (request: SetMenuCommandsRequest) => {
      sent.push(request);
    }),
    onMenuCommand: vi.fn((callback: (id: string) => void) => {
      clicked = callback;
      return () => {
        clicked = undefined;
      };
    }),
  } as unknown as Host;
  return { host, sent, click: (id: string) => clicked?.(id), subscribed: () => clicked !== undefined };
}

function Harness({ host, undoLabel, undo }: { host: Host; undoLabel: string | undefined; undo: () => void }) {
  useNativeMenu(host);
  useCommand('edit.undo', undo, undoLabel !== undefined, undoLabel);
  return <p>page</p>;
}

const undoOf = (request: SetMenuCommandsRequest | undefined): MenuCommandDescriptor | undefined =>
  request?.commands.find((c) => c.id === 'edit.undo');

describe('useNativeMenu', () => {
  it('sends the commands to main when they change and runs the ones main reports clicked', () => {
    const { host, sent, click, subscribed } = fakeElectronHost();
    const undo = vi.fn();
    const view = render(<Harness host={host} undoLabel={undefined} undo={undo} />);
    expect(undoOf(sent.at(-1))).toEqual({ id: 'edit.undo', label: 'Undo', menu: 'Edit', group: 'history', enabled: false, accelerator: 'CmdOrCtrl+Z' });

    view.rerender(<Harness host={host} undoLabel="Undo: delete code" undo={undo} />);
    expect(undoOf(sent.at(-1))).toMatchObject({ label: 'Undo: delete code', enabled: true });
    const count = sent.length;
    // A new run() alone changes nothing main shows: no rebuild.
    const latestUndo = vi.fn();
    view.rerender(<Harness host={host} undoLabel="Undo: delete code" undo={latestUndo} />);
    expect(sent).toHaveLength(count);

    act(() => click('edit.undo'));
    expect(latestUndo).toHaveBeenCalledOnce();
    expect(undo).not.toHaveBeenCalled();
    expect(screen.getByText('page')).toBeInTheDocument();
    view.unmount();
    expect(subscribed()).toBe(false);
  });

  it('does nothing with the native menu in the browser build', () => {
    const { host } = fakeElectronHost();
    const browser = { ...host, kind: 'browser' } as Host;
    render(<Harness host={browser} undoLabel={undefined} undo={vi.fn()} />);
    expect(host.setMenuCommands).not.toHaveBeenCalled();
    expect(host.onMenuCommand).not.toHaveBeenCalled();
  });
});

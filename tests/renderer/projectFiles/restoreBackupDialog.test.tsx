// The "Restore from backup" dialog: what each backup holds, and restoring one as a new project.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RestoreBackupDialog } from '../../../renderer/src/features/projectFiles/RestoreBackupDialog';
import type { BackupInfo } from '../../../shared/ipc/contract';

const backups: BackupInfo[] = [
  {
    id: 'b2',
    projectId: 'p1',
    projectName: 'Interviews',
    createdAt: '2026-12-02T09:05:00.000Z',
    byteSize: 2.5 * 1024 * 1024,
    changeStamp: 's2',
    counts: { sources: 12, codes: 40, codings: 1, memos: 3, cases: 0 },
  },
  {
    id: 'b1',
    projectId: 'p1',
    projectName: 'Interviews',
    createdAt: '2026-12-01T17:00:00.000Z',
    byteSize: 2048,
    changeStamp: 's1',
    counts: { sources: 1, codes: 1, codings: 0, memos: 0, cases: 1 },
  },
];

describe('RestoreBackupDialog', () => {
  it('lists each backup with its size and contents, and restores the chosen one', async () => {
    const onRestore = vi.fn(async () => undefined);
    const onClose = vi.fn();
    render(<RestoreBackupDialog listBackups={async () => backups} onRestore={onRestore} onClose={onClose} />);
    const table = await screen.findByRole('table', { name: 'Backups' });
    // The last column holds the Restore buttons: named for screen readers only.
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Project', 'Saved', 'Size', 'Contents', 'Action']);
    expect(within(table).getByRole('columnheader', { name: 'Action' }).firstElementChild).toHaveClass('visually-hidden');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('2.5 MB');
    expect(rows[0]).toHaveTextContent('12 sources, 40 codes, 1 coding, 3 memos, 0 cases');
    expect(rows[1]).toHaveTextContent('2 KB');
    await userEvent.setup().click(within(rows[1]!).getByRole('button', { name: /^Restore Interviews from / }));
    expect(onRestore).toHaveBeenCalledWith('b1');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 2000 });
  });

  it('is one Tab stop however many backups there are: Up and Down move between them', async () => {
    render(<RestoreBackupDialog listBackups={async () => backups} onRestore={vi.fn()} onClose={vi.fn()} />);
    const table = await screen.findByRole('table', { name: 'Backups' });
    const restores = within(table).getAllByRole('button', { name: /^Restore Interviews from / });
    const stops = (): string[] => restores.filter((b) => b.tabIndex === 0).map((b) => b.getAttribute('aria-label') ?? '');
    expect(stops()).toEqual([restores[0]!.getAttribute('aria-label')]);
    restores[0]!.focus();
    await userEvent.setup().keyboard('{ArrowDown}');
    expect(restores[1]).toHaveFocus();
    expect(stops()).toEqual([restores[1]!.getAttribute('aria-label')]);
  });

  it('says so when there are no backups, and shows why a restore failed', async () => {
    const { unmount } = render(<RestoreBackupDialog listBackups={async () => []} onRestore={vi.fn()} onClose={vi.fn()} />);
    expect(await screen.findByText('No backups yet.')).toBeInTheDocument();
    unmount();
    const onClose = vi.fn();
    render(
      <RestoreBackupDialog
        listBackups={async () => backups}
        onRestore={async () => {
          throw new Error('The project file Project.qde cannot be read: it is damaged.');
        }}
        onClose={onClose}
      />,
    );
    const [first] = await screen.findAllByRole('button', { name: /^Restore Interviews/ });
    await userEvent.setup().click(first!);
    expect(await screen.findByRole('alert')).toHaveTextContent('The project file Project.qde cannot be read: it is damaged.');
    expect(onClose).not.toHaveBeenCalled();
  });
});

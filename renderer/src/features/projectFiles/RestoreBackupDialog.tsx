// "Restore from backup": every automatic backup with its project, date, size and contents; the
// chosen one is opened as a new project, so restoring never overwrites anything.
import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, ProjectCounts } from '../../../../shared/ipc/contract';
import { formatBytes } from '../../../../shared/import/limits';
import { formatMemoTime } from '../memos/memoTime';
import { CloseFooter, Modal } from '../common/Modal';
import { ColumnHeads } from '../common/ColumnHeads';
import { plural } from '../../../../shared/text/plural';
import { useRovingFocus } from '../common/useRovingFocus';

export interface RestoreBackupDialogProps {
  listBackups(): Promise<BackupInfo[]>;
  /** Opens the backup as a new project (bound `restoreBackup`). */
  onRestore(backupId: string): Promise<void>;
  onClose(): void;
}

export function describeCounts(counts: ProjectCounts): string {
  return [
    plural(counts.sources, 'source'),
    plural(counts.codes, 'code'),
    plural(counts.codings, 'coding'),
    plural(counts.memos, 'memo'),
    plural(counts.cases, 'case'),
  ].join(', ');
}

type Listing = { state: 'loading' } | { state: 'ready'; backups: BackupInfo[] } | { state: 'failed'; message: string };

export function RestoreBackupDialog({ listBackups, onRestore, onClose }: RestoreBackupDialogProps) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [restoring, setRestoring] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  // A long list of backups is one Tab stop (the newest's Restore); Up/Down move between them.
  const roving = useRovingFocus(tableRef, 'tbody tr', 'button');

  useEffect(() => {
    let live = true;
    listBackups().then(
      (backups) => live && setListing({ state: 'ready', backups }),
      (e: unknown) => live && setListing({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [listBackups]);

  const restore = (backupId: string): void => {
    setRestoring(backupId);
    setError(null);
    onRestore(backupId).then(onClose, (e: unknown) => {
      setRestoring(null);
      setError(e instanceof Error ? e.message : String(e));
    });
  };

  return (
    <Modal title="Restore from backup" onClose={onClose} size="wide">
      <p className="export-hint">
        Marginalia keeps a backup of each changed project every few minutes and when it closes: the last 10, and one a day
        for 30 days. Restoring opens the backup as a new project; nothing is overwritten.
      </p>
      {listing.state === 'loading' && <p>Reading the backups…</p>}
      {listing.state === 'failed' && <p role="alert">The backups could not be listed: {listing.message}</p>}
      {listing.state === 'ready' && listing.backups.length === 0 && <p>No backups yet.</p>}
      {listing.state === 'ready' && listing.backups.length > 0 && (
        <div className="import-table-wrap">
          <table ref={tableRef} className="import-table" aria-label="Backups" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
            <ColumnHeads names={['Project', 'Saved', 'Size', 'Contents']} actions="Action" />
            <tbody>
              {listing.backups.map((backup) => (
                <tr key={backup.id}>
                  <td>{backup.projectName}</td>
                  <td className="where">{formatMemoTime(backup.createdAt)}</td>
                  <td className="where">{formatBytes(backup.byteSize)}</td>
                  <td>{describeCounts(backup.counts)}</td>
                  <td className="action">
                    <button
                      type="button"
                      disabled={restoring !== null}
                      aria-label={`Restore ${backup.projectName} from ${formatMemoTime(backup.createdAt)}`}
                      onClick={() => restore(backup.id)}
                    >
                      {restoring === backup.id ? 'Restoring…' : 'Restore'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <CloseFooter onClose={onClose} />
    </Modal>
  );
}

// One sentence saying how much space Marginalia's data takes and whether the browser keeps it.
import { useEffect, useState } from 'react';
import { ensurePersistentStorage } from './storageHealth';
import { describeStorageUsage, readStorageUsage } from './storageUsage';

export function StorageStatus() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([readStorageUsage(), ensurePersistentStorage()]).then(([usage, persistence]) => {
      if (live) setText(describeStorageUsage(usage, persistence));
    });
    return () => {
      live = false;
    };
  }, []);
  if (text === null) return null;
  return (
    <p className="storage-status" aria-label="Storage">
      {text}
    </p>
  );
}

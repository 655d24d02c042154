// Files dragged onto the window are imported like picked ones. The listeners sit on the document
// (the app root) so a drop anywhere counts, in the browser and in Electron's renderer alike;
// `dragging` drives the "drop to import" overlay.
import { useEffect, useRef, useState } from 'react';
import type { PickedFile } from '../../../../shared/ipc/contract';
import { readPicked } from '../../host/browserHost';

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useFileDrop(onFiles: (files: PickedFile[]) => void, doc: Document = document): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when the drag has left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) void readPicked(files).then((picked) => handler.current(picked));
    };
    doc.addEventListener('dragenter', onEnter);
    doc.addEventListener('dragleave', onLeave);
    doc.addEventListener('dragover', onOver);
    doc.addEventListener('drop', onDrop);
    return () => {
      doc.removeEventListener('dragenter', onEnter);
      doc.removeEventListener('dragleave', onLeave);
      doc.removeEventListener('dragover', onOver);
      doc.removeEventListener('drop', onDrop);
    };
  }, [doc]);

  return { dragging };
}

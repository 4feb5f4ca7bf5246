// Accepts a package folder or .zip dropped anywhere on the window and hands over its path on disk.
import { useEffect, useRef, useState } from 'react';
import { pathForFile } from '../api.js';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(onPath: (path: string) => void, onNoPath: () => void, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  const handlers = useRef({ onPath, onNoPath, enabled });
  handlers.current = { onPath, onNoPath, enabled };

  useEffect(() => {
    // dragenter/dragleave fire for every child crossed; count them to know when the pointer left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      if (handlers.current.enabled) setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file in place of the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = handlers.current.enabled ? 'copy' : 'none';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file || !handlers.current.enabled) return;
      const path = pathForFile(file);
      if (path) handlers.current.onPath(path);
      else handlers.current.onNoPath();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}

// Drag and drop of evidence files onto a section: the files' paths on disk, or a message when there are none.
import { useState, type DragEvent } from 'react';
import { pathForFile } from '../../api.js';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export interface EvidenceDrop {
  over: boolean;
  handlers: {
    onDragEnter: (e: DragEvent) => void;
    onDragOver: (e: DragEvent) => void;
    onDragLeave: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
  };
}

/**
 * The zone takes the drop itself (propagation stops), so the window's "drop a review package"
 * import never sees a file meant as evidence.
 */
export function useEvidenceDrop(onPaths: (paths: string[]) => void, onUnknown: () => void, enabled: boolean): EvidenceDrop {
  const [depth, setDepth] = useState(0);
  const stop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return {
    over: depth > 0,
    handlers: {
      onDragEnter: (e) => {
        if (!carriesFiles(e)) return;
        stop(e);
        setDepth((d) => d + 1);
      },
      onDragOver: (e) => {
        if (!carriesFiles(e)) return;
        stop(e);
        e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
      },
      onDragLeave: (e) => {
        if (!carriesFiles(e)) return;
        stop(e);
        setDepth((d) => Math.max(0, d - 1));
      },
      onDrop: (e) => {
        stop(e);
        setDepth(0);
        if (!enabled) return;
        const files = Array.from(e.dataTransfer.files);
        const paths = files.map((f) => pathForFile(f)).filter((p): p is string => p !== null);
        if (paths.length > 0) onPaths(paths);
        if (paths.length < files.length) onUnknown();
      },
    },
  };
}

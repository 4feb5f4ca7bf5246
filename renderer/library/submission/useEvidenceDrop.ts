// Drag and drop of evidence files onto a section: the dropped files go to main (through the preload),
// which asks the author to confirm them and answers with tokens.
import { useState, type DragEvent } from 'react';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

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
export function useEvidenceDrop(onFiles: (files: File[]) => void, enabled: boolean): EvidenceDrop {
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
        if (files.length > 0) onFiles(files);
      },
    },
  };
}

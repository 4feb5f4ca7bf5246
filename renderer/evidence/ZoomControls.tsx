// Zoom out, what the zoom is (a read-out or a chooser), zoom in: the part the PDF and image toolbars share.
import type { ReactNode } from 'react';
import { IconButton } from '../ui/IconButton.js';

export interface ZoomControlsProps {
  zoomOut: string;
  zoomIn: string;
  /** Names Ctrl+− and Ctrl+= in the tooltips and to assistive tech, where the viewer answers to them. */
  ctrlKeys?: boolean;
  onStep: (dir: 1 | -1) => void;
  children: ReactNode;
}

export function ZoomControls({ zoomOut, zoomIn, ctrlKeys = false, onStep, children }: ZoomControlsProps) {
  return (
    <>
      <IconButton
        icon="zoomOut"
        label={zoomOut}
        {...(ctrlKeys ? { title: `${zoomOut} (Ctrl+−)`, 'aria-keyshortcuts': 'Control+-' } : {})}
        onClick={() => onStep(-1)}
      />
      {children}
      <IconButton
        icon="zoomIn"
        label={zoomIn}
        {...(ctrlKeys ? { title: `${zoomIn} (Ctrl+=)`, 'aria-keyshortcuts': 'Control+=' } : {})}
        onClick={() => onStep(1)}
      />
    </>
  );
}

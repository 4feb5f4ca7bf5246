// The certificate's first page as the earner will see it, signed by main and drawn here with pdf.js.
import { useRef } from 'react';
import type { Paper } from './award-format.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';
import { useLoad } from '../ui/useLoad.js';

type DrawModule = typeof import('./certificate-pdf.js');
let drawModule: Promise<DrawModule> | null = null;
const loadDraw = () => (drawModule ??= import('./certificate-pdf.js'));

/** Width over height of a landscape page before the PDF says otherwise. */
const ASPECT: Record<Paper, number> = { a4: 297 / 210, letter: 11 / 8.5 };

export function CertificateCanvas({
  credentialId,
  paper,
  label,
  version,
}: {
  credentialId: string;
  paper: Paper;
  label: string;
  version: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  // `version` changes when the award does (revoked, re-issued): draw it again. The outcome is the page's aspect.
  const drawing = useLoad(
    async (signal) => {
      const [bytes, draw] = await Promise.all([call('awards:certificate', { credentialId, paper }), loadDraw()]);
      const canvas = canvasRef.current;
      if (signal.aborted || !canvas) return null;
      const width = frameRef.current?.clientWidth || 360;
      const drawn = await draw.drawFirstPage(bytes, canvas, width, () => signal.aborted);
      return drawn ? drawn.aspect : null;
    },
    [credentialId, paper, version],
  );
  const aspect = drawing.loading || drawing.error ? null : drawing.data;
  const state = drawing.loading ? 'loading' : drawing.error ? 'failed' : aspect === null ? 'loading' : 'ready';
  const failure = drawing.error ? errorMessage(drawing.error, admin.awards.preview.certificateFailed) : null;

  return (
    <div
      ref={frameRef}
      className="aw-certificate"
      style={{ aspectRatio: String(aspect ?? ASPECT[paper]) }}
      data-state={state}
    >
      <canvas
        ref={canvasRef}
        className="aw-certificate-canvas"
        // The drawn certificate is a picture: role=img with its label is how ARIA names canvas content.
        // eslint-disable-next-line jsx-a11y/no-interactive-element-to-noninteractive-role -- canvas is no control here
        role="img"
        aria-label={label}
        hidden={state !== 'ready'}
      />
      {state === 'loading' && <p className="aw-certificate-status muted">{admin.awards.preview.drawing}</p>}
      {state === 'failed' && (
        <p className="aw-certificate-status kit-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

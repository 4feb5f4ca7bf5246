// The certificate's first page as the earner will see it, signed by main and drawn here with pdf.js.
import { useEffect, useRef, useState } from 'react';
import type { Paper } from './award-format.js';
import { call, errorMessage } from '../api.js';
import { admin } from '../strings/en.js';

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
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [failure, setFailure] = useState<string | null>(null);
  const [aspect, setAspect] = useState(ASPECT[paper]);

  useEffect(() => {
    let cancelled = false;
    setState('loading');
    setFailure(null);
    setAspect(ASPECT[paper]);
    (async () => {
      const [bytes, draw] = await Promise.all([call('awards:certificate', { credentialId, paper }), loadDraw()]);
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const width = frameRef.current?.clientWidth || 360;
      const drawn = await draw.drawFirstPage(bytes, canvas, width, () => cancelled);
      if (!drawn || cancelled) return;
      setAspect(drawn.aspect);
      setState('ready');
    })().catch((err: unknown) => {
      if (cancelled) return;
      setFailure(errorMessage(err, admin.awards.preview.certificateFailed));
      setState('failed');
    });
    return () => {
      cancelled = true;
    };
    // `version` changes when the award does (revoked, re-issued): draw it again.
  }, [credentialId, paper, version]);

  return (
    <div ref={frameRef} className="aw-certificate" style={{ aspectRatio: String(aspect) }} data-state={state}>
      <canvas
        ref={canvasRef}
        className="aw-certificate-canvas"
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

// An image at fit or any zoom, panned by scrolling, dragging or the arrow keys; Ctrl+wheel zooms at the pointer.
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { ZoomControls } from './ZoomControls.js';
import { evidenceUrl, type ViewerProps } from './viewer-types.js';
import './viewers.css';

const STEPS = [0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8];
const PAD = 24;

type Zoom = 'fit' | number;

export function ImageViewer({ artifact, takeFocus, ref }: ViewerProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [box, setBox] = useState({ w: 0, h: 0 });
  const [failed, setFailed] = useState(false);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const pendingScroll = useRef<{ left: number; top: number } | null>(null);

  useImperativeHandle(
    ref,
    () => ({ anchor: () => ({ artifactId: artifact.id }), focus: () => stageRef.current?.focus() }),
    [artifact.id],
  );

  useEffect(() => {
    if (takeFocus) stageRef.current?.focus({ preventScroll: true });
  }, [takeFocus]);

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const measure = () => setBox({ w: stage.clientWidth, h: stage.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  const fitScale = natural && box.w > 0 ? Math.min(1, (box.w - 2 * PAD) / natural.w, (box.h - 2 * PAD) / natural.h) : 1;
  const scale = zoom === 'fit' ? Math.max(0.05, fitScale) : zoom;

  /** Zooms to `next`, keeping the image point under (cx, cy) of the stage where it is. */
  const zoomTo = useCallback(
    (next: Zoom, cx?: number, cy?: number) => {
      const stage = stageRef.current;
      if (!stage || !natural) {
        setZoom(next);
        return;
      }
      const to = next === 'fit' ? Math.max(0.05, fitScale) : next;
      const px = cx ?? stage.clientWidth / 2;
      const py = cy ?? stage.clientHeight / 2;
      const ratio = to / scale;
      pendingScroll.current = {
        left: (stage.scrollLeft + px - PAD) * ratio - px + PAD,
        top: (stage.scrollTop + py - PAD) * ratio - py + PAD,
      };
      setZoom(next);
    },
    [fitScale, natural, scale],
  );

  useLayoutEffect(() => {
    const stage = stageRef.current;
    const target = pendingScroll.current;
    if (!stage || !target) return;
    pendingScroll.current = null;
    stage.scrollLeft = target.left;
    stage.scrollTop = target.top;
  }, [scale]);

  const stepZoom = useCallback(
    (dir: 1 | -1, cx?: number, cy?: number) => {
      const next = dir > 0 ? STEPS.find((s) => s > scale + 1e-3) : [...STEPS].reverse().find((s) => s < scale - 1e-3);
      if (next !== undefined) zoomTo(next, cx, cy);
    },
    [scale, zoomTo],
  );

  // Ctrl+wheel (and pinch, which arrives as Ctrl+wheel) zooms; a passive React listener could not prevent the page zoom.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const rect = stage.getBoundingClientRect();
      stepZoom(e.deltaY < 0 ? 1 : -1, e.clientX - rect.left, e.clientY - rect.top);
    };
    stage.addEventListener('wheel', onWheel, { passive: false });
    return () => stage.removeEventListener('wheel', onWheel);
  }, [stepZoom]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey) return;
    const k = e.key;
    if (k === '+' || k === '=') stepZoom(1);
    else if (k === '-' || k === '_') stepZoom(-1);
    else if (k === '0') zoomTo('fit');
    else if (k === '1' && !e.ctrlKey && !e.metaKey) zoomTo(1);
    else return;
    e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const stage = stageRef.current;
    if (
      !stage ||
      e.button !== 0 ||
      (stage.scrollWidth <= stage.clientWidth && stage.scrollHeight <= stage.clientHeight)
    )
      return;
    drag.current = { x: e.clientX, y: e.clientY, left: stage.scrollLeft, top: stage.scrollTop };
    stage.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const stage = stageRef.current;
    const d = drag.current;
    if (!stage || !d) return;
    stage.scrollLeft = d.left - (e.clientX - d.x);
    stage.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = () => (drag.current = null);

  const percent = Math.round(scale * 100);
  const width = natural ? Math.round(natural.w * scale) : undefined;
  const height = natural ? Math.round(natural.h * scale) : undefined;
  const pannable =
    natural !== null &&
    width !== undefined &&
    height !== undefined &&
    (width + 2 * PAD > box.w || height + 2 * PAD > box.h);

  return (
    <div className="iv">
      <div className="ev-toolbar" role="toolbar" aria-label={t.evidence.image.toolbar}>
        <ZoomControls zoomOut={t.evidence.image.zoomOut} zoomIn={t.evidence.image.zoomIn} onStep={(d) => stepZoom(d)}>
          <output className="ev-zoom-value" aria-live="polite" aria-label={t.evidence.pdf.zoom}>
            {t.evidence.pdf.percent(percent)}
          </output>
        </ZoomControls>
        <span className="ev-toolbar-sep" aria-hidden="true" />
        <button
          type="button"
          className="button button-ghost ev-tool-text"
          aria-pressed={zoom === 'fit'}
          onClick={() => zoomTo('fit')}
        >
          <Icon name="fit" />
          {t.evidence.image.fit}
        </button>
        <button
          type="button"
          className="button button-ghost ev-tool-text"
          aria-pressed={zoom === 1}
          onClick={() => zoomTo(1)}
        >
          <Icon name="actual" />
          {t.evidence.image.actualSize}
        </button>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the scrollable stage: arrow keys and drag pan it */}
      <div
        ref={stageRef}
        className={`iv-stage${pannable ? ' iv-pannable' : ''}`}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll container keyboard users must reach to pan (axe scrollable-region-focusable)
        tabIndex={0}
        role="group"
        aria-label={t.evidence.image.stage}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {failed ? (
          <p className="ev-message">{t.evidence.image.loadFailed}</p>
        ) : (
          <div className="iv-canvas" style={{ padding: PAD }}>
            <img
              className={natural ? 'iv-img' : 'iv-img iv-img-loading'}
              src={evidenceUrl(artifact)}
              alt={artifact.name}
              draggable={false}
              width={width}
              height={height}
              data-zoom={percent}
              onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
              onError={() => setFailed(true)}
            />
          </div>
        )}
      </div>
    </div>
  );
}

// The PDF viewer's toolbar: thumbnails, "Page 4 of 50" with a page box, zoom, and find.
import { useState, type KeyboardEvent } from 'react';
import { t } from '../../strings/en.js';
import { IconButton } from '../../ui/IconButton.js';
import { ZoomControls } from '../ZoomControls.js';
import type { ZoomMode } from './layout.js';

const PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

export interface PdfToolbarProps {
  page: number;
  numPages: number;
  onPage: (page: number) => void;
  zoomMode: ZoomMode;
  zoom: number;
  onZoom: (mode: ZoomMode) => void;
  onZoomStep: (dir: 1 | -1) => void;
  thumbsOpen: boolean;
  onToggleThumbs: () => void;
  findOpen: boolean;
  onFind: () => void;
  /** Blind review only: drawing covers over the page, and reporting what still shows who wrote it. */
  blindTools?: { covering: boolean; onToggleCover: () => void; onReport: () => void } | undefined;
}

export function PdfToolbar(props: PdfToolbarProps) {
  const {
    page,
    numPages,
    onPage,
    zoomMode,
    zoom,
    onZoom,
    onZoomStep,
    thumbsOpen,
    onToggleThumbs,
    findOpen,
    onFind,
    blindTools,
  } = props;
  const [draft, setDraft] = useState(String(page));
  const [editing, setEditing] = useState(false);
  const s = t.evidence.pdf;

  const commit = () => {
    const n = Number.parseInt(draft, 10);
    if (Number.isFinite(n)) onPage(Math.min(numPages, Math.max(1, n)));
    setDraft(String(page));
  };

  const onPageKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      e.currentTarget.select();
    } else if (e.key === 'Escape') {
      setDraft(String(page));
      e.currentTarget.blur();
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      onPage(Math.min(numPages, Math.max(1, page + (e.key === 'ArrowUp' ? -1 : 1))));
    }
  };

  const percent = Math.round(zoom * 100);
  const custom = zoomMode !== 'fit-width' && !PRESETS.some((p) => Math.round(p * 100) === percent);

  return (
    <div className="ev-toolbar pdf-toolbar" role="toolbar" aria-label={s.toolbar}>
      <IconButton icon="thumbnails" label={s.thumbnails} aria-pressed={thumbsOpen} onClick={onToggleThumbs} />
      <span className="ev-toolbar-sep" aria-hidden="true" />
      <div className="pdf-pager" role="group" aria-label={s.pageOf(page, numPages)}>
        <IconButton
          icon="chevronUp"
          label={s.previousPage}
          aria-disabled={page <= 1}
          onClick={() => page > 1 && onPage(page - 1)}
        />
        <input
          className="input pdf-page-input"
          inputMode="numeric"
          aria-label={s.pageInput}
          value={editing ? draft : String(page)}
          size={Math.max(2, String(numPages).length)}
          onFocus={(e) => {
            // The draft starts from the page shown; while not editing the input shows the page itself.
            setDraft(String(page));
            setEditing(true);
            e.currentTarget.select();
          }}
          onBlur={() => {
            commit();
            setEditing(false);
          }}
          onChange={(e) => setDraft(e.currentTarget.value.replace(/[^0-9]/g, ''))}
          onKeyDown={onPageKey}
        />
        <span className="pdf-page-total">{s.ofTotal(numPages)}</span>
        <IconButton
          icon="chevronDown"
          label={s.nextPage}
          aria-disabled={page >= numPages}
          onClick={() => page < numPages && onPage(page + 1)}
        />
      </div>
      <span className="ev-toolbar-sep" aria-hidden="true" />
      <ZoomControls zoomOut={s.zoomOut} zoomIn={s.zoomIn} ctrlKeys onStep={onZoomStep}>
        <select
          className="input select pdf-zoom"
          aria-label={s.zoom}
          value={zoomMode === 'fit-width' ? 'fit' : String(percent)}
          onChange={(e) => onZoom(e.currentTarget.value === 'fit' ? 'fit-width' : Number(e.currentTarget.value) / 100)}
        >
          <option value="fit">{zoomMode === 'fit-width' ? `${s.fitWidth} (${s.percent(percent)})` : s.fitWidth}</option>
          {custom && <option value={String(percent)}>{s.percent(percent)}</option>}
          {PRESETS.map((p) => (
            <option key={p} value={String(Math.round(p * 100))}>
              {s.percent(Math.round(p * 100))}
            </option>
          ))}
        </select>
      </ZoomControls>
      <span className="ev-toolbar-fill" />
      {blindTools && (
        <>
          <button
            type="button"
            className="button kit-button-small"
            aria-pressed={blindTools.covering}
            title={s.coverHint}
            onClick={blindTools.onToggleCover}
          >
            {s.cover}
          </button>
          <button type="button" className="button kit-button-small" onClick={blindTools.onReport}>
            {s.report}
          </button>
        </>
      )}
      <IconButton
        icon="search"
        label={s.find}
        title={`${s.find} (Ctrl+F)`}
        aria-keyshortcuts="Control+F"
        aria-expanded={findOpen}
        onClick={onFind}
      />
    </div>
  );
}

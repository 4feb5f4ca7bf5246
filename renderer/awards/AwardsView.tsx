// The Awards screen itself: reviews ready to issue, the issued awards with search and status, and the chosen one's preview.
import { useEffect, useId, useMemo, useState } from 'react';
import { call, errorMessage } from '../api.js';
import { useBlindReview } from '../app/useBlindReview.js';
import { Toast } from '../ui/Toast.js';
import { useToast } from '../ui/useToast.js';
import { admin } from '../strings/en.js';
import { EmptyState } from '../ui/EmptyState.js';
import { Icon } from '../ui/Icon.js';
import { useDebounced } from '../ui/useDebounced.js';
import { STATUSES, type AwardStatus, type AwardSummary } from './award-format.js';
import { AwardPreview } from './AwardPreview.js';
import { AwardsTable } from './AwardsTable.js';
import { ExportDialog } from './ExportDialog.js';
import { ReadyBand } from './ReadyBand.js';
import { ReissueDialog } from './ReissueDialog.js';
import { RevokeDialog } from './RevokeDialog.js';
import { useAwardsData } from './useAwardsData.js';
import '../ui/kit.css';
import './awards.css';
import './preview.css';
import { ScreenHead } from '../ui/ScreenHead.js';

type Open = { kind: 'export'; awards: AwardSummary[] } | { kind: 'revoke' | 'reissue'; award: AwardSummary } | null;

export function AwardsView({ onSettings }: { onSettings: () => void }) {
  const s = admin.awards;
  const id = useId();
  const [blind] = useBlindReview();
  const [status, setStatus] = useState<AwardStatus | null>(null);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 150);
  const data = useAwardsData(status, debounced);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [printing, setPrinting] = useState(false);
  const toast = useToast();
  const awards = data.awards;

  // The preview follows the list: the first award until another is chosen.
  const current = useMemo(
    () => awards?.find((a) => a.credentialId === currentId) ?? awards?.[0] ?? null,
    [awards, currentId],
  );
  const chosen = useMemo(() => awards?.filter((a) => selected.has(a.credentialId)) ?? [], [awards, selected]);
  // Selections hidden by a filter are dropped, so "Export selected" exports what is visible. Adjusted during render
  // when the list changes, so no render ever shows a selection the list no longer holds.
  const [selectedFor, setSelectedFor] = useState(awards);
  if (selectedFor !== awards) {
    setSelectedFor(awards);
    if (awards) setSelected((sel) => new Set([...sel].filter((x) => awards.some((a) => a.credentialId === x))));
  }

  const print = async (award: AwardSummary) => {
    if (printing) return;
    setPrinting(true);
    try {
      const sent = await call('awards:print', { credentialId: award.credentialId, paper: data.paper });
      toast.show(sent ? s.printed : s.printCancelled);
    } catch (err) {
      toast.show(s.printFailed, errorMessage(err, ''));
    } finally {
      setPrinting(false);
    }
  };

  const changed = (message: string) => (award: AwardSummary) => {
    setOpen(null);
    data.replace(award);
    setCurrentId(award.credentialId);
    data.reload();
    toast.show(message);
    setFocusPreview((n) => n + 1);
  };
  // After a revoke or re-issue the button that opened the dialog may be gone (a revoked award has no
  // Revoke…): focus goes to the award itself, after the dialog has handed focus back.
  const [focusPreview, setFocusPreview] = useState(0);
  useEffect(() => {
    if (focusPreview > 0) document.getElementById('aw-preview-title')?.focus();
  }, [focusPreview]);

  const noAwards = awards !== null && awards.length === 0 && !status && !debounced;
  const nothingYet = noAwards && (data.ready?.length ?? 0) === 0;
  return (
    <section className="screen aw-screen" aria-labelledby="awards-title">
      <ScreenHead titleId="awards-title" title={s.title} subtitle={s.subtitle} />
      {blind && (
        <p className="notice aw-blind-note">
          <Icon name="info" size={15} />
          {s.blindNote}
        </p>
      )}
      {data.error && (
        <div className="kit-alert aw-error" role="alert">
          {data.error}{' '}
          <button type="button" className="button kit-button-small" onClick={data.reload}>
            {admin.common.retry}
          </button>
        </div>
      )}
      {data.ready && (
        <ReadyBand
          ready={data.ready}
          hasIdentity={data.hasIdentity}
          onSettings={onSettings}
          onIssued={() => data.reload()}
        />
      )}

      {nothingYet ? (
        <EmptyState icon="awards" title={s.emptyTitle}>
          <p>{s.emptyBody}</p>
        </EmptyState>
      ) : noAwards ? (
        <p className="aw-none-yet muted">{s.noneYet}</p>
      ) : (
        <>
          <div className="aw-toolbar" role="search" aria-label={s.filtersLabel}>
            <div className="search">
              <Icon name="search" size={15} className="search-icon" />
              <label htmlFor={`${id}-search`} className="sr-only">
                {s.searchLabel}
              </label>
              <input
                id={`${id}-search`}
                type="search"
                className="input search-input"
                placeholder={s.searchLabel}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <label htmlFor={`${id}-status`} className="sr-only">
              {s.statusLabel}
            </label>
            <select
              id={`${id}-status`}
              className="input select"
              value={status ?? ''}
              onChange={(e) => setStatus((e.target.value || null) as AwardStatus | null)}
            >
              <option value="">{s.anyStatus}</option>
              {STATUSES.map((st) => (
                <option key={st} value={st}>
                  {s.status[st]}
                </option>
              ))}
            </select>
            <p className="result-count" role="status">
              {awards && s.count(awards.length)}
            </p>
            {chosen.length > 0 && (
              <div className="aw-selection">
                <span>{s.selected(chosen.length)}</span>
                <button
                  type="button"
                  className="button button-primary kit-button-small"
                  onClick={() => setOpen({ kind: 'export', awards: chosen })}
                >
                  {s.exportSelected}
                </button>
                <button
                  type="button"
                  className="button button-ghost kit-button-small"
                  onClick={() => setSelected(new Set())}
                >
                  {s.clearSelection}
                </button>
              </div>
            )}
          </div>
          <div className="aw-body">
            <div className="aw-table-wrap">
              {awards && awards.length > 0 ? (
                <AwardsTable
                  awards={awards}
                  selected={selected}
                  onSelected={setSelected}
                  current={current?.credentialId ?? null}
                  onCurrent={setCurrentId}
                />
              ) : (
                awards && <p className="aw-no-match muted">{s.noMatch}</p>
              )}
            </div>
            {current ? (
              <AwardPreview
                key={current.credentialId}
                award={current}
                paper={data.paper}
                printing={printing}
                onExport={() => setOpen({ kind: 'export', awards: [current] })}
                onPrint={() => void print(current)}
                onRevoke={() => setOpen({ kind: 'revoke', award: current })}
                onReissue={() => setOpen({ kind: 'reissue', award: current })}
              />
            ) : (
              <div className="aw-preview aw-preview-empty muted">{s.noneChosen}</div>
            )}
          </div>
        </>
      )}

      {open?.kind === 'export' && (
        <ExportDialog awards={open.awards} paper={data.paper} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'revoke' && (
        <RevokeDialog award={open.award} onDone={changed(s.revoke.done)} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'reissue' && (
        <ReissueDialog award={open.award} onDone={changed(s.reissue.done)} onClose={() => setOpen(null)} />
      )}
      <Toast toast={toast.toast} onDismiss={toast.dismiss} onHold={toast.hold} />
    </section>
  );
}

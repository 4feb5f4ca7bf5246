// A criterion's comment: the text, its anchors into the evidence, and the comment-bank and anchor actions.
import { memo, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Anchor, BankEntry, CriterionComment } from '../../shared/domain/review.js';
import { t } from '../strings/en.js';
import { Icon } from '../ui/Icon.js';
import { BankPopover } from './BankPopover.js';
import { clock, insertAt, sameAnchor, shorten } from './draft-model.js';
import { useActions } from './review-context.js';

export interface CommentBoxProps {
  criterionId: string;
  criterionName: string;
  index: number;
  comment: CriterionComment;
  disabled: boolean;
  bankOpen: boolean;
}

/** "p. 4 · “driving question…”", "03:12", or the artifact's name when the anchor is the whole file. */
function chipText(anchor: Anchor, name: string | undefined): string {
  const parts: string[] = [];
  if (anchor.page !== undefined) parts.push(t.review.anchors.page(anchor.page));
  if (anchor.timeSeconds !== undefined) parts.push(clock(anchor.timeSeconds));
  if (anchor.quote) parts.push(`“${shorten(anchor.quote, 32)}”`);
  return parts.length > 0 ? parts.join(' · ') : (name ?? t.review.anchors.evidence);
}

function chipLabel(anchor: Anchor, name: string | undefined): string {
  const where = [name ?? t.review.anchors.evidence];
  if (anchor.page !== undefined) where.push(t.review.anchors.pageLong(anchor.page));
  if (anchor.timeSeconds !== undefined) where.push(t.review.anchors.at(clock(anchor.timeSeconds)));
  return t.review.anchors.jump(`${where.join(', ')}${anchor.quote ? `: ${shorten(anchor.quote, 80)}` : ''}`);
}

export const CommentBox = memo(function CommentBox({
  criterionId,
  criterionName,
  index,
  comment,
  disabled,
  bankOpen,
}: CommentBoxProps) {
  const actions = useActions();
  const id = useId();
  const box = useRef<HTMLTextAreaElement | null>(null);
  const selection = useRef<[number, number]>([comment.text.length, comment.text.length]);
  const [hint, setHint] = useState<string | null>(null);

  const update = (fn: (c: CriterionComment) => CriterionComment) => actions.setComment(criterionId, fn);

  const insert = (entry: BankEntry) => {
    const [start, end] = selection.current;
    const result = insertAt(
      comment.text,
      entry.text,
      Math.min(start, comment.text.length),
      Math.min(end, comment.text.length),
    );
    update((c) => ({
      ...c,
      text: result.text,
      bankIds: c.bankIds.includes(entry.id) ? c.bankIds : [...c.bankIds, entry.id],
    }));
    actions.openBank(null);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(result.caret, result.caret);
    });
  };

  const anchor = () => {
    setHint(actions.anchorHere(criterionId) ? null : t.review.anchors.nothingOpen);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && (e.key === ' ' || e.code === 'Space')) {
      e.preventDefault();
      actions.openBank(criterionId);
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      // Back from writing to moving through the rubric.
      e.preventDefault();
      actions.focusCriterion(index);
    }
  };

  const remember = () => {
    const el = box.current;
    if (el) selection.current = [el.selectionStart, el.selectionEnd];
  };

  return (
    <div className="comment">
      <label htmlFor={`${id}-text`} className="comment-label">
        {t.review.comment.label}
        <span className="sr-only"> {t.review.comment.on(criterionName)}</span>
      </label>
      <textarea
        ref={(el) => {
          box.current = el;
          actions.registerComment(criterionId, el);
        }}
        id={`${id}-text`}
        className="input textarea comment-text"
        value={comment.text}
        disabled={disabled}
        placeholder={disabled ? undefined : t.review.comment.placeholder}
        aria-describedby={`${id}-help`}
        rows={2}
        onChange={(e) => update((c) => ({ ...c, text: e.target.value }))}
        onSelect={remember}
        onKeyUp={remember}
        onKeyDown={onKeyDown}
        onBlur={() => {
          remember();
          actions.flush();
        }}
      />
      <span id={`${id}-help`} className="sr-only">
        {t.review.comment.help}
      </span>
      {comment.anchors.length > 0 && (
        <ul className="anchors" aria-label={t.review.anchors.listLabel}>
          {comment.anchors.map((a, i) => {
            const name = actions.artifactName(a.artifactId);
            return (
              <li key={`${a.artifactId}-${a.page ?? ''}-${a.timeSeconds ?? ''}-${i}`} className="anchor-chip">
                <button
                  type="button"
                  className="anchor-go"
                  aria-label={chipLabel(a, name)}
                  title={name}
                  onClick={() => actions.jumpTo(a)}
                >
                  {a.timeSeconds !== undefined && <Icon name="clock" size={13} />}
                  {chipText(a, name)}
                </button>
                {!disabled && (
                  <button
                    type="button"
                    className="anchor-remove"
                    aria-label={t.review.anchors.remove(chipText(a, name))}
                    onClick={() => update((c) => ({ ...c, anchors: c.anchors.filter((x) => !sameAnchor(x, a)) }))}
                  >
                    <Icon name="close" size={12} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!disabled && (
        <div className="comment-tools">
          <button
            type="button"
            className="button button-quiet button-small"
            aria-expanded={bankOpen}
            aria-keyshortcuts="Control+Shift+Space"
            onClick={() => actions.openBank(bankOpen ? null : criterionId)}
          >
            {t.review.bank.insert}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            disabled={comment.text.trim() === ''}
            onClick={() => actions.saveToBank(criterionId, comment.text.trim())}
          >
            {t.review.bank.saveAs}
          </button>
          <button type="button" className="button button-quiet button-small" aria-keyshortcuts="A" onClick={anchor}>
            {t.review.anchors.add}
          </button>
          <span className="comment-hint" role="status">
            {hint}
          </span>
        </div>
      )}
      {bankOpen && !disabled && (
        <BankPopover
          criterionId={criterionId}
          onInsert={insert}
          onManage={() => actions.manageBank(criterionId)}
          onClose={(restore) => {
            actions.openBank(null);
            if (restore) requestAnimationFrame(() => box.current?.focus());
          }}
        />
      )}
    </div>
  );
});

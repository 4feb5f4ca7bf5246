// The rubric editor's lists (sections, criteria, levels): the card a list sits in, and a row's move buttons.
import type { ReactNode } from 'react';
import { Icon } from '../../ui/Icon.js';

/**
 * A titled card over a list, with the button that adds to it; an error about the list as a whole (none, too many)
 * shows under the head, and `footer` after the add button.
 */
export function ListCard({
  titleId,
  title,
  hint,
  errorPath,
  error,
  addLabel,
  onAdd,
  disabled,
  children,
  footer,
}: {
  titleId: string;
  title: string;
  hint: string;
  /** The data-path the save summary's "Go to" looks for. */
  errorPath: string;
  error: string | undefined;
  addLabel: string;
  onAdd: () => void;
  disabled: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section className="lib-card" aria-labelledby={titleId}>
      <div className="lib-card-head">
        <h2 id={titleId} className="lib-card-title">
          {title}
        </h2>
        <p className="kit-hint">{hint}</p>
      </div>
      {error && (
        <p className="kit-error" data-path={errorPath} tabIndex={-1}>
          {error}
        </p>
      )}
      {children}
      <div>
        <button type="button" className="button" onClick={onAdd} disabled={disabled}>
          <Icon name="plus" size={15} />
          {addLabel}
        </button>
      </div>
      {footer}
    </section>
  );
}

/** Up and down for row `index` of `count`; `path` names the row for focus after a move (data-move). */
export function MoveButtons({
  path,
  index,
  count,
  upLabel,
  downLabel,
  onMove,
  disabled,
}: {
  path: string;
  index: number;
  count: number;
  upLabel: string;
  downLabel: string;
  onMove: (to: number) => void;
  disabled: boolean;
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button kit-icon-button"
        data-move={`${path}up`}
        aria-label={upLabel}
        onClick={() => onMove(index - 1)}
        disabled={disabled || index === 0}
      >
        <Icon name="chevronUp" size={16} />
      </button>
      <button
        type="button"
        className="icon-button kit-icon-button"
        data-move={`${path}down`}
        aria-label={downLabel}
        onClick={() => onMove(index + 1)}
        disabled={disabled || index === count - 1}
      >
        <Icon name="chevronDown" size={16} />
      </button>
    </>
  );
}

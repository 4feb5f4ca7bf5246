// The keyboard shortcut sheet (?): the shortcuts that work anywhere, those of the screen in view (the queue or
// the review workspace), and the switch for single-key shortcuts.
import { Fragment } from 'react';
import { t } from '../strings/en.js';
import { Dialog } from '../ui/Dialog.js';
import { Switch } from '../ui/Switch.js';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.userAgent);
const MOD = isMac ? '⌘' : 'Ctrl';
const ALT = isMac ? '⌥' : 'Alt';

type Keys = string[][];

export interface ShortcutGroup {
  group: string;
  rows: { keys: Keys; what: string; single?: boolean }[];
}

/** Go to the queue and focus its grid, from any screen (Alt+Q; by code, as Option+Q types "œ" on a Mac). */
export const FOCUS_QUEUE_KEY = { alt: true, code: 'KeyQ', aria: 'Alt+Q' } as const;

/** Shortcuts that work on every screen (App listens for them). */
export const GLOBAL_SHORTCUTS: ShortcutGroup = {
  group: t.review.keys.groups.anywhere,
  rows: [
    { keys: [[ALT, 'Q']], what: t.review.keys.focusQueue },
    { keys: [[MOD, 'O']], what: t.review.keys.importPackage },
    { keys: [['?']], what: t.review.keys.sheet, single: true },
  ],
};

/** The queue grid's own keys (it has focus). */
export const QUEUE_SHORTCUTS: ShortcutGroup = {
  group: t.review.keys.groups.queue,
  rows: [
    { keys: [['↓'], ['↑'], ['PgDn'], ['PgUp']], what: t.review.keys.queueMove },
    { keys: [['Home'], ['End']], what: t.review.keys.queueEnds },
    { keys: [['Enter']], what: t.review.keys.queueOpen },
  ],
};

/** Each row: alternatives (outer) of key combinations (inner), and what they do. */
export const SHORTCUTS: ShortcutGroup[] = [
  GLOBAL_SHORTCUTS,
  {
    group: t.review.keys.groups.rubric,
    rows: [
      { keys: [['J'], ['↓']], what: t.review.keys.nextCriterion, single: true },
      { keys: [['K'], ['↑']], what: t.review.keys.previousCriterion, single: true },
      { keys: [['1–9']], what: t.review.keys.level, single: true },
      { keys: [['←'], ['→']], what: t.review.keys.levelArrows },
      { keys: [['C']], what: t.review.keys.comment, single: true },
      { keys: [['Esc']], what: t.review.keys.leaveComment },
      { keys: [['F']], what: t.review.keys.feedback, single: true },
    ],
  },
  {
    group: t.review.keys.groups.comments,
    rows: [
      { keys: [[MOD, 'Shift', 'Space'], ['B']], what: t.review.keys.bank },
      { keys: [['A']], what: t.review.keys.anchor, single: true },
    ],
  },
  {
    group: t.review.keys.groups.moving,
    rows: [
      { keys: [[']'], ['[']], what: t.review.keys.submissions, single: true },
      { keys: [['U']], what: t.review.keys.queue, single: true },
      { keys: [[ALT, '1']], what: t.review.keys.evidence },
      { keys: [[ALT, '2']], what: t.review.keys.rubric },
      { keys: [['F6'], ['Shift', 'F6']], what: t.review.keys.cycle },
    ],
  },
  {
    group: t.review.keys.groups.deciding,
    rows: [
      { keys: [[MOD, 'Enter']], what: t.review.keys.submit },
      { keys: [[MOD, 'S']], what: t.review.keys.save },
    ],
  },
];

function KeyCombo({ combo }: { combo: string[] }) {
  return (
    <span className="combo">
      {combo.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <span aria-hidden="true">+</span>}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

export function ShortcutSheet({
  groups = SHORTCUTS,
  singleKeys,
  onSingleKeys,
  onClose,
}: {
  /** What to list; the review workspace's shortcuts unless the screen in view has others. */
  groups?: readonly ShortcutGroup[];
  singleKeys: boolean;
  onSingleKeys: (on: boolean) => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      title={t.review.keys.title}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          {t.review.common.close}
        </button>
      }
    >
      <div className="sheet">
        {groups.map((g) => (
          <table key={g.group} className="sheet-group">
            <caption>{g.group}</caption>
            <tbody>
              {g.rows.map((row) => (
                <tr key={row.what} className={row.single && !singleKeys ? 'is-off' : undefined}>
                  <th scope="row">
                    {row.keys.map((combo, i) => (
                      <Fragment key={combo.join('+')}>
                        {i > 0 && <span className="muted"> {t.review.keys.or} </span>}
                        <KeyCombo combo={combo} />
                      </Fragment>
                    ))}
                  </th>
                  <td>{row.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <Switch
        className="sheet-switch"
        checked={singleKeys}
        describedBy="single-keys-hint"
        onToggle={() => onSingleKeys(!singleKeys)}
      >
        {t.review.keys.singleKeys}
      </Switch>
      <p id="single-keys-hint" className="muted small">
        {t.review.keys.singleKeysHint}
      </p>
    </Dialog>
  );
}

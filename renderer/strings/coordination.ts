// Every word of the Coordination screen (the coordinator's: packages of the panel, agreement, drift, throughput,
// second reading, adjudication, the final package) and of its charts; en.ts re-exports it beside the rest.
import { percent } from './quality.js';

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A signed deviation in levels, with its sign: "−0.50", "+0.25", "0.00". */
export const levelsSigned = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  if (r === 0) return '0.00';
  return `${r < 0 ? '−' : '+'}${Math.abs(r).toFixed(2)}`;
};

/** A number with up to `digits` decimals, in English. */
export const decimal = (v: number, digits = 2): string =>
  v.toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: digits });

export const coordination = {
  nav: 'Coordination',
  title: 'Coordination',
  subtitle:
    'Bring the panel’s signed results packages together: agreement, drift and throughput per assessor, second readings, adjudication and the one final package.',
  loading: 'Loading the coordination…',
  loadFailed: 'The coordination could not be loaded.',
  retry: 'Try again',
  open: 'Open a package…',
  opening: 'Opening…',
  stopOpening: 'Stop opening the packages (nothing of them is kept)',
  openProgress: {
    starting: 'Reading the packages…',
    progress: (done: number, total: number) => `Checked ${done} of ${total} packages`,
    progressLabel: 'Packages checked',
  },
  openFailed: 'The package could not be opened.',
  empty: {
    title: 'Nothing opened yet',
    body: 'Open the round’s review package first, then each assessor’s signed results package (a folder or a .zip), or drop them on the window, several at once. Every package is verified before anything in it is used.',
  },
  drop: {
    overlay: 'Drop packages to open them in the coordination',
    hint: 'The round’s review package and the assessors’ signed results packages: folders or .zip files, several at once',
    noPath: 'Assay could not tell where the dropped items are on disk. Use “Open a package…” to choose them instead.',
  },
  packages: {
    heading: 'Packages',
    caption: 'Packages opened in this coordination',
    refusedHeading: 'Refused',
    refused: (label: string, reason: string) => `${label} was refused: ${reason}`,
    nothingOpened: 'Nothing was opened: a package that is refused leaves the coordination as it was.',
    opened: (labels: string[]) => `Opened and verified: ${labels.join(', ')}.`,
    alreadyOpen: (label: string, reason: string) => `${label} is already open (${reason}); left as it is.`,
    col: {
      pkg: 'Package',
      kind: 'Kind',
      assessor: 'Assessor',
      decisions: 'Decisions',
      seeds: 'Seeds',
      signer: 'Signed by',
      state: 'Check',
    },
    kind: { first: 'Results', 'second-reading': 'Second readings', review: 'Review package of the round' },
    verified: 'Verified',
    trusted: (who: string) => `Verified; trusted as ${who}`,
    untrusted: 'Verified; signer not known to this store',
    summary: (review: number, results: number, second: number) =>
      `${count(review + results + second, 'package', 'packages')} opened and verified: ${count(review, 'review package', 'review packages')} of the round, ${count(results, 'results package', 'results packages')}, ${count(second, 'package', 'packages')} of second readings. Show the list`,
    reviewPackage: (issuer: string, submissions: number) =>
      `${issuer}: ${count(submissions, 'submission', 'submissions')}`,
  },
  flags: {
    heading: 'Flags',
    none: 'No flags: every assessor is within the thresholds.',
    thresholds: (qwk: number, exact: number, from: string, sd: number, dev: number, window: number) =>
      `Flagged when QWK is below ${decimal(qwk)}, exact agreement below ${percent(exact)} (${from}), or the mean deviation beyond ±${decimal(dev)} level, each with its whole 95 % interval beyond the limit (so chance alone in a few items does not flag), or when the not-yet rate is beyond ${decimal(sd, 1)} standard deviations of the rest of the panel's. Drift uses a rolling window of ${count(window, 'item', 'items')}.`,
    kind: {
      qwk: 'Low QWK',
      exact: 'Low exact agreement',
      'not-yet-rate': 'Unusual not-yet rate',
      deviation: 'Severe or lenient',
    },
  },
  overview: {
    heading: 'Panel overview',
    assessorsCaption: 'Assessors: decisions, agreement and throughput',
    criteriaCaption: 'Agreement per assessor and criterion (from seeds and second readings)',
    measuresFailed: 'The agreement per assessor and criterion could not be loaded.',
    filterLabel: 'Show criteria of',
    allAssessors: 'Every assessor',
    flaggedAssessors: (n: number) => `Flagged assessors (${n.toLocaleString('en')})`,
    showingFlagged: (n: number, total: number) =>
      `Showing the ${count(n, 'flagged assessor', 'flagged assessors')} of ${total.toLocaleString('en')}; choose “Every assessor” to see them all.`,
    col: {
      assessor: 'Assessor',
      criterion: 'Criterion',
      decisions: 'Decisions',
      notYet: 'Not-yet rate',
      n: 'n',
      exact: 'Exact agreement',
      qwk: 'QWK',
      deviation: 'Mean deviation (levels)',
      perDay: 'Reviews per day',
      minutes: 'Median active minutes',
      byDue: 'Decided by the due date',
      flags: 'Flags',
    },
    noFlags: 'None',
    notEnough: (n: number) => `not enough items (n = ${n.toLocaleString('en')})`,
    noVariation: (n: number) => `no variation (n = ${n.toLocaleString('en')})`,
    none: '—',
    criterionName: (achievement: string, criterion: string, several: boolean) =>
      several ? `${achievement}: ${criterion}` : criterion,
    lean: (v: number) => (Math.abs(v) < 0.005 ? 'on the reference' : v < 0 ? 'severe' : 'lenient'),
  },
  charts: {
    heading: 'Charts',
    agreement: {
      title: 'Exact agreement per criterion',
      axis: 'Exact agreement',
      threshold: (v: number) => `threshold ${percent(v)}`,
      /** `allAt`: the one value every criterion has, when they all have the same. */
      summary: (
        count: number,
        low: string | null,
        high: string | null,
        allAt: string | null,
        threshold: number,
        below: number,
      ) =>
        count === 0
          ? 'No criterion has measured items yet.'
          : `Exact agreement of the panel on ${count === 1 ? 'one criterion' : `${count} criteria`}${
              count === 1 ? `: ${low}` : allAt ? `, each ${allAt}` : `, lowest ${low}, highest ${high}`
            }. ${below === 0 ? 'None is' : below === 1 ? 'One is' : `${below} are`} below the threshold of ${percent(threshold)}.`,
      col: { criterion: 'Criterion', exact: 'Exact agreement', adjacent: 'Adjacent agreement', qwk: 'QWK', n: 'n' },
    },
    drift: {
      title: 'Drift per assessor',
      measureLabel: 'Measure',
      measures: { deviation: 'Mean deviation (levels)', exact: 'Exact agreement' },
      x: 'Items scored, in time order',
      zero: 'on the reference',
      summary: (
        shown: number,
        total: number,
        window: number,
        measure: 'deviation' | 'exact',
        furthest: string | null,
        value: string | null,
      ) =>
        `${measure === 'deviation' ? 'Mean deviation' : 'Exact agreement'} over a rolling window of ${count(window, 'item', 'items')}, ${
          shown === total
            ? `for ${count(total, 'assessor', 'assessors')}`
            : `for ${shown} of ${total} assessors (flagged first)`
        }.${furthest && value ? ` Furthest from the reference at the end: ${furthest}, ${value}.` : ''}`,
      shownNote: (shown: number, total: number) =>
        `Showing ${shown} of ${total} assessors, flagged first; the table below the overview has every one.`,
      col: {
        assessor: 'Assessor',
        criterion: 'Criterion',
        item: 'Item',
        at: 'Scored',
        items: 'Items in window',
        n: 'Criteria in window',
      },
      linesLabel: 'Lines',
      everyAssessor: 'Each assessor, all criteria',
      perCriterion: (name: string) => `${name}, per criterion`,
      loadingCriteria: 'Loading the drift per criterion…',
      criteriaFailed: 'The drift per criterion could not be loaded.',
      criterionSummary: (
        assessor: string,
        shown: number,
        total: number,
        window: number,
        measure: 'deviation' | 'exact',
        furthest: string | null,
        value: string | null,
      ) =>
        total === 0
          ? `${assessor} has no measured items yet.`
          : `${assessor}: ${measure === 'deviation' ? 'mean deviation' : 'exact agreement'} per criterion over a rolling window of ${count(window, 'item', 'items')}, ${
              shown === total
                ? count(total, 'criterion', 'criteria')
                : `${shown} of ${total} criteria (most items first)`
            }.${furthest && value ? ` Furthest from the reference at the end: ${furthest}, ${value}.` : ''}`,
      criteriaShownNote: (shown: number, total: number) =>
        `Showing ${shown} of ${total} criteria, those with the most items first; the table has these.`,
    },
    throughput: {
      title: 'Reviews per day per assessor',
      axis: 'Reviews per day',
      summary: (count: number, low: string | null, high: string | null, panel: string) =>
        count === 0
          ? 'No reviews yet.'
          : `Reviews per day for ${count === 1 ? 'one assessor' : `${count} assessors`}${
              low && high && low !== high ? `, fewest ${low}, most ${high}` : ''
            }. The panel: ${panel}.`,
      panel: (perDay: string, minutes: string, byDue: string) =>
        `${perDay} reviews a day, median ${minutes} active minutes per review, ${byDue} decided by the due date`,
    },
  },
  chart: {
    numbers: 'Numbers',
    numbersNamed: (title: string) => `Numbers of “${title}” as a table`,
    numbersCaption: (title: string) => `${title}: the numbers`,
    exportNamed: (format: string, title: string) => `Export “${title}” as ${format}`,
    saving: 'Saving…',
    saved: (format: string, name: string) => `${format} saved as ${name}.`,
    saveFailed: (format: string) => `The ${format} could not be saved.`,
    noPicture: 'The chart is not drawn yet.',
    none: '—',
    tooFew: (n: number) => `too few (n = ${n})`,
  },
  rows: {
    showing: (shown: number, total: number) =>
      `Showing the first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')}.`,
    more: (n: number) => `Show ${n.toLocaleString('en')} more`,
    all: (n: number) => `Show all ${n.toLocaleString('en')}`,
    loading: 'Loading more rows…',
    failed: 'The rows could not be loaded.',
  },
  sampling: {
    heading: 'Second reading',
    rulesLegend: 'Sampling rules',
    notYetLast: 'Every not-yet on a last attempt',
    lastAttempt: 'The last attempt allowed',
    nearCut: 'Every decision within one level of the cut on any criterion',
    passShare: 'Random share of the passes (%)',
    passShareHint: 'Drawn from the passes not already chosen.',
    seed: 'Random seed',
    seedHint: 'Leave empty to draw one; it is recorded with the sample so the same sample can be drawn again.',
    draw: 'Draw the sample',
    drawing: 'Drawing…',
    drawFailed: 'The sample could not be drawn.',
    badShare: 'Give a share between 0 and 100.',
    badAttempt: 'Give a whole number from 1.',
    sampleHeading: 'The drawn sample',
    seedShown: (seed: string) => `Seed ${seed}`,
    counts: (items: number, decisions: number, notYet: number, near: number, passes: number, eligible: number) =>
      `${count(items, 'decision', 'decisions')} chosen of ${decisions.toLocaleString('en')}: ${notYet.toLocaleString('en')} not-yet on a last attempt, ${near.toLocaleString('en')} near the cut, ${passes.toLocaleString('en')} random ${passes === 1 ? 'pass' : 'passes'} of ${eligible.toLocaleString('en')}.`,
    drawnAt: (at: string) => `Drawn ${at}`,
    caption: 'Decisions chosen for second reading',
    col: {
      submission: 'Submission',
      decision: 'Decision',
      attempt: 'Attempt',
      first: 'First reader',
      why: 'Why chosen',
    },
    readersLegend: 'Second readers',
    readersHint: 'Each decision goes to one of these, never to its first reader; the first review is left out.',
    exportReadings: 'Export second-reading packages…',
    exporting: 'Exporting…',
    exportFailed: 'The second-reading packages could not be written.',
    noReaders: 'Choose at least one second reader.',
    exported: (n: number) => `${count(n, 'second-reading package', 'second-reading packages')} written.`,
    exportedCaption: 'Second-reading packages written',
    exportCol: { reader: 'Reader', folder: 'Folder', submissions: 'Submissions' },
    importLegend: 'When the readings come back',
    ruleLegend: 'Criteria within one level agree by',
    rule: {
      first: 'The first reader’s level',
      second: 'The second reader’s level',
      lower: 'The lower of the two',
    },
    importReadings: 'Open returned readings…',
    importing: 'Opening…',
    importFailed: 'The returned readings could not be opened.',
    reconciliation: (awaiting: number, agreed: number, toAdjudicate: number, adjudicated: number) =>
      `${awaiting.toLocaleString('en')} awaiting a second reading, ${agreed.toLocaleString('en')} agreed, ${toAdjudicate.toLocaleString('en')} to adjudicate, ${adjudicated.toLocaleString('en')} adjudicated.`,
  },
  adjudication: {
    heading: 'Adjudication',
    none: 'Nothing to adjudicate.',
    caption: 'Decisions waiting for the adjudicator',
    col: { submission: 'Submission', achievement: 'Micro-credential', readers: 'Readers', why: 'Why' },
    open: 'Adjudicate',
    openNamed: (earner: string) => `Adjudicate: ${earner}`,
    itemHeading: (earner: string, achievement: string) => `Adjudicate ${earner}: ${achievement}`,
    readingsCaption: 'Both readings, criterion by criterion, and your level',
    col2: { criterion: 'Criterion', first: 'First reading', second: 'Second reading', yours: 'Your level' },
    reader: (role: 'First' | 'Second', name: string) => `${role} reading: ${name}`,
    decisionOf: (name: string, decision: string) => `${name}: ${decision}`,
    levelFor: (criterion: string) => `Your level for ${criterion}`,
    choose: 'Choose a level',
    apart: (d: number) => (d === 0 ? 'same level' : `${Math.abs(d)} ${Math.abs(d) === 1 ? 'level' : 'levels'} apart`),
    feedback: (name: string) => `${name}’s feedback`,
    noFeedback: 'No feedback written.',
    noComment: 'No comment.',
    decisionLegend: 'Final decision',
    reasons: 'Reasons',
    reasonsHint: 'Kept with the decision, audited and exported in the final package.',
    adjudicator: 'Adjudicator',
    adjudicatorHint: 'Your name, as the final package will give it.',
    record: 'Record the final decision',
    recording: 'Recording…',
    recordFailed: 'The decision could not be recorded.',
    recorded: (earner: string) => `Final decision recorded for ${earner}.`,
    missingLevels: 'Choose a level for every criterion.',
    missingReasons: 'Say why.',
    missingName: 'Give the adjudicator’s name.',
    cancel: 'Back to the queue',
    evidenceHeading: (earner: string) => `What ${earner} submitted`,
    evidenceFrom: (label: string) =>
      `Read from the round’s review package “${label}”; every file matches its SHA-256 in the manifest.`,
    evidenceLoading: 'Reading the evidence from the round’s review package…',
    evidenceFailed: 'The evidence could not be read.',
    evidenceRetry: 'Read the evidence again',
  },
  final: {
    heading: 'Final package',
    body: 'One signed results package naming every reader of every decision, with an award (the signed credential and certificate, on the paper chosen in Settings) for each final pass and none for any other decision.',
    export: 'Export the final package…',
    exporting: 'Exporting…',
    stop: 'Stop exporting the final package',
    failed: 'The final package could not be written.',
    pending: (n: number) => `${count(n, 'decision waits', 'decisions wait')} for adjudication.`,
    done: (decisions: number, readTwice: number, adjudicated: number, readers: number, signedBy: string) =>
      `Written: ${count(decisions, 'decision', 'decisions')} (${readTwice.toLocaleString('en')} read twice, ${adjudicated.toLocaleString('en')} adjudicated), ${count(readers, 'reader', 'readers')} named, signed by ${signedBy}.`,
    where: (dir: string, id: string) => `Package ${id} in ${dir}`,
    awards: (inForce: number, issued: number, kept: number) =>
      `Awards for ${count(inForce, 'final pass', 'final passes')}: ${issued.toLocaleString('en')} issued now, ${kept.toLocaleString('en')} kept from an earlier final package.`,
    revoked: (n: number) =>
      `${count(n, 'award', 'awards')} of an earlier final package no longer stand${n === 1 ? 's' : ''}, revoked in the package’s status list:`,
  },
};

// Every word of the Calibration screen and of the comparison shown after a calibration sample, a seed or a
// second reading is submitted; en.ts re-exports it beside the rest.

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A 0..1 share as a whole percentage. */
export const percent = (share: number): string => `${Math.round(share * 100)} %`;

const levels = (n: number): string => {
  const rounded = Math.round(n * 100) / 100;
  if (rounded === 1) return 'one level';
  return `${rounded.toLocaleString('en', { maximumFractionDigits: 2 })} ${rounded < 1 ? 'of a level' : 'levels'}`;
};

export const quality = {
  nav: 'Calibration',
  /** Mean (own − reference) level index, in words: below 0 severe, above 0 lenient. */
  lean: (deviation: number): string => {
    if (Math.abs(deviation) < 0.005) return 'no lean: on the reference on average';
    return `${levels(Math.abs(deviation))} ${deviation < 0 ? 'severe' : 'lenient'} on average`;
  },
  calibration: {
    title: 'Calibration',
    subtitle:
      'Score these practice samples as you would live work. Their definitive scores are known: after each one you see them beside yours, with why.',
    loading: 'Loading calibration…',
    loadFailed: 'Calibration could not be loaded.',
    retry: 'Try again',
    none: 'No calibration is set for the packages in your library.',
    packageHeading: (id: string) => `Package ${id}`,
    round: (n: number) => `Round ${n.toLocaleString('en')}`,
    required: 'Required before live work',
    advice: 'Advice only: the queue is open either way',
    thresholdsLabel: 'Needed to start live work',
    thresholds: (exact: number, maxNonAdjacent: number) =>
      `At least ${percent(exact)} exact agreement with the definitive levels, and ${
        maxNonAdjacent === 0
          ? 'no criterion more than one level away'
          : `at most ${count(maxNonAdjacent, 'criterion', 'criteria')} more than one level away`
      }.`,
    met: (date: string) => `Calibration met on ${date}. The live queue is open.`,
    metAdvice: (date: string) => `Thresholds met on ${date}.`,
    missingLabel: 'Still missing',
    agreementLabel: 'Agreement so far in this round',
    noAgreement: 'No sample submitted in this round yet.',
    agreementOver: (n: number) => `over ${count(n, 'criterion', 'criteria')}`,
    samplesLabel: (round: number) => `Practice samples, round ${round}`,
    col: { number: 'Sample', achievement: 'Achievement', state: 'State', action: 'Action' },
    state: { 'not-started': 'Not started', draft: 'Draft', submitted: 'Submitted' },
    open: { 'not-started': 'Start', draft: 'Continue', submitted: 'See the comparison' },
    openNamed: (verb: string, n: number, total: number) => `${verb}: practice sample ${n} of ${total}`,
    practiceAgain: 'Practice again…',
    practiceAgainTitle: 'Practice the samples again?',
    practiceAgainBody: (round: number) =>
      `Round ${round} is kept in your record as it is. Round ${round + 1} starts with every sample unscored; the thresholds are measured on the new round.`,
    practiceAgainConfirm: 'Start a new round',
    practiceAgainBusy: 'Starting…',
    practiceAgainFailed: 'A new round could not be started.',
    practiceAgainDone: (round: number) => `Round ${round} started: every sample is unscored again.`,
    toQueue: 'Go to the queue',
  },
  closed: {
    title: 'The queue opens after calibration',
    body: 'Live submissions wait until your calibration reaches the thresholds the issuer set.',
    toCalibration: 'Go to calibration',
    forPackage: (id: string, missing: string) => `Calibration for package ${id}: ${missing}`,
  },
  practice: {
    eyebrow: (n: number, total: number) => `Practice sample ${n} of ${total}`,
    notice:
      'Calibration practice: this sample is never awarded. When you submit, you see the definitive levels and why, beside yours.',
    back: 'Back to calibration',
    backShort: 'Calibration',
    stepsLabel: 'Practice samples',
    previous: 'Previous practice sample',
    next: 'Next practice sample',
  },
  comparison: {
    loading: 'Loading the comparison…',
    failed: 'The comparison with the reference could not be loaded.',
    retry: 'Try again',
    title: {
      calibration: 'Your levels beside the definitive score',
      seed: 'This was a seeded sample',
      'second-reading': 'Your levels beside the first reading',
    },
    seedBody:
      'This submission was a seeded sample: its definitive score is known, and it was placed among your live work to check that scoring stays consistent. Your scores are compared with it below. It is not awarded and does not count as live work.',
    secondBody: (name: string) =>
      `This was a second reading. ${name} read it first; their review was hidden until you submitted yours.`,
    firstReader: 'First reader',
    firstDecided: (name: string, decision: string, date: string) => `${name} decided ${decision} on ${date}.`,
    firstFeedback: 'Their feedback to the earner',
    noFeedback: 'No feedback written.',
    caption: (reference: string) => `Each criterion: your level and ${reference}`,
    definitive: 'the definitive level',
    theirs: (name: string) => `${name}’s level`,
    col: {
      criterion: 'Criterion',
      own: 'Your level',
      reference: { calibration: 'Definitive level', seed: 'Definitive level', 'second-reading': 'First reader' },
      distance: 'Difference',
      why: { calibration: 'Why this level', seed: 'Why this level', 'second-reading': 'Their comment' },
    },
    noComment: 'No comment.',
    distance: (d: number) =>
      d === 0
        ? 'Same level'
        : `${count(Math.abs(d), 'level', 'levels')} ${d < 0 ? 'lower (more severe)' : 'higher (more lenient)'}`,
    decisionsLabel: 'Decisions',
    ownDecision: 'Your decision',
    referenceDecision: {
      calibration: 'Definitive decision',
      seed: 'Definitive decision',
      'second-reading': 'First reader’s decision',
    },
    agreementCaption: 'Agreement with the reference',
    measure: 'Measure',
    thisReview: 'This review',
    soFar: { calibration: 'This round so far', seed: 'Seeds so far', 'second-reading': 'Second readings so far' },
    exact: 'Same level (exact)',
    adjacent: 'Within one level (adjacent)',
    nonAdjacent: 'More than one level apart',
    lean: 'Average lean',
    decisions: 'Same decision',
    ofCriteria: (share: string, k: number, n: number) =>
      `${share} (${k.toLocaleString('en')} of ${n.toLocaleString('en')})`,
    ofReviews: (share: string, n: number) => `${share} of ${count(n, 'review', 'reviews')}`,
    nothing: '—',
    nextSample: 'Next practice sample',
    toCalibration: 'Back to calibration',
  },
};

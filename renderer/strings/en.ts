// Every word the assessor reads, in one typed table, so a translation replaces this file alone.
import type { SubmissionStatus } from '../../shared/domain/queue.js';

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const en = {
  locale: 'en',
  app: {
    name: 'Assay',
    skipToMain: 'Skip to main content',
  },
  nav: {
    label: 'Main',
    queue: 'Queue',
    review: 'Review',
    awards: 'Awards',
    library: 'Library',
    settings: 'Settings',
    about: 'About Assay',
  },
  empty: {
    reviewTitle: 'Review',
    reviewBody: 'Scoring against the rubric arrives with the review workspace. You will read each response, open the evidence beside it and choose a level for every criterion.',
    reviewNoSelection: 'Open a submission from the queue to review it here.',
    reviewSelected: (id: string) => `Selected submission: ${id}`,
    backToQueue: 'Back to the queue',
    awardsTitle: 'Awards',
    awardsBody: 'Signed Open Badges for the submissions you pass will be issued and listed here, ready to export for the issuer.',
    libraryTitle: 'Library',
    libraryBody: 'The achievements and rubrics from your imported packages will be browsable here, with every version you have received.',
    settingsTitle: 'Settings',
    settingsBody: 'Your assessor profile, signing keys and where Assay keeps its data will be set here.',
    comingSoon: 'Coming soon',
  },
  about: {
    title: 'About Assay',
    body: 'Assay helps external assessors review teachers’ micro-credential evidence, score it against the rubric and issue the award.',
    version: (v: string) => `Version ${v}`,
    dataFolder: 'Data folder',
    close: 'Close',
  },
  firstRun: {
    title: 'Welcome to Assay',
    emptyTitle: 'Your queue is empty',
    body: 'Assay is where you review teachers’ micro-credential submissions. Import a review package from the issuer (a folder or a .zip) and its submissions appear here in your queue, ready to score against the rubric.',
    privacy: 'Everything stays on this computer: packages are verified file by file and stored in your data folder.',
    importButton: 'Import package…',
    sampleButton: 'Try the sample package',
    sampleHint: 'The sample holds realistic submissions across several achievements, so you can look around first.',
  },
  importing: {
    button: 'Import package…',
    progressLabel: 'Import progress',
    phase: {
      reading: 'Reading the package…',
      verifying: 'Verifying evidence files…',
      saving: 'Saving to your library…',
      done: 'Finishing…',
    },
    progressDetail: (filesDone: number, filesTotal: number, mbDone: string, mbTotal: string) => `${filesDone} of ${plural(filesTotal, 'file', 'files')} · ${mbDone} of ${mbTotal} MB`,
    starting: 'Starting the import…',
    refusedTitle: 'This package was not imported',
    failedTitle: 'The import did not finish',
    refusedHint: 'Nothing was changed in your queue. Ask the issuer for a corrected package, then import it again.',
    dismiss: 'Dismiss',
    ok: 'OK',
    dropOverlay: 'Drop a review package to import it',
    dropHint: 'A package folder or a .zip file',
    dropNoPath: 'Assay could not tell where the dropped item is on disk. Use “Import package…” to choose it instead.',
    successTitle: 'Import complete',
  },
  queue: {
    title: 'Review queue',
    subtitle: (n: number) => `${plural(n, 'submission', 'submissions')} in your library`,
    statusFilterLabel: 'Filter by status',
    all: 'All',
    overdue: 'Overdue',
    status: {
      pending: 'Pending',
      'in-progress': 'In progress',
      passed: 'Passed',
      'not-yet': 'Not yet',
      recused: 'Recused',
    } satisfies Record<SubmissionStatus, string>,
    searchLabel: 'Search names and responses',
    searchLabelBlind: 'Search responses',
    searchPlaceholder: 'Search names and responses',
    searchPlaceholderBlind: 'Search responses',
    achievementLabel: 'Achievement',
    anyAchievement: 'All achievements',
    attemptLabel: 'Attempt',
    anyAttempt: 'Any attempt',
    firstAttempt: 'First attempt',
    attemptOption: (n: number) => `Resubmission · attempt ${n}`,
    filtersLabel: 'Queue filters',
    clearFilters: 'Clear filters',
    blind: 'Blind review',
    blindHint: 'Hides every earner’s identity while you score',
    blindOnNotice: 'Blind review is on: earner names are hidden and not loaded.',
    tableLabel: 'Submissions',
    tableHelp: 'Use the arrow keys to move between submissions and Enter to open one.',
    col: {
      due: 'Due',
      status: 'Status',
      attempt: 'Attempt',
      earner: 'Earner',
      achievement: 'Achievement',
      submitted: 'Submitted',
    },
    loadingRow: 'Loading…',
    noDueDate: 'No due date',
    overdueTag: 'Overdue',
    resubmission: 'Resubmission',
    attemptNumber: (n: number) => `· attempt ${n}`,
    noMatchesTitle: 'No submissions match',
    noMatchesBody: 'Try another search or clear the filters.',
    results: (n: number) => plural(n, 'submission', 'submissions'),
    loadFailed: 'The queue could not be loaded.',
    retry: 'Try again',
  },
  errors: {
    generic: 'Something went wrong.',
    noBridge: 'This window was opened without its connection to Assay. Close it and start Assay again.',
  },
};

export type Strings = typeof en;

/**
 * The accessor components read (`t.queue.title`, `t.queue.results(n)`). A translation is another
 * object of type `Strings`; choosing it happens here and nowhere else.
 */
export const t: Strings = en;

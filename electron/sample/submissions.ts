// The sample submissions: who the teachers are, what they wrote and what evidence they uploaded.
import type { ChartSpec, PhotoSpec } from './evidence.js';
import type { DocSpec } from './pdf.js';
import type { AchievementKey } from './rubrics.js';
import { STEM_SUBMISSIONS } from './submissions-stem.js';
import { ASSESSMENT_SUBMISSIONS } from './submissions-assessment.js';
import { GLOBAL_SUBMISSIONS } from './submissions-global.js';

export interface PreviousReviewDef {
  /** When the earlier attempt was reviewed, in days before `now`. */
  daysAgo: number;
  /** The level chosen for each criterion, as an index into its levels (0 = lowest), in rubric order. */
  levels: number[];
  comments: string[];
  feedback: string;
}

export interface SubmissionDef {
  /** A stable key from which the submission's id is derived. */
  key: string;
  achievement: AchievementKey;
  attempt: number;
  /** Days before `now` (at least 1) and the UTC time of day, e.g. "16:20". */
  submitted: { daysAgo: number; at: string };
  /** Days after today (negative: overdue); absent for a submission without a due date. */
  dueInDays?: number;
  earner: {
    name: string;
    /** The name as printed in the teacher's PDFs, where the script is not Latin. */
    pdfName?: string;
    email: string;
    organization: string;
  };
  overview: string;
  reflection: string;
  /** PDF evidence; each document is dated `daysBefore` days before submission. */
  docs: (DocSpec & { dateLabel: string; daysBefore: number })[];
  charts?: ChartSpec[];
  photos?: PhotoSpec[];
  videos?: { name: string; id: number }[];
  /** Earlier reviews (attempts 1 .. attempt-1), oldest first. */
  previous?: PreviousReviewDef[];
}

export const SUBMISSIONS: SubmissionDef[] = [...STEM_SUBMISSIONS, ...ASSESSMENT_SUBMISSIONS, ...GLOBAL_SUBMISSIONS];

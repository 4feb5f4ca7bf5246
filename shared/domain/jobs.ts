// The long jobs the main process runs (on worker threads in the app), named as the window names them.
import { z } from 'zod';

export const JOB_KINDS = [
  'awards-issue',
  'awards-export',
  'certificate',
  'results-export',
  'backup',
  'coordination-final',
  'coordination-open',
] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKindName = z.infer<typeof jobKindSchema>;

// Blind review's hand-made redactions and "I can still see who this is" reports, as IPC carries them.
import { z } from 'zod';

/** A box on a page as fractions of the page's width and height, from its top-left corner. */
export const redactionBoxSchema = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().gt(0).max(1),
    h: z.number().gt(0).max(1),
  })
  .refine((b) => b.x + b.w <= 1.000001 && b.y + b.h <= 1.000001, 'the box must lie within the page');
export type RedactionBox = z.infer<typeof redactionBoxSchema>;

export const evidenceRedactionSchema = z.object({
  id: z.number().int(),
  page: z.number().int().min(1),
  box: redactionBoxSchema,
  createdAt: z.string(),
});
export type EvidenceRedaction = z.infer<typeof evidenceRedactionSchema>;

const artifactRef = { submissionId: z.string().min(1), artifactId: z.string().min(1) };

export const redactionsQuerySchema = z.object(artifactRef);

export const addRedactionSchema = z.object({ ...artifactRef, page: z.number().int().min(1), box: redactionBoxSchema });
export type AddRedaction = z.infer<typeof addRedactionSchema>;

export const leakReportInputSchema = z.object({
  ...artifactRef,
  page: z.number().int().min(1).optional(),
  note: z.string().trim().min(1, 'say where you can see who this is').max(5000),
});
export type LeakReportInput = z.input<typeof leakReportInputSchema>;

export const leakReportSchema = z.object({
  artifactId: z.string(),
  page: z.number().int().min(1).optional(),
  note: z.string(),
  reportedAt: z.string(),
});
export type LeakReport = z.infer<typeof leakReportSchema>;

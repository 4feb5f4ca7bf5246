// The one IPC contract between the renderer and the main process: channels, inputs, outputs, events.
import {
  addRedactionSchema,
  evidenceRedactionSchema,
  leakReportInputSchema,
  leakReportSchema,
  redactionsQuerySchema,
} from '../domain/evidence-redaction.js';
import { z } from 'zod';
import type { AssayErrorCode } from '../errors.js';
import { importProgressSchema, importResultSchema } from '../domain/import.js';
import { queuePageSchema, queueQuerySchema, statusCountsSchema } from '../domain/queue-schema.js';
import { bankEntrySchema, draftInputSchema, reviewSchema } from '../domain/review.js';
import { workspaceSchema } from '../domain/workspace.js';
import { achievementSchema } from '../schemas/review-package.js';
import type { Chosen, DropPurpose } from '../domain/choices.js';
import { awardStatusSchema, awardSummarySchema, paperSchema, readyAwardSchema } from '../domain/awards.js';
import { choiceTokenSchema, chosenSchema, dropPurposeSchema, pathPurposeSchema } from '../domain/choices.js';
import { identityPublicSchema, profileInputSchema } from '../domain/identity.js';
import { addSubmissionSchema, libraryAchievementSchema, librarySummarySchema } from '../domain/library.js';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.js';
import { jobKindSchema } from '../domain/jobs.js';
import { calibrationGateSchema, calibrationStatusSchema, comparisonSchema } from '../domain/quality.js';
import {
  adjudicateInputSchema,
  adjudicationEvidenceSchema,
  driftSeriesSchema,
  exportFinalResultSchema,
  exportSecondReadingsResultSchema,
  importSecondReadingsResultSchema,
  openResultSchema,
  measuresOfSchema,
  measuresPageSchema,
  screenOverviewSchema,
  reconcileRuleSchema,
  reconciliationItemSchema,
  adjudicationQueueEntrySchema,
  sampleItemSchema,
  sampleViewSchema,
  samplingRulesSchema,
} from '../coordination/types.js';

const none = z.undefined();

export const achievementSummarySchema = z.object({ id: z.string(), name: z.string(), versions: z.number() });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  /** True until the first package is imported: the queue screen offers the sample package. */
  firstRun: z.boolean(),
});

/**
 * Every channel, named `domain:verb`. The renderer's `Api` type, the preload and the main-process
 * registration are all derived from this table, so a channel cannot exist on one side only.
 */
export const contract = {
  /** One page of the review queue with filters, sort and search; blind hides all earner identity. */
  'queue:list': { input: queueQuerySchema, output: queuePageSchema },
  /** Submissions per status, and how many are overdue. */
  'queue:counts': { input: none, output: statusCountsSchema },
  /** The achievements in the store, for the queue's filter. */
  'queue:achievements': { input: none, output: z.array(achievementSummarySchema) },
  /** Shows the system's open dialog for a package folder or .zip: its token and name, null when cancelled. */
  'import:choose': { input: none, output: chosenSchema.nullable() },
  /** Imports the package the assessor chose (import:choose) or dropped (dialog:confirmDrop); progress arrives as `import:progress`. */
  'import:package': { input: z.object({ token: choiceTokenSchema }), output: importResultSchema },
  /** Writes the built-in sample package to a temporary folder and imports it (first run). */
  'import:sample': { input: none, output: importResultSchema },
  /** Name, version, data folder and whether this is the first run. */
  'app:info': { input: none, output: appInfoSchema },
  /** One submission for review: evidence by section, the rubric it is pinned to, its review and history. Blind leaves out every trace of the earner. */
  'review:open': { input: z.object({ submissionId: z.string().min(1), blind: z.boolean() }), output: workspaceSchema },
  /** Saves the assessor's work as a draft (created on first save); refuses levels outside the pinned rubric. */
  'review:saveDraft': { input: draftInputSchema, output: reviewSchema },
  /** Submits the review after the assessor confirmed: the decision is final, frozen and audited. */
  'review:submit': {
    input: z.object({ submissionId: z.string().min(1), confirmed: z.literal(true) }),
    output: reviewSchema,
  },
  /** "I know this earner": recuses the assessor with a reason; the submission goes back to the issuer. */
  'review:recuse': {
    input: z.object({ submissionId: z.string().min(1), reason: z.string().min(1).max(5000) }),
    output: z.null(),
  },
  /** Blind review: the boxes drawn over this artifact's evidence file (by any assessor of this store). */
  'evidence:redactions': { input: redactionsQuerySchema, output: z.array(evidenceRedactionSchema) },
  /** Blind review: covers a box on a page of an evidence file, for every assessor of this store; audited. */
  'evidence:addRedaction': { input: addRedactionSchema, output: evidenceRedactionSchema },
  /** Blind review: "I can still see who this is", with a note; kept, audited and exported with the results. */
  'evidence:reportLeak': { input: leakReportInputSchema, output: leakReportSchema },
  /** Opens an evidence file with the system's application (for types Assay cannot show). */
  'evidence:openWithSystem': {
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string() }),
    output: z.boolean(),
  },
  /** Saved comments for an achievement (for the whole achievement and per criterion). */
  'bank:list': { input: z.object({ achievementId: z.string().min(1) }), output: z.array(bankEntrySchema) },
  /** Saves a comment for reuse. */
  'bank:add': {
    input: z.object({
      achievementId: z.string().min(1),
      criterionId: z.string().nullable(),
      text: z.string().min(1).max(20_000),
    }),
    output: bankEntrySchema,
  },
  /** How many draft reviews used this saved comment (to offer updating them after an edit). */
  'bank:usage': { input: z.object({ id: z.number().int() }), output: z.object({ drafts: z.number() }) },
  /** Edits a saved comment; with updateDrafts, drafts that used it change too (submitted reviews never). */
  'bank:update': {
    input: z.object({ id: z.number().int(), text: z.string().min(1).max(20_000), updateDrafts: z.boolean() }),
    output: z.object({ entry: bankEntrySchema, draftsUpdated: z.array(z.string()) }),
  },
  /** Deletes a saved comment (reviews that used it keep their text). */
  'bank:remove': { input: z.object({ id: z.number().int() }), output: z.null() },
  /**
   * Shows the system's file dialog for a purpose (open a .p12, a logo, a rubric; save a backup …).
   * The answer is a token for that one use (and the name to show), never the path; null when cancelled.
   * A save dialog may offer `suggestedName` (a bare file name) in place of its own.
   */
  'dialog:choose': {
    input: z.object({
      purpose: pathPurposeSchema,
      suggestedName: z
        .string()
        .min(1)
        .max(120)
        .regex(/^[^/\\\0:]+$/, 'is not a bare file name')
        .optional(),
    }),
    output: chosenSchema.nullable(),
  },
  /**
   * Files dropped on the window (their paths come from the preload's webUtils.getPathForFile): main
   * asks the person to confirm in its own dialog, then answers with tokens; [] when declined.
   */
  'dialog:confirmDrop': {
    input: z.object({ purpose: dropPurposeSchema, paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    output: z.array(chosenSchema),
  },
  /** The issuer identity's public part (profile, certificate); null until one is set up. Keys never cross. */
  'identity:get': { input: none, output: identityPublicSchema.nullable() },
  /** Creates a self-signed issuer identity for a provider running standalone; keys are sealed by the system key store. */
  'identity:create': { input: profileInputSchema, output: identityPublicSchema },
  /** Imports the issuing body's PKCS#12 (.p12/.pfx) chosen with dialog:choose('pkcs12'). */
  'identity:importPkcs12': {
    input: z.object({
      token: choiceTokenSchema,
      passphrase: z.string().max(1024),
      profile: profileInputSchema.partial().optional(),
    }),
    output: identityPublicSchema,
  },
  /** Changes the issuer's name, address, email or logo shown on certificates. */
  'identity:setProfile': { input: profileInputSchema, output: identityPublicSchema },
  /** Passed reviews that have no award yet. */
  'awards:ready': { input: none, output: z.array(readyAwardSchema) },
  /** Issued awards, newest first. */
  'awards:list': {
    input: z.object({ status: awardStatusSchema.optional(), search: z.string().max(200).optional() }),
    output: z.array(awardSummarySchema),
  },
  /** Issues awards (signed credentials) for passed reviews; progress arrives as `awards:progress`. */
  'awards:issue': {
    input: z.object({ submissionIds: z.array(z.string()).min(1).max(10_000) }),
    output: z.object({
      issued: z.array(awardSummarySchema),
      failed: z.array(z.object({ submissionId: z.string(), message: z.string() })),
    }),
  },
  /** Revokes an award; the reason is kept and shown by the verifier. */
  'awards:revoke': {
    input: z.object({ credentialId: z.string(), reason: z.string().min(1).max(2000) }),
    output: awardSummarySchema,
  },
  /** Re-issues an award after a correction (e.g. the earner's name); the old one is kept as superseded. */
  'awards:reissue': {
    input: z.object({ credentialId: z.string(), earnerName: z.string().max(300).optional() }),
    output: awardSummarySchema,
  },
  /** The signed certificate PDF of an award, for the preview. */
  'awards:certificate': {
    input: z.object({ credentialId: z.string(), paper: paperSchema }),
    output: z.instanceof(Uint8Array),
  },
  /** Writes certificate PDFs, credential JSON and baked badge PNGs into a folder; progress arrives as `awards:progress`. */
  'awards:export': {
    input: z.object({
      credentialIds: z.array(z.string()).min(1),
      formats: z.array(z.enum(['pdf', 'json', 'png'])).min(1),
      paper: paperSchema,
      token: choiceTokenSchema,
    }),
    output: z.object({ files: z.number() }),
  },
  /** Sends an award's certificate to the system print dialog. */
  'awards:print': { input: z.object({ credentialId: z.string(), paper: paperSchema }), output: z.boolean() },
  /** The rubric library: the latest version of every achievement. */
  'library:list': { input: none, output: z.array(librarySummarySchema) },
  /** One achievement (a version, or the latest). */
  'library:get': {
    input: z.object({ id: z.string(), versionId: z.number().optional() }),
    output: libraryAchievementSchema,
  },
  /** A new micro-credential to start from. */
  'library:template': { input: z.object({ name: z.string().min(1).max(200) }), output: achievementSchema },
  /** Saves an achievement: a change makes a new version; reviews stay pinned to theirs. Warnings: saved, but not yet usable for decisions (no pass rule). */
  'library:save': {
    input: z.object({ achievement: z.unknown() }),
    output: z.object({
      versionId: z.number(),
      status: z.enum(['created', 'restored', 'unchanged']),
      warnings: z.array(z.string()),
    }),
  },
  /** Reads rubrics from a Canvas rubric CSV or a CASE 1.1 package chosen with dialog:choose('rubric'). */
  'library:importRubrics': {
    input: z.object({ token: choiceTokenSchema }),
    output: z.array(z.object({ achievement: achievementSchema, warnings: z.array(z.string()) })),
  },
  /** Writes an achievement's rubric as a CASE 1.1 package where the person chose (dialog:choose('case-export')). */
  'library:exportCase': { input: z.object({ id: z.string(), token: choiceTokenSchema }), output: z.null() },
  /** Adds a submission by hand, with evidence files dropped or chosen. */
  'library:addSubmission': { input: addSubmissionSchema, output: z.object({ id: z.string() }) },
  /** Writes the signed results package for the issuing body into the folder chosen with dialog:choose('results-folder'). */
  'results:export': {
    input: z.object({ token: choiceTokenSchema }),
    output: z.object({ dir: z.string(), submissions: z.number(), awards: z.number() }),
  },
  /** A consistent backup of the store and evidence, taken while the app runs, to the file chosen with dialog:choose('backup-save'). */
  'backup:create': {
    input: z.object({ token: choiceTokenSchema }),
    output: z.object({ files: z.number(), bytes: z.number() }),
  },
  /** Restores the backup chosen with dialog:choose('backup-open') (checked before anything is replaced), then restarts Assay. */
  'backup:restore': { input: z.object({ token: choiceTokenSchema }), output: z.null() },
  /** The assessor's settings. */
  'settings:get': { input: none, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  /** Asks the running long job of this kind to stop at its next safe point; false when none runs. */
  'jobs:cancel': { input: z.object({ kind: jobKindSchema }), output: z.boolean() },
  /** Opens an http(s) address in the system browser after the assessor confirms; false if declined. */
  'app:openExternal': { input: z.object({ url: z.url() }), output: z.boolean() },
  /** Calibration per package (round, samples, agreement, what is missing) and whether the live queue is open. */
  'quality:gate': { input: none, output: calibrationGateSchema },
  /** Archives this round of calibration practice and starts the next (the samples are scored again); audited. */
  'quality:practiceAgain': { input: z.object({ packageId: z.string().min(1) }), output: calibrationStatusSchema },
  /** A submitted review of a calibration sample, seed or second reading beside its reference; null for anything else (live work, or not yet submitted). */
  'quality:comparison': { input: z.object({ submissionId: z.string().min(1) }), output: comparisonSchema.nullable() },
  /**
   * The coordinator opens packages chosen with dialog:choose('coordination-package') or dropped: the round's
   * review packages and the panel's signed results packages. Each is verified first; when any is refused
   * (tampered, from another round …) nothing is opened and every refusal is named.
   */
  'coordination:open': {
    input: z.object({ tokens: z.array(choiceTokenSchema).min(1).max(1000) }),
    output: openResultSchema,
  },
  /**
   * Assessors, agreement per assessor × criterion, drift, flags, throughput and reconciliation; null before anything
   * is opened; as the screen draws it (shared/coordination/screen-overview.ts).
   */
  'coordination:overview': { input: none, output: screenOverviewSchema.nullable() },
  /** A page of the assessor × criterion measures: every assessor's, the flagged ones', or one's (none before an open). */
  'coordination:measures': {
    input: z.object({
      of: measuresOfSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(100_000),
    }),
    output: measuresPageSchema,
  },
  /** One assessor's drift lines per criterion (rolling window of 20 items). */
  'coordination:drift': { input: z.object({ assessorId: z.string().min(1) }), output: z.array(driftSeriesSchema) },
  /** Draws a sample for second reading by the rules; the seed (given or drawn) is recorded so it can be drawn again. */
  'coordination:sample': { input: samplingRulesSchema, output: sampleViewSchema },
  /** The newest sample drawn with its first items (null before any sample); the screen shows this one. */
  'coordination:latestSample': { input: none, output: sampleViewSchema.nullable() },
  /** More of a sample's items, in the order drawn: `limit` from `offset`. */
  'coordination:sampleItems': {
    input: z.object({
      sampleId: z.string().min(1),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(100_000),
    }),
    output: z.array(sampleItemSchema),
  },
  /**
   * Writes one second-reading review package per chosen reader into the folder chosen with
   * dialog:choose('second-readings-folder'): never to a decision's first reader, without the first review.
   */
  'coordination:exportSecondReadings': {
    input: z.object({
      sampleId: z.string().min(1),
      readers: z.array(z.string().min(1)).min(1).max(1000),
      token: choiceTokenSchema,
    }),
    output: exportSecondReadingsResultSchema,
  },
  /** Opens the second readers' results packages (verified first, all or nothing) and reconciles by the rule. */
  'coordination:importSecondReadings': {
    input: z.object({ tokens: z.array(choiceTokenSchema).min(1).max(1000), rule: reconcileRuleSchema }),
    output: importSecondReadingsResultSchema,
  },
  /** Every sampled decision with its readings and state. */
  'coordination:reconciliation': { input: none, output: z.array(reconciliationItemSchema) },
  /** Split decisions and non-adjacent gaps waiting for the adjudicator, both readings side by side. */
  'coordination:adjudicationQueue': { input: none, output: z.array(adjudicationQueueEntrySchema) },
  /** One decision sent for second reading, with both readings and every criterion's levels (opened from the queue). */
  'coordination:reconciliationItem': {
    input: z.object({ submissionId: z.string().min(1) }),
    output: reconciliationItemSchema,
  },
  /** The adjudicator's decision with levels and reasons: final and audited. */
  'coordination:adjudicate': { input: adjudicateInputSchema, output: reconciliationItemSchema },
  /**
   * A queued decision's evidence (overview, reflection, work examples) read from the round's review package, every
   * file checked against its SHA-256; files are then served as evidence/<sha256>. A package or file that is gone
   * or changed is refused by name.
   */
  'coordination:adjudicationEvidence': {
    input: z.object({ submissionId: z.string().min(1) }),
    output: adjudicationEvidenceSchema,
  },
  /** Writes the one signed final results package, naming every reader of every decision, into the folder chosen with dialog:choose('results-folder'). */
  'coordination:exportFinal': { input: z.object({ token: choiceTokenSchema }), output: exportFinalResultSchema },
  /** Writes a Coordination chart as PNG or its numbers as CSV into the file chosen with dialog:choose('chart-png' / 'chart-csv'). */
  'charts:save': {
    input: z.object({
      token: choiceTokenSchema,
      format: z.enum(['png', 'csv']),
      bytes: z.instanceof(Uint8Array).refine((b) => b.length <= 32 * 1024 * 1024, 'is larger than 32 MB'),
    }),
    output: z.object({ bytes: z.number().int().min(0) }),
  },
} as const;

/** Events the main process sends to the renderer. */
export const events = {
  'import:progress': importProgressSchema,
  /** The application menu asked for something the renderer shows (e.g. File > Import package…). */
  'menu:command': z.enum(['import', 'about']),
  /** A batch of awards being issued or exported. */
  'awards:progress': z.object({ done: z.number(), total: z.number() }),
  /** Packages being opened into the coordination: how many of them are checked. */
  'coordination:progress': z.object({ done: z.number(), total: z.number() }),
} as const;

export type Contract = typeof contract;
export interface DroppedFiles {
  files: Chosen[];
  withoutPath: number;
}
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The dispatcher's own answers: a channel that does not exist, input it refused, a sender it refused, a failure it hides. */
export type DispatchErrorCode = 'unknown-channel' | 'bad-input' | 'forbidden' | 'internal';
/** Every code an IPC call can fail with: an AssayError's, or the dispatcher's own. */
export type IpcErrorCode = AssayErrorCode | DispatchErrorCode;

export interface IpcError {
  code: IpcErrorCode;
  /** A sentence an assessor can act on. */
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the renderer calls: one method per channel (input omitted where there is none). */
export type Api = {
  [C in Channel]: ChannelInput<C> extends undefined
    ? () => Promise<IpcResult<ChannelOutput<C>>>
    : (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Files dropped on the window for a purpose: the preload reads their paths (Electron's webUtils) and
   * hands them to main (dialog:confirmDrop), which asks the person; the page gets tokens, never paths.
   * `withoutPath` counts files that did not come from the disk.
   */
  dropFiles(files: readonly Blob[], purpose: DropPurpose): Promise<IpcResult<DroppedFiles>>;
};

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

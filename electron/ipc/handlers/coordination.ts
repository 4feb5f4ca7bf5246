// coordination:* — the coordinator's work over the panel's packages (electron/coordination), paths as tokens.
import { measuresPage, screenOverview } from '../../../shared/coordination/screen-overview.js';
import type { DomainHandlers, HandlerContext } from './context.js';

/** A sample's items sent with it to the screen, which draws this many at a time (renderer/coordination/useRowLimit). */
const SAMPLE_PAGE = 200;

export function coordinationHandlers({ services: s, choices, emit }: HandlerContext): DomainHandlers<'coordination'> {
  // The coordination code loads on first use: an assessor who never coordinates never loads it.
  const c = () => s.coordination();
  const onProgress = (p: { done: number; total: number }) => emit('coordination:progress', p);
  return {
    'coordination:open': ({ tokens }) =>
      choices.use(tokens, 'coordination-package', async (chosen) =>
        (await c()).open(
          chosen.map((x) => x.path),
          { onProgress },
        ),
      ),
    'coordination:overview': async () => {
      const overview = (await c()).overview();
      return overview && screenOverview(overview);
    },
    'coordination:measures': async ({ of, offset, limit }) => {
      const overview = (await c()).overview();
      return overview ? measuresPage(overview, of, offset, limit) : { rows: [], total: 0 };
    },
    'coordination:drift': async ({ assessorId }) => (await c()).drift(assessorId),
    'coordination:sample': async (rules) => {
      const { items, ...sample } = (await c()).sample(rules);
      return { ...sample, itemCount: items.length, items: items.slice(0, SAMPLE_PAGE) };
    },
    'coordination:latestSample': async () => (await c()).latestSample(SAMPLE_PAGE),
    'coordination:sampleItems': async ({ sampleId, offset, limit }) => (await c()).sampleItems(sampleId, offset, limit),
    'coordination:exportSecondReadings': ({ sampleId, readers, token }) =>
      choices.useOne(token, 'second-readings-folder', async (folder) =>
        (await c()).exportSecondReadings(sampleId, readers, folder),
      ),
    'coordination:importSecondReadings': ({ tokens, rule }) =>
      choices.use(tokens, 'coordination-package', async (chosen) =>
        (await c()).importSecondReadings(
          chosen.map((x) => x.path),
          rule,
          { onProgress },
        ),
      ),
    'coordination:reconciliation': async () => (await c()).reconciliation(),
    'coordination:adjudicationQueue': async () => (await c()).adjudicationQueueEntries(),
    'coordination:reconciliationItem': async ({ submissionId }) => (await c()).reconciliationItem(submissionId),
    'coordination:adjudicate': async (input) => (await c()).adjudicate(input),
    'coordination:adjudicationEvidence': async ({ submissionId }) => (await c()).adjudicationEvidence(submissionId),
    'coordination:exportFinal': ({ token }) =>
      choices.useOne(token, 'results-folder', async (folder) => (await c()).exportFinal(folder)),
  };
}

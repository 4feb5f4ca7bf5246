// coordination:* — the coordinator's work over the panel's packages (electron/coordination), paths as tokens.
import type { DomainHandlers, HandlerContext } from './context.js';

export function coordinationHandlers({ services: s, choices }: HandlerContext): DomainHandlers<'coordination'> {
  // The coordination code loads on first use: an assessor who never coordinates never loads it.
  const c = () => s.coordination();
  return {
    'coordination:open': ({ tokens }) =>
      choices.use(tokens, 'coordination-package', async (chosen) => (await c()).open(chosen.map((x) => x.path))),
    'coordination:overview': async () => (await c()).overview(),
    'coordination:drift': async ({ assessorId }) => (await c()).drift(assessorId),
    'coordination:sample': async (rules) => (await c()).sample(rules),
    'coordination:samples': async () => (await c()).samples(),
    'coordination:exportSecondReadings': ({ sampleId, readers, token }) =>
      choices.useOne(token, 'second-readings-folder', async (folder) =>
        (await c()).exportSecondReadings(sampleId, readers, folder),
      ),
    'coordination:importSecondReadings': ({ tokens, rule }) =>
      choices.use(tokens, 'coordination-package', async (chosen) =>
        (await c()).importSecondReadings(
          chosen.map((x) => x.path),
          rule,
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

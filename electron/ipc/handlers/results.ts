// results:* — the signed results package, into the folder the person chose.
import type { DomainHandlers, HandlerContext } from './context.js';

export function resultsHandlers({ services: s, choices }: HandlerContext): DomainHandlers<'results'> {
  return {
    'results:export': ({ token }) => choices.useOne(token, 'results-folder', (folder) => s.results.export(folder)),
  };
}

// quality:* — calibration before live work, and a submitted review beside its reference.
import type { DomainHandlers, HandlerContext } from './context.js';

export function qualityHandlers({ services: s }: HandlerContext): DomainHandlers<'quality'> {
  return {
    'quality:gate': () => s.quality.gate(),
    'quality:practiceAgain': ({ packageId }) => s.quality.practiceAgain(packageId),
    'quality:comparison': ({ submissionId }) => s.quality.comparison(submissionId),
  };
}

// settings:* — the settings service.
import type { DomainHandlers, HandlerContext } from './context.js';

export function settingsHandlers({ services: s }: HandlerContext): DomainHandlers<'settings'> {
  return {
    'settings:get': () => s.settings.get(),
    'settings:set': (patch) => s.settings.set(patch),
  };
}

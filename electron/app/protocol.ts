// Registers the privileged app:// scheme and hands its requests to protocol-core.
import { protocol } from 'electron';
import { APP_SCHEME, handleAppRequest, type AppProtocolDeps } from './protocol-core.js';

/**
 * Must run before the app is ready. standard: relative URLs and a real origin for 'self' in the CSP;
 * secure: a secure context like https; supportFetchAPI: fetch() of evidence; stream: media can seek.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** After ready: serves app://assay/… from the built renderer and the evidence store. */
export function handleAppProtocol(deps: AppProtocolDeps): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, deps));
}

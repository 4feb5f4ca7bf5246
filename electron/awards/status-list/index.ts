// Public API of revocation by W3C Bitstring Status List v1.0: the store's lists, the signed list, checks.
export * from './bitstring.js';
export * from './credential.js';
export * from './store.js';
export * from './check.js';
export * from './export.js';

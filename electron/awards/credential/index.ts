// Public API of Open Badges 3.0 credentials: build, sign, verify (offline), validate and bake into PNGs.
export * from './keys.js';
export * from './document-loader.js';
export * from './canonize.js';
export * from './data-integrity.js';
export * from './ob3.js';
export * from './credits.js';
export * from './schema.js';
export * from './baked-png.js';

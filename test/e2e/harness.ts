// Runs the built renderer in Debian's Chromium with window.api bound to the real handler table.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { APP_URL, evidenceLookup, handleAppRequest } from '../../electron/app/protocol-core.js';
import { passphraseBox } from '../../electron/awards/identity/index.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers, type Emit, type Platform } from '../../electron/ipc/handlers.js';
import { openServices, type Services } from '../../electron/services.js';
import { channels, type EventName, type EventPayload } from '../../shared/ipc/contract.js';
import type { PathPurpose } from '../../shared/domain/choices.js';

/** The checkout: found by walking up, so this works from test/e2e and when compiled under dist/. */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'assay')
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`No Assay checkout above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');
export const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchOptions {
  /** The data folder the real services open (created if missing). */
  dataDir: string;
  /** Paths the "open" dialog returns, one per `import:choose`, in order; then it is cancelled (null). */
  importPaths?: string[];
  /**
   * Paths for dropped files: keyed by the dropped File's name, or a list keyed by each basename. As
   * in the preload, the page never sees them: they go to main's dialog:confirmDrop, whose "person"
   * here says yes (see setDropAnswer).
   */
  dropPaths?: Record<string, string> | string[];
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Whether to open the page right away (default true); false lets a caller set things up first. */
  open?: boolean;
  /** Serve evidence files at <origin>/evidence/<sha256> from the preview server (default true). */
  evidence?: boolean;
}

export interface App {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  services: Services;
  /** The preview server's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** What the next `import:choose` returns (null: the assessor cancelled), ahead of `importPaths`. */
  setNextImportPath(p: string | null): void;
  /** Sends an event from "main" to the page, as the menu or an import would. */
  emit: Emit;
  /** Tells the drop shim where a dropped file named `name` lives. */
  setDropPath(name: string, p: string): Promise<void>;
  /** Whether the person confirms dropped files in main's dialog (default yes). */
  setDropAnswer(confirm: boolean): void;
  /**
   * What the file dialog for `purpose` (dialog:choose) returns from now on; null: the person cancels.
   * The handler registers it as a token exactly as it does the desktop dialog's answer.
   */
  setChosenPath(purpose: PathPurpose, p: string | null): void;
  /** Opens (or reopens) the app's page. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/** Globals the page-side shim defines; typed here because the root tsconfig has no DOM lib. */
interface ShimGlobals {
  __assayInvoke(channel: string, input: unknown): Promise<unknown>;
  __assayWire(channel: string, input: unknown): Promise<Wire>;
  __assayEmit(event: string, payload: unknown): void;
  __assayDropPaths: Record<string, string>;
  api: unknown;
}

/**
 * Runs in the page before any of its scripts: defines window.api exactly as the preload does (one
 * method per channel, on, dropFiles) but over the Playwright binding instead of Electron IPC.
 * It is serialised into the page, so it may use nothing from this module's scope.
 */
function installShim(arg: { channels: string[]; dropPaths: Record<string, string>; answerPath: string }): void {
  const g = globalThis as unknown as ShimGlobals;
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const api: Record<string, unknown> = {};
  // The answer crosses as JSON text when JSON carries it exactly (see `wire`), else as Playwright serializes it.
  g.__assayInvoke = async (channel, input) => {
    const answer = await g.__assayWire(channel, input);
    if ('json' in answer) return JSON.parse(answer.json) as unknown;
    if ('ticket' in answer) {
      const response = await fetch(`${arg.answerPath}${answer.ticket}`);
      return await response.json();
    }
    return answer.value;
  };
  for (const channel of arg.channels) {
    api[channel] = (input?: unknown) => g.__assayInvoke(channel, input);
  }
  api.on = (event: string, listener: Listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };
  g.__assayDropPaths = { ...arg.dropPaths };
  // As the preload: paths (here looked up by the dropped File's name) go to main, which asks the person.
  api.dropFiles = async (files: { name?: unknown }[], purpose: string) => {
    const list = Array.from(files);
    const paths = list
      .map((f) => (typeof f.name === 'string' ? (g.__assayDropPaths[f.name] ?? null) : null))
      .filter((p): p is string => p !== null);
    const withoutPath = list.length - paths.length;
    if (paths.length === 0) return { ok: true, value: { files: [], withoutPath } };
    const answer = (await g.__assayInvoke('dialog:confirmDrop', { purpose, paths })) as {
      ok: boolean;
      value?: unknown;
    };
    return answer.ok ? { ok: true, value: { files: answer.value, withoutPath } } : answer;
  };
  Object.defineProperty(g, '__assayEmit', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  });
  Object.defineProperty(g, 'api', { value: Object.freeze(api), enumerable: true });
}

type Wire = { json: string } | { ticket: string } | { value: unknown };

/** Answers of at least this many bytes of JSON are fetched over HTTP from the preview server (see `wire`). */
const TICKET_BYTES = 64 * 1024;
const ANSWER_PATH = '/__assay/answer/';
const EVIDENCE_PATH = '/evidence/';

/** Whether JSON gives back exactly this value: only null, booleans, finite numbers (not -0), strings, arrays and plain objects, no undefined. */
function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(plainJson);
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v as Record<string, unknown>).every(plainJson);
}

/**
 * A handler's answer as it crosses to the page. Playwright's own serialization of a binding's result takes about a
 * second for the 1.2 MB coordination overview (a third of one as a string), where Electron's structured clone takes
 * milliseconds. An answer JSON carries exactly goes as one string, or when large as a ticket the page fetches from
 * the preview server (same origin, as the CSP's connect-src allows); anything else (bytes, undefined, a Date) as
 * Playwright serializes it.
 */
function wire(value: unknown, answers: Map<string, string>): Wire {
  if (!plainJson(value)) return { value };
  const json = JSON.stringify(value);
  if (json.length < TICKET_BYTES) return { json };
  const ticket = randomUUID();
  answers.set(ticket, json);
  return { ticket };
}

function dropMap(dropPaths: LaunchOptions['dropPaths']): Record<string, string> {
  if (!dropPaths) return {};
  if (Array.isArray(dropPaths)) return Object.fromEntries(dropPaths.map((p) => [path.basename(p), p]));
  return { ...dropPaths };
}

function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/** What the preview server answers besides the renderer's files (launchApp's). */
interface PreviewExtras {
  /** Large answers of the bridge, each handed out once by its ticket (wire). */
  answers?: Map<string, string>;
  /** The store whose evidence is served at /evidence/<sha256>. */
  evidence?: Services;
}

/**
 * Serves dist/renderer with `vite preview` on a free port of 127.0.0.1; with `extras`, also the bridge's large
 * answers and the evidence. Evidence is served as the app protocol serves app://assay/evidence/<sha256> in the
 * desktop app: the same handler (blobs lookup, media type from the artifacts table, Range → 206) over the real
 * evidence store, answered by the server itself; anything the handler does not know is its 404. (Served through
 * a Playwright route, every range request of a PDF crossed the browser protocol to this process and back, which
 * the review-open benchmark counted as the app's.)
 */
export async function startPreview(extras: PreviewExtras = {}): Promise<{ server: PreviewServer; url: string }> {
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    throw new Error(
      `The renderer is not built: ${path.join(RENDERER_DIST, 'index.html')} is missing. Run "npm run build:renderer" first.`,
    );
  }
  const { answers, evidence } = extras;
  const deps = evidence && { rendererRoot: RENDERER_DIST, lookupEvidence: evidenceLookup(evidence) };
  const server = await preview({
    configFile: false,
    root: RENDERER_DIST,
    base: './',
    logLevel: 'silent',
    build: { outDir: RENDERER_DIST },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    plugins: [
      {
        name: 'assay-harness',
        configurePreviewServer(server) {
          server.middlewares.use((req, res, next) => {
            const url = req.url ?? '';
            if (answers && url.startsWith(ANSWER_PATH)) {
              const ticket = url.slice(ANSWER_PATH.length);
              const json = answers.get(ticket);
              answers.delete(ticket);
              res.statusCode = json === undefined ? 404 : 200;
              res.setHeader('content-type', 'application/json; charset=utf-8');
              res.setHeader('cache-control', 'no-store');
              res.end(json ?? '{"error":"no such answer"}');
              return;
            }
            if (deps && url.startsWith(EVIDENCE_PATH)) {
              const headers = new Headers();
              for (const [name, value] of Object.entries(req.headers))
                if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
              handleAppRequest(
                { url: `${APP_URL}evidence/${url.slice(EVIDENCE_PATH.length)}`, method: req.method ?? 'GET', headers },
                deps,
              ).then(
                async (response) => {
                  res.statusCode = response.status;
                  response.headers.forEach((value, name) => res.setHeader(name, value));
                  if (!response.body || req.method === 'HEAD') {
                    res.end();
                    return;
                  }
                  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
                },
                (err: unknown) => next(err),
              );
              return;
            }
            next();
          });
        },
      },
    ],
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report a TCP address');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export async function launchApp(options: LaunchOptions): Promise<App> {
  const services = openServices(options.dataDir, { jobs: 'worker' });
  const queue = [...(options.importPaths ?? [])];
  let next: { path: string | null } | undefined;
  let page: Page | undefined;
  /** Large answers waiting for the page to fetch them (wire). */
  const answers = new Map<string, string>();

  const chosen = new Map<PathPurpose, string | null>();
  let dropAnswer = true;
  const emit: Emit = (event, payload) => {
    const target = page;
    if (!target || target.isClosed()) return;
    void target
      .evaluate(([e, p]) => (globalThis as unknown as ShimGlobals).__assayEmit(e, p), [event, payload] as [
        EventName,
        EventPayload<EventName>,
      ])
      .catch(() => {
        // The page went away (closed or navigating); an event for it has nobody to tell.
      });
  };
  const platform: Platform = {
    appVersion: appVersion(),
    chooseImportPath: async () => {
      if (next) {
        const chosen = next.path;
        next = undefined;
        return chosen;
      }
      return queue.shift() ?? null;
    },
    confirmDrop: async () => dropAnswer,
    openExternal: async () => false,
    // The harness never hands files to other applications.
    openPath: async () => false,
    admin: {
      choosePath: async (purpose) => chosen.get(purpose) ?? null,
      // Stands in for the OS key store that seals the signing keys in the desktop app.
      secretBox: () => passphraseBox('assay-e2e', { logN: 10 }),
      printPdf: async () => true,
      // No restartAfterRestore: a restore restarts the app, which a browser page cannot; the channel says so.
    },
  };
  const handlers = createHandlers(services, platform, emit);

  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    const served = await startPreview({ answers, ...(options.evidence !== false ? { evidence: services } : {}) });
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
    const p = await context.newPage();
    page = p;
    await p.exposeBinding('__assayWire', async (_source, channel: unknown, input: unknown) =>
      wire(await dispatch(handlers, channel, input), answers),
    );
    await p.addInitScript(installShim, {
      channels: [...channels],
      dropPaths: dropMap(options.dropPaths),
      answerPath: ANSWER_PATH,
    });

    const url = served.url;
    const liveServer = server;
    const liveBrowser = browser;
    const app: App = {
      page: p,
      context,
      browser: liveBrowser,
      services,
      url,
      setNextImportPath: (chosen) => {
        next = { path: chosen };
      },
      emit,
      setDropAnswer: (confirm) => {
        dropAnswer = confirm;
      },
      setChosenPath: (purpose, target) => {
        chosen.set(purpose, target);
      },
      setDropPath: async (name, target) => {
        await p.evaluate(
          ([n, t]) => {
            (globalThis as unknown as ShimGlobals).__assayDropPaths[n] = t;
          },
          [name, target] as const,
        );
      },
      open: async () => {
        await p.goto(url);
        await p.waitForFunction(
          () =>
            (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
              'main h1',
            ) !== null,
        );
      },
      close: async () => {
        await liveBrowser.close().catch(() => {});
        await liveServer.close().catch(() => {});
        // A job the page started (a certificate preview) lets go of the store before it closes and its folder goes.
        await services.jobs.stopAll();
        services.close();
      },
    };
    if (options.open !== false) await app.open();
    return app;
  } catch (err) {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    services.close();
    throw err;
  }
}

// The sandboxed preload: exposes window.api, one method per contract channel plus contract events, and nothing else.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  channels,
  eventNames,
  type Api,
  type Channel,
  type DroppedFiles,
  type EventName,
  type EventPayload,
  type IpcResult,
} from '../shared/ipc/contract.js';
import type { Chosen, DropPurpose } from '../shared/domain/choices.js';

type Invokers = { [C in Channel]: Api[C] };

// Built from the contract's list so a channel cannot be missing here or exist only here; main checks
// the input again (the renderer is not trusted), so nothing is validated twice on this side.
const invokers = Object.fromEntries(
  channels.map((channel) => [channel, (input?: unknown) => ipcRenderer.invoke(channel, input)]),
) as Invokers;

const knownEvents: ReadonlySet<string> = new Set(eventNames);

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  // The type stops honest mistakes; this stops a compromised page from listening to anything else.
  const name: unknown = event;
  if (typeof name !== 'string' || !knownEvents.has(name))
    throw new Error(`Assay has no event called "${String(name)}".`);
  if (typeof listener !== 'function') throw new Error('on() needs a function to call.');
  // The page gets the payload only: never the IpcRendererEvent, whose `sender` is ipcRenderer itself.
  const wrapped = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
}

function pathOf(file: Blob): string | null {
  try {
    // Empty for files that did not come from the disk (e.g. made in the page).
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a Blob that is no File throws here, and is caught below
    return webUtils.getPathForFile(file as File) || null;
  } catch {
    return null;
  }
}

/**
 * Dropped files go to main by path (the page never sees one); main asks the person to confirm in its
 * own dialog and answers with tokens, exactly like a file chosen in a dialog.
 */
async function dropFiles(files: readonly Blob[], purpose: DropPurpose): Promise<IpcResult<DroppedFiles>> {
  const list = Array.from(files);
  const paths = list.map(pathOf).filter((p): p is string => p !== null);
  const withoutPath = list.length - paths.length;
  if (paths.length === 0) return { ok: true, value: { files: [], withoutPath } };
  const answer = (await ipcRenderer.invoke('dialog:confirmDrop', { purpose, paths })) as IpcResult<Chosen[]>;
  return answer.ok ? { ok: true, value: { files: answer.value, withoutPath } } : answer;
}

const api = { ...invokers, on, dropFiles } satisfies Api;

contextBridge.exposeInMainWorld('api', api);

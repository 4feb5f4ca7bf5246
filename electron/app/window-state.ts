// Remembers the main window's bounds and maximized state in userData, restoring them only if still on screen.
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Only what the restore rule needs from Electron's Display, so tests pass plain objects. */
export interface DisplayLike {
  workArea: Rect;
}

export interface RestoredWindow {
  width: number;
  height: number;
  /** Absent when the saved place is gone: Electron then centres the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 880, height: 560 } as const;

/** The strip at the top of the window the assessor grabs to move it: it must stay reachable. */
const GRIP_HEIGHT = 32;
const GRIP_MIN_WIDTH = 100;

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
});

/** The saved state, or null when there is none or it is unreadable (a bad file must never stop the app). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a crash mid-write leaves the old state, not half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    writeFileAtomic(file, JSON.stringify(state));
  } catch (err) {
    console.warn(`[window] could not remember the window's place: ${(err as Error).message}`);
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * Where to open the window. The saved bounds are used only if their top strip lies wholly inside
 * one display's work area vertically and overlaps it by at least 100px horizontally (a monitor that
 * was unplugged, or a resolution that shrank, would otherwise open Assay somewhere nobody can reach).
 */
export function restoreWindowState(saved: WindowState | null, displays: readonly DisplayLike[]): RestoredWindow {
  const maximized = saved?.maximized ?? false;
  const primary = displays[0]?.workArea;
  const fallback = {
    width: Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, primary?.width ?? DEFAULT_SIZE.width)),
    height: Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, primary?.height ?? DEFAULT_SIZE.height)),
    maximized,
  };
  if (!saved) return fallback;
  const { bounds } = saved;
  const grip: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(GRIP_HEIGHT, bounds.height) };
  const home = displays.find((d) => {
    const o = overlap(grip, d.workArea);
    return o.height === grip.height && o.width >= Math.min(GRIP_MIN_WIDTH, grip.width);
  });
  if (!home) return fallback;
  const area = home.workArea;
  return {
    x: bounds.x,
    y: bounds.y,
    width: Math.max(MIN_SIZE.width, Math.min(bounds.width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(bounds.height, area.height)),
    maximized,
  };
}

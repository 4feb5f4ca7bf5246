// Remembered window bounds: the file round-trips, bad files are ignored, and off-screen places are not restored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  readWindowState,
  restoreWindowState,
  writeWindowState,
  type DisplayLike,
} from '../../electron/app/window-state.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-window-state-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const laptop: DisplayLike = { workArea: { x: 0, y: 0, width: 1440, height: 900 } };
const rightMonitor: DisplayLike = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('the state file', () => {
  it('round-trips bounds and maximized', () => {
    const file = path.join(tmp, 'a', 'window-state.json');
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });

  it('reads a missing, corrupt or wrongly shaped file as nothing', () => {
    expect(readWindowState(path.join(tmp, 'missing.json'))).toBeNull();
    fs.writeFileSync(path.join(tmp, 'corrupt.json'), '{"bounds": ');
    expect(readWindowState(path.join(tmp, 'corrupt.json'))).toBeNull();
    fs.writeFileSync(
      path.join(tmp, 'shape.json'),
      JSON.stringify({ bounds: { x: 'a', y: 0, width: -1, height: 10 }, maximized: 'yes' }),
    );
    expect(readWindowState(path.join(tmp, 'shape.json'))).toBeNull();
  });
});

describe('restoreWindowState', () => {
  it('uses the default size, centred, when nothing was saved', () => {
    expect(restoreWindowState(null, [rightMonitor])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('keeps a place on a second monitor while that monitor is there', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(restoreWindowState(saved, [laptop, rightMonitor])).toEqual({
      x: 1600,
      y: 100,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('drops the place (not the maximized flag) when that monitor is gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true };
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.x).toBeUndefined();
    expect(restored.y).toBeUndefined();
    expect(restored).toMatchObject({
      width: DEFAULT_SIZE.width,
      height: Math.min(DEFAULT_SIZE.height, 900),
      maximized: true,
    });
  });

  it('keeps a window partly off the left edge whose title bar can still be grabbed', () => {
    const saved = { bounds: { x: -800, y: 50, width: 1000, height: 700 }, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toMatchObject({ x: -800, y: 50 });
  });

  it('drops a window whose title bar is above the screen or only a sliver is visible', () => {
    expect(
      restoreWindowState({ bounds: { x: 100, y: -20, width: 1000, height: 700 }, maximized: false }, [laptop]).x,
    ).toBeUndefined();
    expect(
      restoreWindowState({ bounds: { x: 1400, y: 50, width: 1000, height: 700 }, maximized: false }, [laptop]).x,
    ).toBeUndefined();
    expect(
      restoreWindowState({ bounds: { x: 100, y: 890, width: 1000, height: 700 }, maximized: false }, [laptop]).x,
    ).toBeUndefined();
  });

  it('shrinks a window larger than its display, but not below the minimum', () => {
    const big = restoreWindowState({ bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false }, [laptop]);
    expect(big).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 });
    const tiny = restoreWindowState({ bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false }, [laptop]);
    expect(tiny).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});

// What the person is asked before dropped files are used: the words fit what the drop will do.
import { describe, expect, it } from 'vitest';
import { confirmDropOptions } from '../../electron/ipc/drop-question.js';

describe('the question before a drop is used', () => {
  it('asks to import one review package', () => {
    const q = confirmDropOptions('package', ['/p/pkg']);
    expect([q.title, q.message, q.buttons]).toEqual([
      'Import a review package',
      'Import this review package?',
      ['Import', 'Cancel'],
    ]);
  });

  it('asks to open packages in the coordination (one, or several by count), never to add evidence', () => {
    const one = confirmDropOptions('coordination-package', ['/p/results-1']);
    expect(one.message).toBe('Open this package in the coordination? It is verified before anything in it is used.');
    expect(one.buttons).toEqual(['Open', 'Cancel']);
    const three = confirmDropOptions('coordination-package', ['/a', '/b', '/c']);
    expect(three.message).toMatch(/^Open these 3 packages in the coordination\?/);
    expect(three.detail).toBe('/a\n/b\n/c');
  });

  it('asks to add evidence, and lists at most 12 paths with the count of the rest', () => {
    const paths = Array.from({ length: 15 }, (_, i) => `/f/${i}.pdf`);
    const q = confirmDropOptions('evidence', paths);
    expect(q.message).toBe('Add these 15 files as evidence?');
    expect(q.detail.split('\n')).toHaveLength(13);
    expect(q.detail.endsWith('… and 3 more')).toBe(true);
    expect(q.cancelId).toBe(1);
  });
});

// Review workspace benchmarks in Chromium: opening a review with a 50-page PDF, and key-press-to-paint.
import { test } from '@playwright/test';
import { benchReviewKeys } from './review-keys.js';
import { benchReviewOpen } from './review-open.js';
import { benchRedactionOpen } from './redaction-open.js';

test('review: open to interactive with a 50-page PDF', async () => {
  test.setTimeout(600_000);
  await benchReviewOpen();
});

test('review: key press to paint of a level choice', async () => {
  test.setTimeout(600_000);
  await benchReviewKeys();
});

test('review: opening a 50-page PDF to page 1 painted, blind review redacting vs not', async () => {
  test.setTimeout(600_000);
  await benchRedactionOpen();
});

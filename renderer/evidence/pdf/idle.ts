// Waits for a moment when the page is not busy with input or painting (with a ceiling, so work still finishes).
export function idle(timeout = 250): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 16);
  });
}

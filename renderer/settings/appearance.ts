// Applies the theme setting to the document (data-theme on <html>, which the tokens honour) and remembers it.
export type Theme = 'system' | 'light' | 'dark';

const KEY = 'assay.theme';

export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  try {
    // Read back at the next start, before settings arrive, so the window never flashes the other theme.
    window.localStorage.setItem(KEY, theme);
  } catch {
    // Storage can be unavailable; the setting itself is in the data folder.
  }
}

export function rememberedTheme(): Theme | null {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' || v === 'system' ? v : null;
  } catch {
    return null;
  }
}

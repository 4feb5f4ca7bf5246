// Text helpers shared by both processes.

/** A locale-neutral sort key for names: accents folded, case folded ("Zoë" sorts with "Zoe"). */
export function earnerSortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().normalize('NFC');
}

/** Folds text for the full-text index and its queries alike: accents of any script, and case. */
export const foldForSearch = earnerSortKey;

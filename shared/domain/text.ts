// Text helpers shared by both processes.

/** A locale-neutral sort key for names: accents folded, case folded ("Zoë" sorts with "Zoe"). */
export function earnerSortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Letters that carry a stroke or are ligatures are letters of their own to Unicode (no decomposition
 * removes the stroke of "Ł"), but a person searching types them plainly: "lukasiewicz", "oyvind".
 */
const PLAIN: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ŀ: 'l',
};
const PLAIN_RE = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'gu');

/** Folds text for the full-text index and its queries alike: accents of any script, case, and letters with strokes. */
export function foldForSearch(text: string): string {
  return earnerSortKey(text).replace(PLAIN_RE, (c) => PLAIN[c]!);
}

/**
 * Scripts written without spaces between words (or, for Korean names, with the whole name as one
 * word): a word tokenizer sees "王小明" or "김민준" as one token, so a search for "小明" or "민준" would
 * find nothing. Each of their characters is indexed as a token of its own, and a search for several
 * of them becomes a phrase: consecutive characters, so any part of a name or a word matches.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/gu;

/** Already folded text with the characters of unspaced scripts set apart as tokens of their own. */
export function splitUnspaced(folded: string): string {
  return folded.replace(UNSPACED, ' $& ');
}

/** Text as the full-text index stores it and its queries search it: folded, unspaced scripts split into characters. */
export function searchText(text: string): string {
  return splitUnspaced(foldForSearch(text));
}

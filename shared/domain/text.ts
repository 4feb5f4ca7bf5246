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

/**
 * A search word matches the beginnings of words from this many letters on; shorter, it matches whole
 * words only. One or two letters begin most words of a language ("s" matches nearly every response),
 * so a prefix search for them reads the whole index for nothing anyone wants, while a short whole word
 * still finds short names ("Ng", "Lê", "Vũ"). Characters of scripts written without spaces are words of
 * their own (see `splitUnspaced`): "小明" is the two words 小 and 明 next to each other, found exactly.
 */
export const MIN_PREFIX_LETTERS = 3;

const TOKEN_SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;
const UNSPACED_CHAR = new RegExp(`^${UNSPACED.source}$`, 'u');

/** One search word as an FTS5 term: its tokens as a phrase, the last a prefix when it is long enough. */
export function searchTerm(word: string): string | undefined {
  const tokens = splitUnspaced(foldForSearch(word))
    .split(TOKEN_SEPARATOR)
    .filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  return `"${tokens.join(' ')}"${isPrefix(tokens.at(-1)!) ? '*' : ''}`;
}

const isPrefix = (token: string) =>
  !UNSPACED_CHAR.test(token) && (token.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_PREFIX_LETTERS;

/** The words of a search that match whole words only (shorter than MIN_PREFIX_LETTERS), for a hint. */
export function wholeWordsOnly(text: string): string[] {
  return text.split(/[\s"]+/u).filter((w) => {
    const tokens = splitUnspaced(foldForSearch(w))
      .split(TOKEN_SEPARATOR)
      .filter((t) => t !== '');
    return tokens.length > 0 && !UNSPACED_CHAR.test(tokens.at(-1)!) && !isPrefix(tokens.at(-1)!);
  });
}

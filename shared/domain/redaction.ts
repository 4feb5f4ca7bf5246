// Redaction of an earner's identity in text, for blind review: who the earner is becomes a set of token
// sequences (their name whole and in parts, aliases, e-mail and its local part, organisation), folded the
// same way on both sides; text is tokenised alike and every run of tokens that is one of them is covered.
//
// The main process builds the terms; the renderer gets them only as salted hashes (see hashTerms), so the
// identity that blind review withholds never crosses IPC in clear, yet the renderer can find it in a PDF.
import { foldForSearch } from './text.js';

export interface Identity {
  name: string;
  email?: string | null;
  organization?: string | null;
  /** Other names the earner goes by in the evidence: transliterations, nicknames, a married name. */
  aliases?: readonly string[] | null;
}

export interface Token {
  /** The folded token, as terms are matched. */
  key: string;
  /** Where the token is in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Scripts written without spaces between words (or, for Korean names, the whole name as one word with a
 * particle after it): each character is a token of its own, and a name is a run of them.
 */
const UNSPACED_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Bopomofo}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Tibetan}';
const UNSPACED = new RegExp(`[${UNSPACED_CLASS}]`, 'u');
const WORD_CHAR = `(?:(?![${UNSPACED_CLASS}])[\\p{L}\\p{N}\\p{M}])`;
// A word may hold apostrophes (O'Connor, d’Arcy); a character of an unspaced script is a word by itself.
const TOKEN = new RegExp(`[${UNSPACED_CLASS}]\\p{M}*|${WORD_CHAR}+(?:['’ʼ]${WORD_CHAR}+)*`, 'gu');

/**
 * Folds a token for matching: compatibility forms, marks of any script (accents, Arabic harakat and hamza
 * seats, Hebrew points), case (Greek final sigma too), letters with strokes, apostrophes and the Arabic tatweel.
 */
export function foldToken(token: string): string {
  return foldForSearch(token)
    .replace(/ς/gu, 'σ')
    .replace(/['’ʼ\u0640]/gu, '')
    .normalize('NFC');
}

/** Splits text into tokens: words (with inner apostrophes), and single characters of unspaced scripts. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const key = foldToken(m[0]);
    if (key) out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const keys = (text: string) => tokenize(text).map((t) => t.key);

/**
 * Short words that are particles of names in many languages (or common words): standing alone they are
 * not the earner, so they are only covered as part of the whole name ("Mohammed Al-Ahmad").
 */
const PARTICLES = new Set([
  'al', 'el', 'de', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'del', 'dos', 'das', 'bin', 'ibn',
  'ben', 'bat', 'abu', 'y', 'e', 'an', 'in', 'on', 'at', 'to', 'of', 'is', 'it', 'be', 'by', 'or', 'as', 'me',
  'my', 'we', 'he', 'so', 'no', 'do', 'go', 'up', 'us', 'am', 'the', 'and', 'ال',
]); // prettier-ignore

const letters = (key: string) => Array.from(key).length;

/** The token sequences of one name (the name, an alias): whole, and the parts that identify on their own. */
function nameTerms(name: string, add: (seq: string[]) => void): void {
  const whole = keys(name);
  add(whole);
  const unspaced = whole.filter((k) => UNSPACED.test(k));
  // A name in an unspaced script: every run of two characters or more (given name, family and given, …).
  for (let i = 0; i < unspaced.length; i++) for (let j = i + 2; j <= unspaced.length; j++) add(unspaced.slice(i, j));
  for (const word of name.split(/[\s,;/()]+/u)) {
    const pieces = keys(word).filter((k) => !UNSPACED.test(k));
    if (pieces.length === 0) continue;
    // A hyphenated part (Min-jun, Núñez-Łukasiewicz) is covered whole; its pieces alone only if long enough to identify.
    add(pieces);
    const minLetters = pieces.length > 1 ? 4 : 2;
    for (const p of pieces) {
      if (letters(p) >= minLetters && !PARTICLES.has(p)) add([p]);
      // Arabic names carry the article: "الأحمد" is also written "أحمد".
      if (/^ال\p{Script=Arabic}{3,}$/u.test(p)) add([p.slice(2)]);
    }
  }
}

/** Every token sequence that identifies the earner, each as folded tokens. */
export function identityTerms(identity: Identity): string[][] {
  const seen = new Map<string, string[]>();
  const add = (seq: string[]) => {
    if (seq.length === 0) return;
    if (seq.length === 1 && (letters(seq[0]!) < 2 || PARTICLES.has(seq[0]!))) return;
    seen.set(seq.join(' '), seq);
  };
  nameTerms(identity.name, add);
  for (const alias of identity.aliases ?? []) nameTerms(alias, add);
  if (identity.email) {
    add(keys(identity.email));
    const local = identity.email.split('@')[0] ?? '';
    const localKeys = keys(local);
    add(localKeys);
    for (const k of localKeys) if (letters(k) >= 3) add([k]);
  }
  if (identity.organization) add(keys(identity.organization));
  return [...seen.values()];
}

/** A term set to match text against: terms as keys (clear or hashed) and the longest term's length in tokens. */
export interface TermSet {
  has: (seq: readonly string[]) => boolean;
  longest: number;
}

export function termSet(terms: string[][]): TermSet {
  const set = new Set(terms.map((t) => t.join(' ')));
  return { has: (seq) => set.has(seq.join(' ')), longest: Math.max(0, ...terms.map((t) => t.length)) };
}

/** What the renderer gets for a blind workspace: salted hashes of the terms, never the terms. */
export interface HashedTerms {
  salt: string;
  hashes: string[];
  longest: number;
}

/**
 * A 53-bit string hash (cyrb53), seeded. Not a secret-keeping hash: the PDF the renderer shows holds the
 * name anyway; the hashes only keep the identity out of IPC messages, renderer state and logs in clear.
 */
export function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const seedOf = (salt: string) => parseInt(salt.slice(0, 8), 16) | 0;
const hashSeq = (seq: readonly string[], salt: string) => hash53(`${salt}\u0001${seq.join('\u0002')}`, seedOf(salt));

/** The terms hashed with a salt (8+ hex digits, fresh per workspace opened). */
export function hashTerms(terms: string[][], salt: string): HashedTerms {
  return {
    salt,
    hashes: [...new Set(terms.map((t) => hashSeq(t, salt)))],
    longest: Math.max(0, ...terms.map((t) => t.length)),
  };
}

export function hashedTermSet(h: HashedTerms): TermSet {
  const set = new Set(h.hashes);
  return { has: (seq) => set.has(hashSeq(seq, h.salt)), longest: h.longest };
}

/** Where the text names the earner: ranges of the original text, longest match first at each token, in order. */
export function findIdentity(text: string, terms: TermSet): TextRange[] {
  if (terms.longest === 0) return [];
  const tokens = tokenize(text);
  const out: TextRange[] = [];
  const ks = tokens.map((t) => t.key);
  for (let i = 0; i < tokens.length;) {
    let found = 0;
    for (let n = Math.min(terms.longest, tokens.length - i); n >= 1; n--) {
      if (terms.has(ks.slice(i, i + n))) {
        found = n;
        break;
      }
    }
    if (found === 0) {
      i++;
      continue;
    }
    const range = { start: tokens[i]!.start, end: tokens[i + found - 1]!.end };
    const last = out[out.length - 1];
    // Matches parted only by a space on the same line (a name, then an alias) are covered as one.
    if (last && /^[ \t\u00a0]*$/u.test(text.slice(last.end, range.start))) last.end = range.end;
    else out.push(range);
    i += found;
  }
  return out;
}

/** The text with every range replaced by `mark`. */
export function replaceRanges(text: string, ranges: readonly TextRange[], mark: string): string {
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + mark;
    at = r.end;
  }
  return out + text.slice(at);
}

export const WITHHELD = '[withheld]';

/** For blind review: the text with the earner's identity (see identityTerms) replaced by a neutral mark. */
export function redactText(text: string, identity: Identity, mark = WITHHELD): string {
  const terms = termSet(identityTerms(identity));
  return replaceRanges(text, findIdentity(text, terms), mark);
}

// The language a run of text is in, as far as its script tells: what a tagged PDF's /Lang says for a
// span, so that screen readers pick the right voice and search tools the right word breaking. Scripts
// shared by many languages (Latin, Cyrillic) say nothing, and the span keeps the document's language,
// except Latin with letters only Vietnamese uses.

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/u;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/u;
// Letters with stacked or Vietnamese-only diacritics (Latin Extended Additional's Vietnamese block,
// horned o and u). Đ and ă are left out: Croatian and Romanian use them too.
const VIETNAMESE = /[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0]/u;

/** A BCP 47 language tag for the text by its script, or undefined when the script does not tell. */
export function languageOf(text: string): string | undefined {
  if (ARABIC.test(text)) return 'ar';
  if (HEBREW.test(text)) return 'he';
  // Hanja in a Korean name and kanji in a Japanese one are Han: the phonetic script decides
  if (HANGUL.test(text)) return 'ko';
  if (KANA.test(text)) return 'ja';
  if (HAN.test(text)) return 'zh';
  if (GREEK.test(text)) return 'el';
  if (VIETNAMESE.test(text.normalize('NFC'))) return 'vi';
  return undefined;
}

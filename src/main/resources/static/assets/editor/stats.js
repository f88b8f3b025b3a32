// Live word count and reading time. Words are counted like the server's org.masthead.text.WordCount: runs of
// letters and digits in any script, with ' ’ ʼ - . between two letters keeping a word whole, and every
// Chinese/Japanese/Korean character a word of its own. Only body text counts: not captions, alt text, credits,
// embed titles, footnotes or raw HTML.

const LETTER = /[\p{L}\p{Nd}\p{Mn}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const JOINERS = new Set(["'", "’", "ʼ", "-", "."]);

export function countWords(text) {
  let words = 0;
  let inWord = false;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (IDEOGRAPHIC.test(ch)) {
      words += 1;
      inWord = false;
    } else if (LETTER.test(ch)) {
      if (!inWord) {
        words += 1;
        inWord = true;
      }
    } else if (inWord && JOINERS.has(ch) && i + 1 < chars.length && LETTER_OR_DIGIT.test(chars[i + 1])) {
      // "don't", "Lazarski-based", "п'ять", "U.S": still one word
    } else {
      inWord = false;
    }
  }
  return words;
}

const SKIPPED = new Set(["image", "embed", "raw_html", "footnote"]);

/** The body's readable text (blocks separated by newlines) and its number of images. */
export function bodyText(doc) {
  const parts = [];
  let images = 0;
  doc.descendants((node) => {
    if (node.type.name === "image") images += 1;
    if (SKIPPED.has(node.type.name)) return false;
    if (node.isTextblock) {
      let line = "";
      node.forEach((child) => {
        if (child.isText) line += child.text;
        else if (child.type.name === "hard_break") line += " ";
      });
      parts.push(line);
      return false;
    }
    return true;
  });
  return { text: parts.join("\n"), images };
}

export function stats(doc) {
  const { text, images } = bodyText(doc);
  const words = countWords(text);
  const minutes = Math.max(1, Math.round(words / 230 + (images * 12) / 60));
  return { words, images, minutes };
}

export function formatStats({ words, minutes }) {
  const n = words.toLocaleString("en-US");
  return `${n} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
}

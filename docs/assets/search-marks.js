/*
 * Which words of a text a search marks: whole words whose stem the query has (never a part
 * of a word). Pure: the result list (search.js) and the landed page (search-landing.js)
 * turn the pieces into text nodes and <mark> elements.
 */
import { isStop, stem, tokens } from "./search-words.js";

/** The words of `text` to mark ({word, start, end}): those whose stem is in `stems`; stop words too unless `skipStopWords`. */
export function markedWords(text, stems, { skipStopWords = false } = {}) {
  return tokens(text).filter((t) => stems.has(stem(t.word)) && !(skipStopWords && isStop(t.word)));
}

/** `text` cut at the marked words: [{text, marked}], in order, together the whole text (empty pieces left out). */
export function markedPieces(text, marked) {
  const pieces = [];
  let at = 0;
  for (const word of marked) {
    if (word.start > at) pieces.push({ text: text.slice(at, word.start), marked: false });
    pieces.push({ text: text.slice(word.start, word.end), marked: true });
    at = word.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/** The stems of the words in `text` (the `hl` words a result passes to the page it opens). */
export function stemsOf(text) {
  return new Set(tokens(text).map((t) => stem(t.word)));
}

/*
 * The stretch of a turn's paragraph that a search result shows. Pure: text in, offsets out.
 */
import { runAt } from "./search-rank.js";
import { isStop, stem, tokens } from "./search-words.js";

export const PASSAGE_WORDS = 36;  // about two sentences around the match

/**
 * The PASSAGE_WORDS words of `text` holding the most query words (`marks`: their stems; a run of
 * `queryStems` said in order counts double), opening at the start of its sentence when that is near.
 * Returns {score, from, to}: character offsets into `text`.
 */
export function passageOf(text, marks, queryStems) {
  const toks = tokens(text);
  if (!toks.length) return { score: 0, from: 0, to: text.length };
  const stems = toks.map((t) => stem(t.word));
  const weight = toks.map((t, i) => (marks.has(stems[i]) && !isStop(t.word) ? 1 : 0));
  for (let i = 0; i < stems.length; i++) {
    const n = runAt(stems, queryStems, i);
    if (n >= 2) for (let k = i; k < i + n; k++) weight[k] = 2;
  }
  let score = 0;
  let bestScore = -1;
  let bestStart = 0;
  for (let i = 0; i < toks.length; i++) {
    score += weight[i];
    if (i >= PASSAGE_WORDS) score -= weight[i - PASSAGE_WORDS];
    const start = Math.max(0, i - PASSAGE_WORDS + 1);
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  // Open a few words before the first match, at a sentence start if one is close.
  let first = bestStart;
  while (first < toks.length - 1 && !weight[first]) first++;
  let start = Math.max(0, first - 6);
  for (let k = first; k > Math.max(0, first - 14); k--) {
    if (/[.?!]["”’)]?\s*$/.test(text.slice(toks[k - 1].end, toks[k].start))) {
      start = k;
      break;
    }
  }
  const end = Math.min(toks.length, start + PASSAGE_WORDS) - 1;
  return { score: bestScore, from: toks[start].start, to: toks[end].end };
}

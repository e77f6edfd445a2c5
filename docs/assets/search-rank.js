/*
 * How turns are ranked for a query, as pure functions (search-engine.js feeds them
 * Pagefind's answers). A turn scores by the rare words it holds (inverse document
 * frequency), by how close together they are, and, on its text, by the longest run
 * of the query said word for word: a pasted sentence lands on its turn, a
 * paraphrase on the turn that shares most of it.
 */
import { tokens } from "./search-words.js";

/** The query as words, with the parts in double quotes kept as phrases. */
export function parseQuery(query) {
  const phrases = [];
  for (const match of query.matchAll(/"([^"]+)"/g)) {
    const words = tokens(match[1]).map((t) => t.word);
    if (words.length) phrases.push(words);
  }
  const words = tokens(query.replace(/"/g, " ")).map((t) => t.word);
  return { words, phrases };
}

/** How much a word tells turns apart: rare words most; a corrected word is a guess, so it counts less. */
export function termWeight(total, found, corrected) {
  return Math.log(1 + total / found) * (corrected ? 0.7 : 1);
}

/** Smallest stretch of words holding the most query words: rewards words said together.
 * `hits`: term → its word positions in the turn; `weight`: term → weight. */
export function closeness(hits, weight) {
  const all = [];
  hits.forEach((positions, term) => {
    for (const p of positions) all.push([p, term]);
  });
  if (all.length < 2) return 0;
  all.sort((a, b) => a[0] - b[0]);
  const span = Math.max(12, 3 * hits.size);  // words
  let best = 0;
  for (let i = 0; i < all.length; i++) {
    const inside = new Set();
    for (let j = i; j < all.length && all[j][0] - all[i][0] <= span; j++) inside.add(all[j][1]);
    let sum = 0;
    for (const term of inside) sum += weight.get(term);
    if (inside.size > 1) best = Math.max(best, sum);
  }
  return best;
}

/** How many words from textStems[i] on are said as some stretch of the query, in its order. */
export function runAt(textStems, queryStems, i) {
  let best = 0;
  for (let q = 0; q < queryStems.length; q++) {
    let n = 0;
    while (i + n < textStems.length && q + n < queryStems.length && textStems[i + n] === queryStems[q + n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** Longest run of query words said in the query's order, on the record's words: {length, end}. */
export function longestRun(textStems, queryStems) {
  let best = 0;
  let end = -1;
  for (let i = 0; i < textStems.length; i++) {
    const n = runAt(textStems, queryStems, i);
    if (n > best) {
      best = n;
      end = i + n;
    }
  }
  return { length: best, end };
}

/** Candidates ({hits, pagefind}) given a score and sorted best first: the weight of the words each holds,
 * how close together, and a little of Pagefind's own score to break ties. */
export function rank(candidates, weight) {
  for (const c of candidates) {
    let cover = 0;
    c.hits.forEach((_, term) => {
      cover += weight.get(term);
    });
    c.score = cover + closeness(c.hits, weight) + 0.05 * c.pagefind;
  }
  return candidates.sort((a, b) => b.score - a.score);
}

/** What a run of the query said in order adds to a turn's score: a run of two words or more counts,
 * the whole query said word for word counts most. */
export function runBonus(runLength, queryLength) {
  if (runLength < 2) return 0;
  return runLength * 1.5 + (runLength === queryLength ? 10 : 0);
}

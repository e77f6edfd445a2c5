/*
 * Words, as search sees them: the one tokenizer for the query, the ranking and
 * the marks, a light stemmer (so `burning` marks `burn`, and never a part of a
 * word), stop words, the spelling distance used to correct a typo against the
 * site's own vocabulary, and which vocabulary file holds a word. Pure functions,
 * no page work. search/records.py and search/index.py say the same in Python
 * (tests/test_js_python_agree.py feeds both the same words).
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

// Said so often that alone they find nothing: they count inside a phrase, never on their own.
const STOP = new Set(("a about above after again against all am an and any are as at be because been before being " +
  "below between both but by can could did do does doing down during each few for from further had has have having " +
  "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not " +
  "now of off on once only or other our ours ourselves out over own same she should so some such than that the their " +
  "theirs them themselves then there these they this those through to too under until up very was we were what when " +
  "where which while who whom why will with would you your yours yourself yourselves it's i'm don't that's there's " +
  "i've we're they're you're can't isn't doesn't didn't wasn't aren't yeah okay oh um uh like").split(" "));

/** Lowercase, straight apostrophes: the form every comparison uses. */
export function fold(word) {
  return word.toLowerCase().replace(/’/g, "'");
}

/**
 * Every word of `text`: {word (folded), start, end} (character offsets into `text`). The text is folded
 * before it is split, as search/records.py does, so both find the same words.
 */
export function tokens(text) {
  const folded = fold(text);
  const from = folded.length === text.length ? null : origins(text);
  const found = [];
  for (const match of folded.matchAll(WORD)) {
    const start = match.index, end = start + match[0].length;
    found.push({ word: match[0], start: from ? from.start[start] : start, end: from ? from.end[end - 1] : end });
  }
  return found;
}

/** Where each folded character came from, when folding made the text longer (`İ` becomes `i` and a combining dot). */
function origins(text) {
  const start = [], end = [];
  let at = 0;
  for (const character of text) {
    for (let k = 0; k < fold(character).length; k++) {
      start.push(at);
      end.push(at + character.length);
    }
    at += character.length;
  }
  return { start, end };
}

/** A crude English stem, enough to tell that `models`, `modeling` and `model` are one word. */
export function stem(word) {
  let w = fold(word).replace(/'s$/, "");
  if (w.length <= 3) return w;
  if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + "y";
  else if (/(ss|x|ch|sh|z)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^su]s$/.test(w) && !/is$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ingly", "edly", "ing", "ed", "ly", "er"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // `running` → `runn` → `run`, `calls` and `called` → `cal`: the same on both sides is what counts.
  if (/([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  return w.length > 3 ? w.replace(/e$/, "") : w;
}

export function isStop(word) {
  return STOP.has(fold(word));
}

/** Edit distance with adjacent swaps (optimal string alignment), giving up past `limit`. */
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** How far a typed word may be from a word that was said: one slip in a short word, two in a longer one. */
export function allowance(word) {
  return word.length <= 4 ? 1 : 2;
}

/**
 * The word of `counts` (word → frequency) nearest to `word`, or null when none is close
 * enough: a slip of one or two letters, or else the word said that begins most like it: all of
 * the shorter of the two (`zuckerberg` → `zuck`, `reinforc` → `reinforcement`) or most of the
 * typed word (`reinforcment` → `reinforce`, not `rein`). Ties go to the more frequent word.
 */
export function nearest(word, counts) {
  const limit = allowance(word);
  let best = null, bestDistance = limit + 1, bestCount = -1;
  for (const [candidate, count] of Object.entries(counts)) {
    const d = distance(word, candidate, limit);
    if (d < bestDistance || (d === bestDistance && d <= limit && count > bestCount)) {
      best = candidate;
      bestDistance = d;
      bestCount = count;
    }
  }
  if (bestDistance <= limit) return best;
  if (word.length < 5) return null;
  best = null;
  let bestShared = 0;
  for (const [candidate, count] of Object.entries(counts)) {
    let shared = 0;
    while (shared < word.length && shared < candidate.length && word[shared] === candidate[shared]) shared++;
    const whole = shared === Math.min(word.length, candidate.length);
    if (shared < 4 || !(whole || shared >= 0.6 * word.length)) continue;
    if (shared > bestShared || (shared === bestShared && count > bestCount)) {
      best = candidate;
      bestShared = shared;
      bestCount = count;
    }
  }
  return best;
}

/** The vocabulary file that holds a (folded) word: its first letter or digit, `_` for anything else
 * (search/index.py `shard_of` writes them). */
export function shardOf(word) {
  const first = word[0] || "";
  return /^[a-z0-9]$/.test(first) ? first : "_";
}

/*
 * The search engine: Pagefind finds the turns that hold each query word (stems
 * included), and this file ranks them the way a listener means a query.
 *
 * Pagefind on its own keeps only turns that hold every known word, so one
 * misremembered word loses the turn. Instead each word is looked up alone, and a
 * turn scores by the rare words it holds (inverse document frequency), by how
 * close together they are, and, on its text, by the longest run of the query said
 * word for word: a pasted sentence lands on its turn, a paraphrase on the turn
 * that shares most of it. A word no turn holds is corrected against the site's
 * vocabulary (pagefind/vocabulary/<first letter>.json, written at build time).
 * A quoted "phrase" must be said as written.
 */
(function () {
  "use strict";

  const W = window.episodeSearchWords;
  const ROOT = new URL("..", document.currentScript.src);
  const BUNDLE = new URL("pagefind/", ROOT);
  const SHOWN = 10;          // results per screen
  const RERANKED = 12;       // candidates whose text is read to find phrases (each is a request)
  const PASSAGE_WORDS = 36;  // about two sentences around the match
  // A word said this often (a share of all turns) is not looked up alone: Pagefind's time grows with the
  // turns a word finds (seconds for 25,000 in an archive), and such a word tells turns apart poorly anyway.
  const COMMON_SHARE = 0.03;
  const COMMON_MIN = 300;

  let engine = null;
  let records = null;        // how many turns the site has: the base of every word's rarity
  const shards = new Map();

  /** Pagefind, imported and started once, on first use, with an archive's other index parts merged in
   * (search_index.py indexes a large archive in parts: Pagefind's memory grows with the turns of a run). */
  function pagefind() {
    if (!engine)
      engine = import(new URL("pagefind.js", BUNDLE).href).then(async (module) => {
        await module.init();
        const parts = (await meta()).parts || [];
        await Promise.all(parts.map((part) => module.mergeIndex(new URL(part, BUNDLE).href)));
        return module;
      });
    return engine;
  }

  function meta() {
    if (!shards.has("meta"))
      shards.set("meta", fetch(new URL("vocabulary/meta.json", BUNDLE))
        .then((response) => (response.ok ? response.json() : {})).catch(() => ({})));
    return shards.get("meta");
  }

  function vocabulary(word) {
    const first = word[0];
    const key = /^[a-z0-9]$/.test(first) ? first : "_";
    if (!shards.has(key))
      shards.set(key, fetch(new URL(`vocabulary/${key}.json`, BUNDLE))
        .then((response) => (response.ok ? response.json() : {})).catch(() => ({})));
    return shards.get(key);
  }

  /** The query as words, with the parts in double quotes kept as phrases. */
  function parse(query) {
    const phrases = [];
    for (const match of query.matchAll(/"([^"]+)"/g)) {
      const words = W.tokens(match[1]).map((t) => t.word);
      if (words.length) phrases.push(words);
    }
    const words = W.tokens(query.replace(/"/g, " ")).map((t) => t.word);
    return { words, phrases };
  }

  /** Pagefind's answer, without an archive's lexicon documents (search_index.py: they only hold words). */
  async function find(pf, term, filters) {
    const found = await pf.search(term, { filters });
    const skip = (await meta()).skip || [];
    return skip.length ? { ...found, results: found.results.filter((r) => !skip.includes(r.id)) } : found;
  }

  async function lookUp(pf, word, filters, correct, limit) {
    let found = await find(pf, word, filters);
    if (!correct || /^\d+$/.test(word) || word.length < 3) return { word, found, fixed: null };
    const counts = await vocabulary(word);
    if (Object.prototype.hasOwnProperty.call(counts, word)) return { word, found, fixed: null };  // said (perhaps filtered out)
    // Pagefind answers a word it does not know with a shorter one it does (`reasearch` finds turns of `rea…`):
    // its results stand only when the site said a form of the word (`burning`, where `burn` was said).
    const stem = W.stem(word);
    if (found.results.length && Object.keys(counts).some((said) => W.stem(said) === stem)) return { word, found, fixed: null };
    const fixed = W.nearest(word, counts);
    if (!fixed) return { word, found, fixed: null };
    // A common word is said and marked, but, as for any common word, not looked up alone.
    if (counts[fixed] > limit) return { word, found: { results: [] }, fixed };
    found = await find(pf, fixed, filters);
    return { word, found, fixed };
  }

  /**
   * Words typed apart that the site says as one ("kernal bench" for KernelBench, "data set" for dataset):
   * for each pair of neighbouring words, the vocabulary's word they make, exactly or a slip away.
   */
  async function joined(words) {
    const found = [];
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = words[i] + words[i + 1];
      if (W.isStop(words[i]) || W.isStop(words[i + 1]) || pair.length < 6) continue;
      const counts = await vocabulary(pair);
      const word = Object.prototype.hasOwnProperty.call(counts, pair) ? pair : W.nearest(pair, counts);
      if (word) found.push(word);
    }
    return found;
  }

  /** Smallest stretch of words holding the most query words: rewards words said together. */
  function closeness(hits, weight) {
    const all = [];
    hits.forEach((positions, term) => positions.forEach((p) => all.push([p, term])));
    if (all.length < 2) return 0;
    all.sort((a, b) => a[0] - b[0]);
    const window = Math.max(12, 3 * hits.size);
    let best = 0;
    for (let i = 0, j = 0; i < all.length; i++) {
      const inside = new Map();
      for (j = i; j < all.length && all[j][0] - all[i][0] <= window; j++) inside.set(all[j][1], true);
      let sum = 0;
      inside.forEach((_, term) => { sum += weight.get(term); });
      if (inside.size > 1) best = Math.max(best, sum);
    }
    return best;
  }

  /** How many words from textStems[i] on are said as some stretch of the query, in its order. */
  function runAt(textStems, queryStems, i) {
    let best = 0;
    for (let q = 0; q < queryStems.length; q++) {
      let n = 0;
      while (i + n < textStems.length && q + n < queryStems.length && textStems[i + n] === queryStems[q + n]) n++;
      best = Math.max(best, n);
    }
    return best;
  }

  /** Longest run of query words said in the query's order, on the record's words. */
  function longestRun(textStems, queryStems) {
    let best = 0, end = -1;
    for (let i = 0; i < textStems.length; i++) {
      const n = runAt(textStems, queryStems, i);
      if (n > best) { best = n; end = i + n; }
    }
    return { length: best, end };
  }

  /**
   * Ranked turns for a query: {results, total, corrections}. Each result has a
   * `load()` that reads its text and returns what the result shows.
   */
  async function run(query, filters) {
    const pf = await pagefind();
    const { words, phrases } = parse(query);
    let keys = [...new Set([...words.filter((w) => !W.isStop(w)), ...(await joined(words))])];
    const total = Math.max(1, (await meta()).records || (await count(pf)));
    // Words said in a large share of the turns are left to the phrase and proximity ranking below.
    const limit = Math.max(COMMON_MIN, COMMON_SHARE * total);
    const said = await Promise.all(keys.map(async (w) => (await vocabulary(w))[w] || 0));
    const rare = keys.filter((w, i) => said[i] <= limit);
    let lookups;
    if (rare.length) {
      lookups = await Promise.all(rare.map((w) => lookUp(pf, w, filters, true, limit)));
    } else {
      // Only common words (or stop words): the turns that hold them all, as Pagefind finds them.
      const all = (keys.length ? keys : [...new Set(words)]).join(" ");
      lookups = [{ word: all, found: await find(pf, all, filters), fixed: null, together: keys.length ? keys : [...new Set(words)] }];
    }

    const weight = new Map(), corrections = new Map();
    const candidates = new Map();
    for (const { word, found, fixed, together } of lookups) {
      if (fixed) corrections.set(word, fixed);
      const df = found.results.length;
      if (!df) continue;
      const term = together ? together.join(" ") : fixed || word;
      // Rare words tell turns apart; a corrected word is a guess, so it counts less.
      weight.set(term, Math.log(1 + total / df) * (fixed ? 0.7 : 1));
      for (const result of found.results) {
        let entry = candidates.get(result.id);
        if (!entry) candidates.set(result.id, (entry = { result, hits: new Map(), pagefind: 0 }));
        entry.hits.set(term, result.words);
        entry.pagefind += result.score;
      }
    }

    let allowed = null;  // a quoted phrase must be said as written
    for (const phrase of phrases) {
      const found = await find(pf, `"${phrase.join(" ")}"`, filters);
      const ids = new Set(found.results.map((r) => r.id));
      allowed = allowed ? new Set([...allowed].filter((id) => ids.has(id))) : ids;
      for (const result of found.results)
        if (!candidates.has(result.id)) candidates.set(result.id, { result, hits: new Map(), pagefind: result.score });
    }

    let ranked = [...candidates.values()].filter((c) => !allowed || allowed.has(c.result.id));
    for (const c of ranked) {
      let cover = 0;
      c.hits.forEach((_, term) => { cover += weight.get(term); });
      c.score = cover + closeness(c.hits, weight) + 0.05 * c.pagefind;
    }
    ranked.sort((a, b) => b.score - a.score);

    // Read the best candidates' words: a run of the query said in order outranks scattered words.
    const queryStems = words.map(W.stem).filter((s) => s);
    const top = ranked.slice(0, RERANKED);
    await Promise.all(top.map(async (c) => {
      c.data = await c.result.data();
      const stems = W.tokens(c.data.content).map((t) => W.stem(t.word));
      const run = longestRun(stems, queryStems);
      c.run = run;
      if (run.length >= 2) c.score += run.length * 1.5 + (run.length === queryStems.length ? 10 : 0);
    }));
    top.sort((a, b) => b.score - a.score);
    ranked = [...top, ...ranked.slice(RERANKED)];

    const wanted = [...new Set(keys.map((w) => corrections.get(w) || w))];
    const marks = new Set(wanted.map(W.stem));
    return {
      total: ranked.length,
      corrections,
      wanted,
      results: ranked.map((c) => ({ load: () => describe(c, marks, queryStems) })),
      shown: SHOWN,
    };
  }

  async function count(pf) {
    if (records === null) {
      const all = await pf.filters();  // every turn has one speaker: their counts add up to the turns
      records = Object.values(all.speaker || {}).reduce((a, b) => a + b, 0);
    }
    return records;
  }

  /** What one result shows: who, where, when, and the passage that matched with its words marked. */
  async function describe(c, marks, queryStems) {
    const data = c.data || (c.data = await c.result.data());
    const meta = data.meta || {};
    const paragraphs = (data.anchors || []).filter((a) => a.element === "p");
    if (!paragraphs.length) paragraphs.push({ id: meta.anchor, text: data.content || "" });
    let best = null;
    for (const paragraph of paragraphs) {
      const found = passageOf(paragraph.text, marks, queryStems);
      if (!best || found.score > best.score) best = { ...found, paragraph };
    }
    const text = best.paragraph.text;
    return {
      speaker: meta.speaker || "",
      episode: meta.episode || "",
      chapter: meta.chapter || "",
      time: meta.time || "",
      anchor: best.paragraph.id || meta.anchor || "",
      page: new URL(String(meta.page || ""), ROOT).href,
      passage: { text: text.slice(best.from, best.to), before: best.from > 0, after: best.to < text.length },
      marks,
    };
  }

  /**
   * The stretch of a paragraph that shows the match: the PASSAGE_WORDS words holding the
   * most query words (a run of the query said in order counts double), opening at the
   * start of its sentence when that is near.
   */
  function passageOf(text, marks, queryStems) {
    const toks = W.tokens(text);
    if (!toks.length) return { score: 0, from: 0, to: text.length };
    const stems = toks.map((t) => W.stem(t.word));
    const weight = toks.map((t, i) => (marks.has(stems[i]) && !W.isStop(t.word) ? 1 : 0));
    for (let i = 0; i < stems.length; i++) {
      const n = runAt(stems, queryStems, i);
      if (n >= 2) for (let k = i; k < i + n; k++) weight[k] = 2;
    }
    let score = 0, bestScore = -1, bestStart = 0;
    for (let i = 0; i < toks.length; i++) {
      score += weight[i];
      if (i >= PASSAGE_WORDS) score -= weight[i - PASSAGE_WORDS];
      const start = Math.max(0, i - PASSAGE_WORDS + 1);
      if (score > bestScore) { bestScore = score; bestStart = start; }
    }
    // Open a few words before the first match, at a sentence start if one is close.
    let first = bestStart;
    while (first < toks.length - 1 && !weight[first]) first++;
    let start = Math.max(0, first - 6);
    for (let k = first; k > Math.max(0, first - 14); k--)
      if (/[.?!]["”’)]?\s*$/.test(text.slice(toks[k - 1].end, toks[k].start))) { start = k; break; }
    const end = Math.min(toks.length, start + PASSAGE_WORDS) - 1;
    return { score: bestScore, from: toks[start].start, to: toks[end].end };
  }

  /** While the reader types: fetch the index chunks of the words so far, so the search itself waits less. */
  function preload(query) {
    const words = parse(query).words.filter((w) => !W.isStop(w));
    if (words.length) pagefind().then((pf) => Promise.all(words.map((w) => pf.preload(w)))).catch(() => {});
  }

  window.episodeSearch = { run, preload, pagefind, meta, root: ROOT };
})();

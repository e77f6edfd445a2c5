/*
 * The search engine: Pagefind finds the turns that hold each query word (stems
 * included), and search-rank.js ranks them the way a listener means a query.
 *
 * Pagefind on its own keeps only turns that hold every known word, so one
 * misremembered word loses the turn. Instead each word is looked up alone. A word
 * no turn holds is corrected against the site's vocabulary
 * (pagefind/vocabulary/<first letter>.json, written at build time).
 * A quoted "phrase" must be said as written.
 */
import { passageOf } from "./search-passage.js";
import { longestRun, parseQuery, rank, runBonus, termWeight } from "./search-rank.js";
import { isStop, nearest, shardOf, stem, tokens } from "./search-words.js";
import { SITE_ROOT } from "./site-root.js";

const BUNDLE = new URL("pagefind/", SITE_ROOT);
const SHOWN = 10;          // results per screen
const RERANKED = 12;       // candidates whose text is read to find phrases (each is a request)
// A word said this often (a share of all turns) is not looked up alone: Pagefind's time grows with the
// turns a word finds (seconds for 25,000 in an archive), and such a word tells turns apart poorly anyway.
const COMMON_SHARE = 0.03;
const COMMON_MIN = 300;

let engine = null;
let records = null;        // how many turns the site has: the base of every word's rarity
const shards = new Map();
const has = (object, key) => Object.hasOwn(object, key);

/** Pagefind, imported and started once, on first use, with an archive's other index parts merged in
 * (search/index.py indexes a large archive in parts: Pagefind's memory grows with the turns of a run). */
export function pagefind() {
  if (!engine)
    engine = import(new URL("pagefind.js", BUNDLE).href).then(async (module) => {
      await module.init();
      const parts = (await meta()).parts || [];
      await Promise.all(parts.map((part) => module.mergeIndex(new URL(part, BUNDLE).href)));
      return module;
    });
  return engine;
}

function fetchJson(name) {
  return fetch(new URL(name, BUNDLE))
    .then((response) => (response.ok ? response.json() : {}))
    .catch(() => ({}));
}

/** The index's own facts (search/index.py): records, parts, skip. */
export function meta() {
  if (!shards.has("meta")) shards.set("meta", fetchJson("vocabulary/meta.json"));
  return shards.get("meta");
}

function vocabulary(word) {
  const key = shardOf(word);
  if (!shards.has(key)) shards.set(key, fetchJson(`vocabulary/${key}.json`));
  return shards.get(key);
}

/** Pagefind's answer, without an archive's lexicon documents (search/index.py: they only hold words). */
async function find(pf, term, filters) {
  const found = await pf.search(term, { filters });
  const skip = (await meta()).skip || [];
  return skip.length ? { ...found, results: found.results.filter((r) => !skip.includes(r.id)) } : found;
}

async function lookUp(pf, word, filters, limit) {
  let found = await find(pf, word, filters);
  if (/^\d+$/.test(word) || word.length < 3) return { word, found, fixed: null };
  const counts = await vocabulary(word);
  if (has(counts, word)) return { word, found, fixed: null };  // said (perhaps filtered out)
  // Pagefind answers a word it does not know with a shorter one it does (`reasearch` finds turns of `rea…`):
  // its results stand only when the site said a form of the word (`burning`, where `burn` was said).
  const stemmed = stem(word);
  if (found.results.length && Object.keys(counts).some((said) => stem(said) === stemmed)) return { word, found, fixed: null };
  const fixed = nearest(word, counts);
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
    if (isStop(words[i]) || isStop(words[i + 1]) || pair.length < 6) continue;
    const counts = await vocabulary(pair);
    const word = has(counts, pair) ? pair : nearest(pair, counts);
    if (word) found.push(word);
  }
  return found;
}

async function count(pf) {
  if (records === null) {
    const all = await pf.filters();  // every turn has one speaker: their counts add up to the turns
    records = Object.values(all.speaker || {}).reduce((a, b) => a + b, 0);
  }
  return records;
}

/**
 * Ranked turns for a query: {results, total, corrections, wanted, shown}. Each result has a
 * `load()` that reads its text and returns what the result shows.
 */
export async function run(query, filters) {
  const pf = await pagefind();
  const { words, phrases } = parseQuery(query);
  const keys = [...new Set([...words.filter((w) => !isStop(w)), ...(await joined(words))])];
  const total = Math.max(1, (await meta()).records || (await count(pf)));
  // Words said in a large share of the turns are left to the phrase and proximity ranking below.
  const limit = Math.max(COMMON_MIN, COMMON_SHARE * total);
  const said = await Promise.all(keys.map(async (w) => (await vocabulary(w))[w] || 0));
  const rare = keys.filter((_, i) => said[i] <= limit);
  let lookups;
  if (rare.length) {
    lookups = await Promise.all(rare.map((w) => lookUp(pf, w, filters, limit)));
  } else {
    // Only common words (or stop words): the turns that hold them all, as Pagefind finds them.
    const together = keys.length ? keys : [...new Set(words)];
    const all = together.join(" ");
    lookups = [{ word: all, found: await find(pf, all, filters), fixed: null, together }];
  }

  const weight = new Map();
  const corrections = new Map();
  const candidates = new Map();
  for (const { word, found, fixed, together } of lookups) {
    if (fixed) corrections.set(word, fixed);
    const df = found.results.length;
    if (!df) continue;
    const term = together ? together.join(" ") : fixed || word;
    weight.set(term, termWeight(total, df, Boolean(fixed)));
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

  let ranked = rank([...candidates.values()].filter((c) => !allowed || allowed.has(c.result.id)), weight);

  // Read the best candidates' words: a run of the query said in order outranks scattered words.
  const queryStems = words.map(stem).filter((s) => s);
  const top = ranked.slice(0, RERANKED);
  await Promise.all(top.map(async (c) => {
    c.data = await c.result.data();
    c.run = longestRun(tokens(c.data.content).map((t) => stem(t.word)), queryStems);
    c.score += runBonus(c.run.length, queryStems.length);
  }));
  top.sort((a, b) => b.score - a.score);
  ranked = [...top, ...ranked.slice(RERANKED)];

  const wanted = [...new Set(keys.map((w) => corrections.get(w) || w))];
  const marks = new Set(wanted.map(stem));
  return {
    total: ranked.length,
    corrections,
    wanted,
    results: ranked.map((c) => ({ load: () => describe(c, marks, queryStems) })),
    shown: SHOWN,
  };
}

/** What one result shows: who, where, when, and the passage that matched with its words marked. */
async function describe(c, marks, queryStems) {
  if (!c.data) c.data = await c.result.data();
  const meta = c.data.meta || {};
  const paragraphs = (c.data.anchors || []).filter((a) => a.element === "p");
  if (!paragraphs.length) paragraphs.push({ id: meta.anchor, text: c.data.content || "" });
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
    page: new URL(String(meta.page || ""), SITE_ROOT).href,
    passage: { text: text.slice(best.from, best.to), before: best.from > 0, after: best.to < text.length },
    marks,
  };
}

/** While the reader types: fetch the index chunks of the words so far, so the search itself waits less. */
export function preload(query) {
  const words = parseQuery(query).words.filter((w) => !isStop(w));
  if (words.length) pagefind().then((pf) => Promise.all(words.map((w) => pf.preload(w)))).catch(() => {});
}

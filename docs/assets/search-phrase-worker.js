/*
 * Phrase-first search. Material's search ORs every typed word as a prefix and
 * ranks long sections first, so a sentence copied from a turn rarely brings
 * that turn to the top. This worker loads Material's own search worker
 * unchanged and only reorders its results: sections whose text contains the
 * query as a run of consecutive words (the last one may be half typed) come
 * first, each leading its page's group; among those, sections that contain the
 * query character for character (its dashes, curly or straight apostrophes)
 * lead. Everything else keeps Material's order.
 * Loaded by scripts/theme/main.html, which passes Material's worker URL.
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3;
let separator = /[\s\-]+/;
const wordsByLocation = new Map();  // location -> " word word … " (lowercase)
const textByLocation = new Map();   // location -> the plain text, lowercase, white space folded
let lastQuery = "";

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

function plain(text) {
  return text.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39);/g, e => ENTITIES[e]);
}

function words(text) {
  return plain(text).toLowerCase().split(separator).filter(Boolean);
}

function folded(text) {
  return plain(text).toLowerCase().replace(/\s+/g, " ").trim();
}

function setup(index) {
  separator = new RegExp(index.config.separator, "g");
  for (const doc of index.docs) {
    wordsByLocation.set(doc.location, " " + words(`${doc.title} ${doc.text}`).join(" ") + " ");
    textByLocation.set(doc.location, folded(`${doc.title} ${doc.text}`));
  }
}

// 2: the query as typed, character for character; 1: its words in a row; 0: neither.
function phraseTier(location, query, exact) {
  const text = wordsByLocation.get(location);
  if (text === undefined || !text.includes(" " + query.join(" "))) return 0;
  return textByLocation.get(location).includes(exact) ? 2 : 1;
}

function rerank(groups, raw) {
  const query = words(raw);
  if (query.length < 2) return groups;
  const exact = folded(raw);
  const tiers = new Map();    // item -> tier
  const matched = new Map();  // page -> matching sections, best tier first, then Material's order
  for (const group of groups)
    for (const item of group) {
      const tier = phraseTier(item.location, query, exact);
      if (!tier) continue;
      tiers.set(item, tier);
      const page = item.location.split("#")[0];
      matched.set(page, [...(matched.get(page) || []), item]);
    }
  if (!matched.size) return groups;
  for (const hits of matched.values()) hits.sort((a, b) => tiers.get(b) - tiers.get(a));
  const top = Math.max(...groups.flat().map(item => item.score)) + 1;
  const front = [], rest = [];
  for (const group of groups) {
    const page = group[0].location.split("#")[0];
    const hits = matched.get(page);
    if (!hits) { rest.push(group); continue; }
    // Material renders a group's sections scoring at least its first item's score in full:
    // the matching sections get the top score, so they lead and show their text.
    const lifted = hits.map(item => ({ ...item, score: top }));
    front.push([...lifted, ...group.filter(item => !hits.includes(item))]);
  }
  const best = group => tiers.get(matched.get(group[0].location.split("#")[0])[0]);
  const order = group => groups.findIndex(g => g.includes(matched.get(group[0].location.split("#")[0])[0]));
  front.sort((a, b) => best(b) - best(a) || order(a) - order(b));
  return [...front, ...rest];
}

// Material's worker answers with a global postMessage(): reorder its results on the way out.
const post = self.postMessage.bind(self);
self.postMessage = message => {
  if (message && message.type === RESULT && message.data && Array.isArray(message.data.items))
    message.data = { ...message.data, items: rerank(message.data.items, lastQuery) };
  post(message);
};

// Registered before Material's own listener, so it sees each message first.
addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) setup(message.data);
  if (message.type === QUERY) lastQuery = message.data;
});

importScripts(new URL(location.href).searchParams.get("material"));

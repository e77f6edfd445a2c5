/*
 * Phrase-first search. Material's search ORs every typed word as a prefix and
 * ranks long sections first, so a sentence copied from a turn rarely brings
 * that turn to the top. This worker loads Material's own search worker
 * unchanged and only reorders its results: sections whose text contains the
 * query as a run of consecutive words (the last one may be half typed) come
 * first, each leading its page's group. Everything else keeps Material's order.
 * Loaded by scripts/theme/main.html, which passes Material's worker URL.
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3;
let separator = /[\s\-]+/;
const wordsByLocation = new Map();  // location -> " word word … " (lowercase)
let lastQuery = "";

const ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

function words(text) {
  const plain = text.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39);/g, e => ENTITIES[e]);
  return plain.toLowerCase().split(separator).filter(Boolean);
}

function setup(index) {
  separator = new RegExp(index.config.separator, "g");
  for (const doc of index.docs)
    wordsByLocation.set(doc.location, " " + words(`${doc.title} ${doc.text}`).join(" ") + " ");
}

function containsPhrase(location, query) {
  const text = wordsByLocation.get(location);
  return text !== undefined && text.includes(" " + query.join(" "));
}

function rerank(groups, raw) {
  const query = words(raw);
  if (query.length < 2) return groups;
  const matched = new Map();  // page -> matching sections, in Material's order
  for (const group of groups)
    for (const item of group)
      if (containsPhrase(item.location, query)) {
        const page = item.location.split("#")[0];
        matched.set(page, [...(matched.get(page) || []), item]);
      }
  if (!matched.size) return groups;
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
  front.sort((a, b) => groups.findIndex(g => g.includes(matched.get(a[0].location.split("#")[0])[0]))
                     - groups.findIndex(g => g.includes(matched.get(b[0].location.split("#")[0])[0])));
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

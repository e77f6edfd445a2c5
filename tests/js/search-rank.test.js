// Ranking turns for a query (docs/assets/search-rank.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { closeness, longestRun, parseQuery, rank, runAt, runBonus, termWeight } from "../../docs/assets/search-rank.js";

describe("parseQuery", () => {
  test("words of the whole query, quoted phrases kept apart", () => {
    assert.deepEqual(parseQuery('open "Chinese models" now'), { words: ["open", "chinese", "models", "now"], phrases: [["chinese", "models"]] });
  });

  test("no quotes, no phrases; empty quotes are no phrase", () => {
    assert.deepEqual(parseQuery("Scaling reasoning").phrases, []);
    assert.deepEqual(parseQuery('"" x').phrases, []);
  });
});

describe("termWeight", () => {
  test("a rarer word weighs more", () => {
    assert.ok(termWeight(1000, 2, false) > termWeight(1000, 200, false));
  });

  test("a corrected word weighs less than the same word typed right", () => {
    assert.ok(termWeight(1000, 5, true) < termWeight(1000, 5, false));
  });
});

describe("closeness", () => {
  const weight = new Map([["a", 2], ["b", 3], ["c", 1]]);

  test("words said near each other add their weights", () => {
    assert.equal(closeness(new Map([["a", [5]], ["b", [7]]]), weight), 5);
  });

  test("words said far apart are not together", () => {
    assert.equal(closeness(new Map([["a", [0]], ["b", [500]]]), weight), 0);
  });

  test("the best window counts, and one word alone is no closeness", () => {
    assert.equal(closeness(new Map([["a", [0, 100]], ["b", [102]], ["c", [300]]]), weight), 5);
    assert.equal(closeness(new Map([["a", [1, 2, 3]]]), weight), 0);
  });
});

describe("runAt and longestRun", () => {
  const query = ["open", "model", "from", "china"];

  test("the longest stretch of the query said in its order", () => {
    const text = ["we", "like", "open", "model", "from", "europe", "model", "from", "china"];
    assert.equal(runAt(text, query, 2), 3);
    assert.deepEqual(longestRun(text, query), { length: 3, end: 5 });
  });

  test("the query's words in another order are no run", () => {
    assert.equal(longestRun(["china", "from", "model", "open"], query).length, 1);
  });

  test("no shared word, no run", () => {
    assert.deepEqual(longestRun(["nothing", "here"], query), { length: 0, end: -1 });
  });
});

describe("rank", () => {
  const weight = new Map([["rare", 5], ["common", 1]]);
  const candidate = (id, hits, pagefind = 0) => ({ id, hits: new Map(Object.entries(hits)), pagefind });

  test("a turn holding the rare word outranks one holding only the common word", () => {
    const ranked = rank([candidate("common", { common: [1] }), candidate("rare", { rare: [1] })], weight);
    assert.deepEqual(ranked.map((c) => c.id), ["rare", "common"]);
  });

  test("both words close together outrank both words far apart", () => {
    const ranked = rank([candidate("apart", { rare: [0], common: [400] }), candidate("close", { rare: [10], common: [12] })], weight);
    assert.deepEqual(ranked.map((c) => c.id), ["close", "apart"]);
    assert.ok(ranked[0].score > ranked[1].score);
  });

  test("Pagefind's own score only breaks ties", () => {
    const ranked = rank([candidate("low", { rare: [1] }, 1), candidate("high", { rare: [1] }, 3), candidate("more", { rare: [1], common: [2] }, 0)], weight);
    assert.deepEqual(ranked.map((c) => c.id), ["more", "high", "low"]);
  });
});

describe("runBonus", () => {
  test("one word in order is nothing; a longer run more; the whole query said most", () => {
    assert.equal(runBonus(1, 5), 0);
    assert.ok(runBonus(3, 5) > runBonus(2, 5));
    assert.ok(runBonus(5, 5) > runBonus(4, 5) + 5);
  });
});

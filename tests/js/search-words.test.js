// Tokenising, stemming and typo correction: the words search compares (docs/assets/search-words.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { distance, fold, isStop, nearest, shardOf, stem, tokens } from "../../docs/assets/search-words.js";

const words = (text) => tokens(text).map((t) => t.word);

describe("tokens", () => {
  test("splits on spaces and punctuation, folds case and curly apostrophes", () => {
    assert.deepEqual(words("Don’t PANIC, it's fine."), ["don't", "panic", "it's", "fine"]);
  });

  test("keeps apostrophes and letters inside a word, splits at hyphens and underscores", () => {
    assert.deepEqual(words("rock'n'roll state-of-the-art snake_case"), ["rock'n'roll", "state", "of", "the", "art", "snake", "case"]);
  });

  test("a quote mark at a word's edge is not part of it", () => {
    assert.deepEqual(words("'quoted' dogs'"), ["quoted", "dogs"]);
  });

  test("digits and letters of any script are words", () => {
    assert.deepEqual(words("GPT-4o in 2025, café 日本語 Ελλάδα"), ["gpt", "4o", "in", "2025", "café", "日本語", "ελλάδα"]);
  });

  test("offsets point at the word in the original text", () => {
    const text = "  Hello, World!";
    for (const t of tokens(text)) assert.equal(fold(text.slice(t.start, t.end)), t.word);
    assert.deepEqual(tokens(text).map((t) => [t.start, t.end]), [[2, 7], [9, 14]]);
  });

  test("a letter whose lower case is longer (İ) splits as Python's lower() does, offsets still in the original", () => {
    const text = "in İstanbul now";
    assert.deepEqual(words(text), ["in", "i", "stanbul", "now"]);
    const now = tokens(text).at(-1);
    assert.equal(text.slice(now.start, now.end), "now");
  });

  test("empty and word-less text has no tokens", () => {
    assert.deepEqual(tokens(""), []);
    assert.deepEqual(tokens(" — … !"), []);
  });
});

describe("stem", () => {
  test("forms of one word share a stem", () => {
    assert.equal(stem("models"), stem("model"));
    assert.equal(stem("modeling"), stem("model"));
    assert.equal(stem("running"), stem("run"));
    assert.equal(stem("burning"), stem("burn"));
    assert.equal(stem("studies"), stem("study"));
    assert.equal(stem("boxes"), stem("box"));
  });

  test("different words keep different stems", () => {
    assert.notEqual(stem("model"), stem("mode"));
    assert.notEqual(stem("burn"), stem("bun"));
  });

  test("short words and possessives", () => {
    assert.equal(stem("is"), "is");
    assert.equal(stem("Ross's"), stem("ross"));
  });
});

describe("isStop", () => {
  test("common words are stop words, in any case", () => {
    assert.ok(isStop("the"));
    assert.ok(isStop("The"));
    assert.ok(isStop("don’t"));
  });

  test("words that tell turns apart are not", () => {
    assert.ok(!isStop("reinforcement"));
    assert.ok(!isStop("china"));
  });
});

describe("distance (typo distance)", () => {
  test("counts insertions, deletions, substitutions and adjacent swaps as one each", () => {
    assert.equal(distance("model", "model", 2), 0);
    assert.equal(distance("modl", "model", 2), 1);
    assert.equal(distance("models", "model", 2), 1);
    assert.equal(distance("modal", "model", 2), 1);
    assert.equal(distance("mdoel", "model", 2), 1);
    assert.equal(distance("kitten", "sitting", 3), 3);
  });

  test("gives up past the limit with limit + 1", () => {
    assert.equal(distance("abcdef", "uvwxyz", 2), 3);
    assert.equal(distance("a", "abcdefg", 2), 3);
  });
});

describe("nearest (typo correction)", () => {
  const said = { reinforcement: 12, reinforce: 3, rein: 40, research: 30, reach: 5, zuck: 2, model: 50, modal: 1 };

  test("a slip of a letter or two finds the word that was said", () => {
    assert.equal(nearest("reasearch", said), "research");
    assert.equal(nearest("modle", said), "model");
  });

  test("ties go to the more frequent word", () => {
    assert.equal(nearest("modol", said), "model");
  });

  test("a word typed longer or shorter than said finds it by its beginning", () => {
    assert.equal(nearest("zuckerberg", said), "zuck");
    assert.equal(nearest("reinforc", { reinforcement: 12, rein: 40 }), "reinforcement");
    assert.equal(nearest("reinforcment", { reinforce: 3, rein: 40 }), "reinforce");
  });

  test("a slip wins over a shared beginning", () => {
    assert.equal(nearest("reinforc", said), "reinforce");
  });

  test("nothing close enough gives null", () => {
    assert.equal(nearest("quantum", said), null);
    assert.equal(nearest("xyz", said), null);
    assert.equal(nearest("model", {}), null);
  });
});

describe("shardOf (vocabulary file of a word)", () => {
  test("its first ASCII letter or digit", () => {
    assert.equal(shardOf("model"), "m");
    assert.equal(shardOf("2025"), "2");
  });

  test("anything else goes to _", () => {
    assert.equal(shardOf("élan"), "_");
    assert.equal(shardOf("日本"), "_");
    assert.equal(shardOf("'tis"), "_");
    assert.equal(shardOf("𝟘x"), "_");
    assert.equal(shardOf(""), "_");
  });
});

// The `text=` directive of a quote link (docs/assets/text-fragment.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { directive, fragmentWords, indexOfWords } from "../../docs/assets/text-fragment.js";

const split = (text) => text.split(" ");

describe("fragmentWords and indexOfWords", () => {
  test("letters and digits, case folded; punctuation and apostrophes split", () => {
    assert.deepEqual(fragmentWords("It's GPT-4, OK?"), ["it", "s", "gpt", "4", "ok"]);
  });

  test("finds a run of words from a position on", () => {
    assert.equal(indexOfWords(["a", "b", "a", "b"], ["a", "b"], 1), 2);
    assert.equal(indexOfWords(["a", "b"], ["b", "a"], 0), -1);
  });
});

describe("directive", () => {
  test("a short quote is linked whole, percent-encoded, hyphens too", () => {
    assert.equal(directive(split("state-of-the-art models, really"), "before"), "state%2Dof%2Dthe%2Dart%20models%2C%20really");
  });

  test("a long quote is linked by its first and last three words when those are unique", () => {
    const words = split("one two three four five six seven eight nine ten eleven twelve");
    assert.equal(directive(words, "nothing like it before"), "one%20two%20three,ten%20eleven%20twelve");
  });

  test("the start grows until its first match on the page is this quote", () => {
    const words = split("we think that open models will win in the end for sure");
    // "we think that" was said earlier on the page: the start needs a fourth word.
    assert.equal(directive(words, "Before: we think that closed ones lose."), "we%20think%20that%20open,end%20for%20sure");
  });

  test("the end grows until its first match after the start is the quote's end", () => {
    const words = split("alpha beta gamma one two three delta one two three epsilon one two three");
    const value = directive(words, "");
    const [, end] = value.split(",");
    assert.equal(decodeURIComponent(end), "epsilon one two three");
  });

  test("when start and end would meet, the whole quote is linked", () => {
    const words = split("a a a a a a a a a a a a");
    assert.equal(directive(words, ""), encodeURIComponent(words.join(" ")));
  });
});

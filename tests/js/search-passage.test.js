// The passage a search result shows (docs/assets/search-passage.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PASSAGE_WORDS, passageOf } from "../../docs/assets/search-passage.js";
import { stem } from "../../docs/assets/search-words.js";

const filler = (n, word = "lorem") => Array.from({ length: n }, () => word).join(" ");
const stems = (...words) => new Set(words.map(stem));
const shown = (text, found) => text.slice(found.from, found.to);

describe("passageOf", () => {
  test("a short paragraph is shown whole", () => {
    const text = "We trained the model on math.";
    const found = passageOf(text, stems("model"), ["model"]);
    assert.equal(shown(text, found), "We trained the model on math");
  });

  test("a long paragraph shows the stretch around the matching words, at most PASSAGE_WORDS words", () => {
    const text = `${filler(100)} the reward model drifted ${filler(100)}`;
    const found = passageOf(text, stems("reward", "model"), ["reward", "model"]);
    const passage = shown(text, found);
    assert.ok(passage.includes("reward model drifted"), passage);
    assert.ok(passage.split(" ").length <= PASSAGE_WORDS);
    assert.ok(found.from > 0 && found.to < text.length);
  });

  test("the stretch with more query words wins over a lone match", () => {
    const text = `model here ${filler(80)} the reward model and the reward again ${filler(80)}`;
    const passage = shown(text, passageOf(text, stems("reward", "model"), ["reward", "model"]));
    assert.ok(passage.includes("reward model and the reward"), passage);
    assert.ok(!passage.startsWith("model here"));
  });

  test("it opens at a sentence start when one is near the match", () => {
    const text = `${filler(60)}. Then we scaled it. The reward model drifted. ${filler(60)}`;
    const passage = shown(text, passageOf(text, stems("reward"), ["reward"]));
    assert.ok(passage.startsWith("The reward model"), passage);
  });

  test("the query said in order scores above the same words scattered", () => {
    const said = passageOf("open weights from china matter", stems("open", "weights", "china"), ["open", "weights", "from", "china"]);
    const scattered = passageOf("china has weights that are open", stems("open", "weights", "china"), ["open", "weights", "from", "china"]);
    assert.ok(said.score > scattered.score);
  });

  test("a paragraph without words is shown as it is", () => {
    assert.deepEqual(passageOf("…", stems("x"), ["x"]), { score: 0, from: 0, to: 1 });
  });
});

// Which words a search marks (docs/assets/search-marks.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { markedPieces, markedWords, stemsOf } from "../../docs/assets/search-marks.js";

const marked = (text, query, options) => markedWords(text, stemsOf(query), options).map((w) => text.slice(w.start, w.end));

describe("markedWords", () => {
  test("whole words whose stem the query has, in any form and case", () => {
    assert.deepEqual(marked("Burning models, one Model burned.", "burn model"), ["Burning", "models", "Model", "burned"]);
  });

  test("never a part of a word", () => {
    assert.deepEqual(marked("modelling remodel modelled", "model"), ["modelling", "modelled"]);
    assert.deepEqual(marked("theory then", "the"), []);
  });

  test("stop words are marked in results, left alone on the landed page", () => {
    assert.deepEqual(marked("the model", "the model"), ["the", "model"]);
    assert.deepEqual(marked("the model", "the model", { skipStopWords: true }), ["model"]);
  });
});

describe("markedPieces", () => {
  test("cuts the text at the marked words and keeps all of it", () => {
    const text = "A model, then models.";
    const pieces = markedPieces(text, markedWords(text, stemsOf("model")));
    assert.deepEqual(pieces, [
      { text: "A ", marked: false },
      { text: "model", marked: true },
      { text: ", then ", marked: false },
      { text: "models", marked: true },
      { text: ".", marked: false },
    ]);
    assert.equal(pieces.map((p) => p.text).join(""), text);
  });

  test("no marks: the text as one piece; a mark at each end: no empty pieces", () => {
    assert.deepEqual(markedPieces("plain", []), [{ text: "plain", marked: false }]);
    assert.deepEqual(markedPieces("model model", markedWords("model model", stemsOf("model"))).map((p) => p.text), ["model", " ", "model"]);
  });
});

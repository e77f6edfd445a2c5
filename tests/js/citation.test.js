// The plain citation "Copy quote" writes (docs/assets/citation.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { citationText, isolated } from "../../docs/assets/citation.js";

const parts = { quote: "We scaled it.", speaker: "Ross", episode: "State of AI", chapter: "Tools", time: "12:30", url: "https://x.org/e/#p" };

describe("citationText", () => {
  test("quote, then who, where, when and the link", () => {
    assert.equal(citationText(parts), "“We scaled it.” — Ross, State of AI, Tools, 12:30, https://x.org/e/#p");
  });

  test("empty parts are left out", () => {
    assert.equal(citationText({ ...parts, chapter: "", time: "" }), "“We scaled it.” — Ross, State of AI, https://x.org/e/#p");
  });

  test("a direction override in a name is removed", () => {
    assert.equal(citationText({ ...parts, speaker: "Ro\u202Ess" }), "“We scaled it.” — Ross, State of AI, Tools, 12:30, https://x.org/e/#p");
  });

  test("right-to-left names are isolated so they do not reorder the rest", () => {
    assert.ok(citationText({ ...parts, speaker: "נועה" }).includes("\u2068נועה\u2069, State of AI"));
  });
});

describe("isolated", () => {
  test("left-to-right text and empty text stay as they are", () => {
    assert.equal(isolated("Ross"), "Ross");
    assert.equal(isolated(""), "");
  });

  test("Arabic and Hebrew are wrapped in first-strong isolates", () => {
    assert.equal(isolated("سلام"), "\u2068سلام\u2069");
  });
});

// Reading the site's addresses and an episode's anchor map (docs/assets/quote-address.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { decoded, locate, pageUrl, place } from "../../docs/assets/quote-address.js";

const root = new URL("https://example.org/podcast/");

describe("place", () => {
  test("episode and chapter of a directory address", () => {
    assert.deepEqual(place(new URL("https://example.org/podcast/ep-1/02-scaling/#t-3"), root), { episode: "ep-1", page: "02-scaling", html: false });
  });

  test("an episode's home has no chapter", () => {
    assert.deepEqual(place(new URL("https://example.org/podcast/ep-1/"), root), { episode: "ep-1", page: "", html: false });
  });

  test(".html addresses say so, but not the 404 page", () => {
    assert.deepEqual(place(new URL("https://example.org/podcast/ep-1/02-scaling.html"), root), { episode: "ep-1", page: "02-scaling", html: true });
    assert.equal(place(new URL("https://example.org/podcast/404.html"), root).html, false);
  });

  test("percent-encoded slugs are decoded; a malformed one is read as written", () => {
    assert.equal(place(new URL("https://example.org/podcast/caf%C3%A9/"), root).episode, "café");
    assert.equal(place(new URL("https://example.org/podcast/%zz/"), root).episode, "%zz");
  });

  test("an address outside the site is no place", () => {
    assert.deepEqual(place(new URL("https://example.org/other/ep-1/"), root), { episode: "", page: "", html: false });
  });
});

describe("decoded", () => {
  test("decodes, or gives the text back when it cannot", () => {
    assert.equal(decoded("a%20b"), "a b");
    assert.equal(decoded("%"), "%");
  });
});

describe("pageUrl", () => {
  test("in the site's style of address", () => {
    assert.equal(pageUrl(root, "ep-1", "02-scaling", false).href, "https://example.org/podcast/ep-1/02-scaling/");
    assert.equal(pageUrl(root, "ep-1", "02-scaling", true).href, "https://example.org/podcast/ep-1/02-scaling.html");
    assert.equal(pageUrl(root, "ep-1", "", false).href, "https://example.org/podcast/ep-1/");
  });
});

describe("locate", () => {
  const map = { anchors: { "t-10": "03-tools", "t-11": "03-tools" }, retired: { "old-1": "old-2", "old-2": "t-10", "loop-a": "loop-b", "loop-b": "loop-a" } };

  test("a living anchor and its page", () => {
    assert.deepEqual(locate(map, "t-11"), { anchor: "t-11", page: "03-tools" });
  });

  test("retired anchors are followed to the one that lives now", () => {
    assert.deepEqual(locate(map, "old-1"), { anchor: "t-10", page: "03-tools" });
  });

  test("unknown anchors, a cycle of retired ones and no map give null", () => {
    assert.equal(locate(map, "nope"), null);
    assert.equal(locate(map, "loop-a"), null);
    assert.equal(locate(null, "t-10"), null);
  });
});

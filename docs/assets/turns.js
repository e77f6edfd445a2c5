/*
 * The transcript's turns on a chapter page, as render.py writes them: an `h3.turn` heading
 * with an id, then its paragraphs, each with an id.
 */
export const TURN = "article h3.turn[id]";
export const PARAGRAPH = "article h3.turn ~ p[id]";

/** The heading's text without the parts scripts and the theme add (time, continued, buttons): the speaker's name. */
export function speakerOf(heading) {
  const clone = heading.cloneNode(true);
  for (const extra of clone.querySelectorAll(".turn-continued, .turn-time, .ql-permalink, .headerlink")) extra.remove();
  return clone.textContent.replace(/\s+/g, " ").trim();
}

/** The turn heading a paragraph belongs to. */
export function turnOf(paragraph) {
  let node = paragraph.previousElementSibling;
  while (node && !node.matches("h3.turn")) node = node.previousElementSibling;
  return node;
}

/** The transcript paragraph that holds `node`, or null. */
export function paragraphOf(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const paragraph = element?.closest("p[id]");
  return paragraph?.matches(PARAGRAPH) ? paragraph : null;
}

/** This page's address with `id` as its fragment. */
export function absolute(id) {
  return `${location.origin}${location.pathname}#${encodeURIComponent(id)}`;
}

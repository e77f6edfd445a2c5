/*
 * Arriving from a search result (`?hl=words#paragraph`): mark the query's words in
 * the turn that was found, and nowhere else. Only whole words are marked (never a
 * part of one), and the `hl` part is taken off the address at once, so the
 * address a reader copies is the plain permalink. A "Clear marks" button removes them.
 */
import { onEveryPage } from "./on-every-page.js";
import { markedPieces, markedWords, stemsOf } from "./search-marks.js";

/** The turn on this page that holds `target`: its heading and its paragraphs. */
function turnOf(target) {
  let heading = target;
  while (heading && !(heading.matches && heading.matches("h3.turn"))) heading = heading.previousElementSibling;
  if (!heading) return target.matches && target.matches("p") ? [target] : [];
  const parts = [];
  for (let node = heading.nextElementSibling; node && !/^H[1-6]$/.test(node.tagName); node = node.nextElementSibling)
    if (node.matches("p")) parts.push(node);
  return parts;
}

function markWords(root, stems) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest("button, mark, .ql-permalink") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  let count = 0;
  for (const node of nodes) {
    const marked = markedWords(node.nodeValue, stems, { skipStopWords: true });
    if (!marked.length) continue;
    const pieces = document.createDocumentFragment();
    for (const piece of markedPieces(node.nodeValue, marked)) {
      if (!piece.marked) {
        pieces.append(piece.text);
        continue;
      }
      const mark = document.createElement("mark");
      mark.className = "ep-search-mark";
      mark.textContent = piece.text;
      pieces.append(mark);
    }
    node.replaceWith(pieces);
    count += marked.length;
  }
  return count;
}

function clearMarks() {
  for (const mark of document.querySelectorAll("mark.ep-search-mark")) mark.replaceWith(mark.textContent);
  document.querySelectorAll(".ep-search-clear").forEach((bar) => bar.remove());
  document.querySelector("article")?.normalize();
}

function onPage() {
  const url = new URL(location.href);
  const words = url.searchParams.get("hl");
  if (words === null) return;
  url.searchParams.delete("hl");
  history.replaceState(history.state, "", url.href);  // the address carries no search residue
  let target = null;
  try {
    target = url.hash ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
  } catch {
    target = null;  // a malformed fragment: nothing to mark
  }
  if (!target) return;
  const stems = stemsOf(words);
  let count = 0;
  for (const part of turnOf(target)) count += markWords(part, stems);
  if (!count) return;
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "ep-search-clear";
  clear.textContent = `Clear ${count} search mark${count === 1 ? "" : "s"}`;
  clear.addEventListener("click", clearMarks);
  target.closest("article")?.prepend(clear);
}

onEveryPage(onPage);

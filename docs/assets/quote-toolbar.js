/*
 * Selecting words inside a turn offers "Link to quote" (a Text Fragments link,
 * `#paragraph:~:text=start,end`, with `?t=` when the turn has a real time) and
 * "Copy quote" (a plain citation).
 */
import { anchorMap } from "./anchor-map.js";
import { citationText } from "./citation.js";
import { copy } from "./copy-status.js";
import { onEveryPage } from "./on-every-page.js";
import { place } from "./quote-address.js";
import { SITE_ROOT } from "./site-root.js";
import { directive } from "./text-fragment.js";
import { absolute, paragraphOf, speakerOf, turnOf } from "./turns.js";

// The selection grown to whole words (text fragments match whole words only).
function wholeWords(range) {
  const grown = range.cloneRange();
  const { startContainer: s, endContainer: e } = grown;
  if (s.nodeType === Node.TEXT_NODE) {
    let i = grown.startOffset;
    while (i > 0 && /\S/.test(s.data[i - 1])) i--;
    grown.setStart(s, i);
  }
  if (e.nodeType === Node.TEXT_NODE) {
    let i = grown.endOffset;
    while (i < e.data.length && /\S/.test(e.data[i])) i++;
    grown.setEnd(e, i);
  }
  return grown;
}

function timeOf(heading, paragraph) {
  const holder = [paragraph, heading].find((e) => e.dataset.time) || null;
  const shown = holder ? holder.dataset.time : (heading.querySelector(".turn-time") || {}).textContent;
  if (!shown?.trim()) return "";
  // A <time> is the recording's own time; anything else is an estimate.
  const exact = !holder && heading.querySelector("time.turn-time");
  return shown.trim().startsWith("≈") || exact ? shown.trim() : `≈ ${shown.trim()}`;
}

// The quote under the current selection, or null when it is not inside one turn.
function quoteFromSelection() {
  const selection = getSelection();
  if (!selection.rangeCount || selection.isCollapsed) return null;
  const range = wholeWords(selection.getRangeAt(0));
  const first = paragraphOf(range.startContainer);
  const last = paragraphOf(range.endContainer);
  if (!first || !last || turnOf(first) !== turnOf(last)) return null;
  const words = range.toString().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const upTo = document.createRange();
  upTo.setStart(document.body, 0);
  upTo.setEnd(range.startContainer, range.startOffset);
  const heading = turnOf(first);
  // With a real time the link carries it (`?t=`): the page's audio player starts there.
  const at = heading.querySelector("time.turn-time[data-seconds]");
  const url = `${absolute(first.id).replace("#", at ? `?t=${at.dataset.seconds}#` : "#")}:~:text=${directive(words, upTo.toString())}`;
  return { text: words.join(" "), url, paragraph: first, last, heading, time: timeOf(heading, first) };
}

async function citation(quote) {
  // The page names its chapter (h1) and its episode (the link in the chapter's facts line);
  // the anchor map is fetched only when the page does not.
  const here = place(location, SITE_ROOT);
  const h1 = document.querySelector("article h1");
  const facts = document.querySelector(".chapter-facts a");
  const map = h1 && facts ? null : await anchorMap(here.episode);
  const chapter = h1 ? speakerOf(h1) : map?.chapters[here.page] || "";
  const episode = facts ? facts.textContent.trim() : map?.title || document.title;
  return citationText({ quote: quote.text, speaker: speakerOf(quote.heading), episode, chapter, time: quote.time, url: quote.url });
}

let toolbar = null;
let current = null;

function makeToolbar() {
  const bar = document.createElement("div");
  bar.className = "ql-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Selected words");
  for (const [label, action] of [["Link to quote", "link"], ["Copy quote", "quote"]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.dataset.action = action;
    bar.append(button);
  }
  // Pressing a button must not clear the selection it acts on.
  bar.addEventListener("mousedown", (event) => event.preventDefault());
  bar.addEventListener("click", async (event) => {
    const button = event.target.closest("button");
    if (!button || !current) return;
    if (button.dataset.action === "link") copy(current.url, "Link to the quote copied");
    else copy(await citation(current), "Quote copied");
  });
  return bar;
}

function showToolbar() {
  const quote = quoteFromSelection();
  if (!quote) {
    // Keyboard users move focus into the toolbar; the selection they made still stands.
    if (toolbar && !toolbar.contains(document.activeElement)) toolbar.hidden = true;
    return;
  }
  current = quote;
  toolbar = toolbar || makeToolbar();
  // Right after the last paragraph: the next Tab from the selection reaches it.
  if (quote.last.nextElementSibling !== toolbar) quote.last.after(toolbar);
  toolbar.hidden = false;
  // Above the selection's first line, so it covers none of the words read next; below it only
  // when the header would hide it. Across, centred on that line and kept inside the text column.
  const rects = [...getSelection().getRangeAt(0).getClientRects()].filter((r) => r.width > 0);
  const first = rects[0] || quote.paragraph.getBoundingClientRect();
  const last = rects[rects.length - 1] || quote.last.getBoundingClientRect();
  const box = (toolbar.offsetParent || document.body).getBoundingClientRect();
  const column = (quote.paragraph.closest("article") || quote.paragraph).getBoundingClientRect();
  const header = document.querySelector(".md-header");
  const ceiling = header ? header.getBoundingClientRect().bottom : 0;
  const { offsetWidth: width, offsetHeight: height } = toolbar;
  const above = first.top - height - 6 >= ceiling;
  toolbar.style.top = `${(above ? first.top - height - 6 : last.bottom + 6) - box.top}px`;
  const centre = (above ? first.left + first.right : last.left + last.right) / 2;
  const left = Math.max(column.left, Math.min(centre - width / 2, column.right - width));
  toolbar.style.left = `${left - box.left}px`;
}

document.addEventListener("selectionchange", showToolbar);
onEveryPage(() => {
  if (toolbar) toolbar.hidden = true;
});

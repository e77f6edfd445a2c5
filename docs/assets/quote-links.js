/*
 * Quote links. Every turn heading and paragraph gets a button that copies its
 * permalink; selecting words inside a turn offers "Link to quote" (a Text
 * Fragments link, `#paragraph:~:text=start,end`) and "Copy quote" (a plain
 * citation); arriving at an anchor marks it; and a link whose anchor is not on
 * the page it names goes on to the page where the anchor lives now, read from
 * the episode's anchors.json (written at build time). The 404 page uses the
 * same map. Plain script, no framework; Material's instant navigation swaps
 * pages without reloading, so the per-page work runs on each `document$` page.
 */
(function () {
  "use strict";

  const TURN = "article h3.turn[id]";
  const PARAGRAPH = "article h3.turn ~ p[id]";
  const SHORT_QUOTE = 10;   // words: a quote this short is linked whole, as one `text=`
  const MIN_EDGE = 3;       // words at least in the `start` and `end` of a longer quote

  // The site's root is two levels above this script (assets/quote-links.js). Taken from the
  // script's own address because Material's config `base` is relative to the first page loaded.
  const ROOT = new URL("..", document.currentScript.src);
  const maps = new Map();   // episode slug -> Promise of its anchors.json (or null)

  // ---- Where a page is: episode slug and chapter slug from its address -------------------

  // A malformed address (`#%`, `/%zz/`) must not stop the script: read it as written.
  function decoded(text, decode = decodeURIComponent) {
    try { return decode(text); } catch (error) { return text; }
  }

  function place(url) {
    const path = decoded(url.pathname, decodeURI);
    const root = decoded(ROOT.pathname, decodeURI);
    const rel = path.startsWith(root) ? path.slice(root.length) : "";
    const [episode = "", page = ""] = rel.split("/");
    return { episode, page: page.replace(/\.html$/, ""), html: /\.html$/.test(path) && !/404\.html$/.test(path) };
  }

  function anchorMap(episode) {
    if (!episode) return Promise.resolve(null);
    if (!maps.has(episode))
      maps.set(episode, fetch(new URL(`${encodeURIComponent(episode)}/anchors.json`, ROOT))
        .then(response => response.ok ? response.json() : null).catch(() => null));
    return maps.get(episode);
  }

  function pageUrl(episode, page, html) {
    const path = page ? (html ? `${page}.html` : `${page}/`) : "";
    return new URL(`${episode}/${path}`, ROOT);
  }

  // Follows retired anchors (old -> new) to the anchor that lives now, and finds its page.
  function locate(map, anchor) {
    for (let hops = 0; map && anchor in map.retired && hops < 20; hops++) anchor = map.retired[anchor];
    return map && anchor in map.anchors ? { anchor, page: map.anchors[anchor] } : null;
  }

  // ---- Copying and telling the reader, on screen and to screen readers ----------------

  function status() {
    let element = document.querySelector(".ql-status");
    if (!element) {
      element = document.createElement("div");
      element.className = "ql-status";
      element.setAttribute("role", "status");
      element.setAttribute("aria-live", "polite");
      document.body.append(element);
    }
    return element;
  }

  let hideTimer = 0;
  function announce(message) {
    const element = status();
    element.textContent = "";  // a repeated message must change to be read again
    requestAnimationFrame(() => { element.textContent = message; element.classList.add("ql-status--shown"); });
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => element.classList.remove("ql-status--shown"), 2500);
  }

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      // No async clipboard (plain http, older browser): copy through a hidden text area.
      const selection = getSelection();
      const kept = selection.rangeCount ? selection.getRangeAt(0) : null;
      const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
      area.className = "ql-offscreen";
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      if (kept) { selection.removeAllRanges(); selection.addRange(kept); }
      if (!ok) { announce("Copying failed: " + text); return; }
    }
    announce(done);
  }

  // ---- Permalinks on turns and paragraphs ------------------------------------------------

  function absolute(id) {
    return location.origin + location.pathname + "#" + encodeURIComponent(id);
  }

  function speakerOf(heading) {
    const clone = heading.cloneNode(true);
    clone.querySelectorAll(".turn-continued, .turn-time, .ql-permalink, .headerlink").forEach(e => e.remove());
    return clone.textContent.replace(/\s+/g, " ").trim();
  }

  function turnOf(paragraph) {
    let node = paragraph.previousElementSibling;
    while (node && !node.matches("h3.turn")) node = node.previousElementSibling;
    return node;
  }

  // The button goes after the last word, glued to it: alone, it could wrap onto a line of its own.
  function attachAtEnd(element, button) {
    const last = element.lastChild;
    const cut = last && last.nodeType === Node.TEXT_NODE ? last.data.search(/\S+\s*$/) : -1;
    if (cut < 0) { element.append(button); return; }
    const glue = document.createElement("span");
    glue.className = "ql-glue";
    glue.append(last.splitText(cut), button);
    element.append(glue);
  }

  function addPermalinks() {
    for (const element of document.querySelectorAll(`${TURN}, ${PARAGRAPH}`)) {
      if (element.querySelector(".ql-permalink")) continue;
      const heading = element.matches("h3") ? element : turnOf(element);
      const what = element === heading ? `${speakerOf(heading)}’s turn` : `this paragraph of ${speakerOf(heading)}`;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ql-permalink";
      button.title = "Copy link";
      button.setAttribute("aria-label", `Copy link to ${what}`);
      button.addEventListener("click", () => copy(absolute(element.id), "Link copied"));
      attachAtEnd(element, button);
    }
  }

  // ---- Selecting words: "Link to quote" and "Copy quote" ---------------------------------

  function paragraphOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const paragraph = element && element.closest("p[id]");
    return paragraph && paragraph.matches(PARAGRAPH) ? paragraph : null;
  }

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

  // Words as a text fragment compares them: letters and digits, case folded. Coarser than
  // the browser's matching, so a phrase judged unique here is unique there too.
  function tokens(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
  }

  function indexOf(haystack, needle, from) {
    outer: for (let i = from; i + needle.length <= haystack.length; i++) {
      for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  // `text=` value: the whole quote when short, else the fewest words at each end such that
  // the browser's first match for the start is this quote's start, and for the end its end.
  function directive(words, before) {
    const encode = text => encodeURIComponent(text).replace(/-/g, "%2D");
    const all = tokens(words.join(" "));
    const prior = tokens(before);
    if (words.length <= SHORT_QUOTE) return encode(words.join(" "));
    const haystack = [...prior, ...all];
    let k = MIN_EDGE, m = MIN_EDGE;
    while (k + m < words.length && indexOf(haystack, tokens(words.slice(0, k).join(" ")), 0) !== prior.length) k++;
    const startLength = tokens(words.slice(0, k).join(" ")).length;
    while (k + m < words.length) {
      const end = tokens(words.slice(-m).join(" "));
      if (indexOf(all, end, startLength) === all.length - end.length) break;
      m++;
    }
    if (k + m >= words.length) return encode(words.join(" "));
    return `${encode(words.slice(0, k).join(" "))},${encode(words.slice(-m).join(" "))}`;
  }

  function timeOf(heading, paragraph) {
    const holder = [paragraph, heading].find(e => e.dataset.time) || null;
    const shown = holder ? holder.dataset.time : (heading.querySelector(".turn-time") || {}).textContent;
    if (!shown || !shown.trim()) return "";
    // A <time> is the recording's own time; anything else is an estimate.
    const exact = !holder && heading.querySelector("time.turn-time");
    return shown.trim().startsWith("≈") || exact ? shown.trim() : `≈ ${shown.trim()}`;
  }

  // The quote under the current selection, or null when it is not inside one turn.
  function quoteFromSelection() {
    const selection = getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    const range = wholeWords(selection.getRangeAt(0));
    const first = paragraphOf(range.startContainer), last = paragraphOf(range.endContainer);
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
    const h1 = document.querySelector("article h1");
    const facts = document.querySelector(".chapter-facts a");
    const map = h1 && facts ? null : await anchorMap(place(location).episode);
    const chapter = h1 ? speakerOf(h1) : (map && map.chapters[place(location).page]) || "";
    const episode = facts ? facts.textContent.trim() : (map && map.title) || document.title;
    const parts = [speakerOf(quote.heading), episode, chapter].map(name => isolated(name.replace(BIDI_CONTROLS, "")));
    return `“${isolated(quote.text)}” — ${[...parts, quote.time, quote.url].filter(Boolean).join(", ")}`;
  }

  // Right-to-left text, or a stray override (U+202E) in a name, would reorder the rest of the citation:
  // such a piece is set apart with first-strong isolates (U+2068 … U+2069), which also end any override left open inside.
  const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
  const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

  function isolated(text) {
    return text && RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
  }

  let toolbar = null, current = null;

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
    bar.addEventListener("mousedown", event => event.preventDefault());
    bar.addEventListener("click", async event => {
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
    const rects = [...getSelection().getRangeAt(0).getClientRects()].filter(r => r.width > 0);
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

  // ---- Arriving: mark the target, and follow anchors that moved ---------------------------

  function mark() {
    document.querySelectorAll(".ql-landed").forEach(e => e.classList.remove("ql-landed"));
    const id = decoded(location.hash.slice(1));
    const target = id && document.getElementById(id);
    // :target does not follow instant navigation (history.pushState), so a class does the same.
    if (target && target.matches(`${TURN}, ${PARAGRAPH}`)) target.classList.add("ql-landed");
    return target;
  }

  async function follow() {
    const id = decoded(location.hash.slice(1));
    const here = place(location);
    const notFound = document.querySelector("[data-ql-not-found]");
    if ((!id || document.getElementById(id)) && !notFound) return;
    const map = await anchorMap(here.episode);
    const found = id && locate(map, id);
    if (found && (found.page !== here.page || found.anchor !== id || notFound)) {
      const url = pageUrl(map.episode, found.page, here.html);
      url.hash = found.anchor;
      location.replace(url.href);  // replace: the back button skips the address that moved
      return;
    }
    if (notFound && map) listChapters(notFound, map, here);
  }

  // The 404 page inside an episode: say what happened and offer the episode's chapters.
  function listChapters(holder, map, here) {
    const heading = document.createElement("p");
    heading.textContent = `This address is not part of “${map.title}” any more. Its chapters are:`;
    const list = document.createElement("ul");
    for (const [slug, title] of Object.entries(map.chapters)) {
      const item = document.createElement("li");
      item.append(Object.assign(document.createElement("a"), { href: pageUrl(map.episode, slug, here.html).href, textContent: title }));
      list.append(item);
    }
    holder.replaceChildren(heading, list);
  }

  function onPage() {
    addPermalinks();
    status();
    if (toolbar) toolbar.hidden = true;
    mark();
    follow();
  }

  document.addEventListener("selectionchange", showToolbar);
  addEventListener("hashchange", () => { mark(); follow(); });
  if (window.document$) window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();

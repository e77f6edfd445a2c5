/*
 * The search box: a button in Material's header opens a dialog with the query,
 * filters (episode, speaker, chapter, topic) and the results, one turn each.
 * Keys: `/` or `s` opens it, Escape closes it, Enter opens the first result, the
 * arrow keys move through the results. The address keeps the query and the
 * filters while the dialog is open (`?search=…&speaker=…`), so a search can be
 * shared. Nothing of the index is fetched until the dialog first opens.
 * Every text from the index is put on the page as text, never as markup.
 */
import { onEveryPage } from "./on-every-page.js";
import { meta, pagefind, preload, run } from "./search-engine.js";
import { markedPieces, markedWords } from "./search-marks.js";
import { tokens } from "./search-words.js";

const FACETS = [["episode", "Episode"], ["speaker", "Speaker"], ["chapter", "Chapter"], ["topic", "Topic"]];
const STATE = ["search", ...FACETS.map(([key]) => key)];
const DEBOUNCE_MS = 80;  // a pause in typing, not every keystroke
const LAZY_FILTERS_FROM = 20000;  // turns: a larger site loads its filter lists when the reader opens one

let dialog, input, status, list, more, selects = {}, generation = 0, timer = 0, shown = [], wanted = [], pending = null;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function icon() {
  // Material's magnifier (material/magnify), drawn here so that no template has to be copied.
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5");
  svg.append(path);
  return svg;
}

// ---- The dialog, made once per page load ------------------------------------------------

function makeDialog() {
  input = element("input", {
    type: "search", class: "ep-search__input", placeholder: "Search what was said",
    "aria-label": "Search the transcripts", autocomplete: "off", autocapitalize: "off", spellcheck: "false",
    "aria-controls": "ep-search-results", "aria-describedby": "ep-search-status",
  });
  const close = element("button", { type: "button", class: "ep-search__close", "aria-label": "Close search" }, "Esc");
  const facets = element("div", { class: "ep-search__filters", role: "group", "aria-label": "Filters" });
  for (const [key, label] of FACETS) {
    const select = element("select", { class: "ep-search__filter", "data-facet": key, "aria-label": `Filter by ${label.toLowerCase()}` },
      element("option", { value: "" }, `Any ${label.toLowerCase()}`));
    selects[key] = select;
    select.hidden = true;
    select.addEventListener("change", () => {
      if (key === "episode") fillChapters();
      syncAddress();
      search();
    });
    facets.append(select);
  }
  status = element("p", { id: "ep-search-status", class: "ep-search__status", role: "status", "aria-live": "polite" });
  list = element("ol", { id: "ep-search-results", class: "ep-search__results", "aria-label": "Results" });
  more = element("button", { type: "button", class: "ep-search__more", hidden: "" }, "More results");
  const form = element("form", { class: "ep-search__form", role: "search" }, icon(), input, close);
  dialog = element("dialog", { class: "ep-search", "aria-label": "Search" },
    form, facets, status, list, more);
  document.body.append(dialog);

  form.addEventListener("submit", (event) => { event.preventDefault(); openFirst(); });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => { syncAddress(true); });
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });  // the backdrop
  // Escape closes at once (a search field would first only empty itself).
  dialog.addEventListener("keydown", (event) => { if (event.key === "Escape") { event.preventDefault(); dialog.close(); } });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    preload(input.value);
    timer = setTimeout(() => { syncAddress(); search(); }, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { event.preventDefault(); focusResult(0); }
  });
  list.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") { event.preventDefault(); focusResult(Math.min(links.length - 1, at + 1)); }
    if (event.key === "ArrowUp") { event.preventDefault(); at <= 0 ? input.focus() : focusResult(at - 1); }
  });
  list.addEventListener("click", (event) => { if (event.target.closest("a")) dialog.close(); });
  more.addEventListener("click", () => showMore());
}

function focusResult(index) {
  const links = list.querySelectorAll("a");
  if (links[index]) links[index].focus();
}

function openFirst() {
  const first = list.querySelector("a");
  if (first) first.click();
  else if (pending) pending.then(() => { const a = list.querySelector("a"); if (a) a.click(); });
}

function open(state = {}) {
  if (!dialog) makeDialog();
  if (!dialog.open) dialog.showModal();
  if (state.search !== undefined) input.value = state.search;
  input.focus();
  // An archive's filter lists are large (a megabyte at 500 episodes): they load when the reader reaches for them.
  const now = FACETS.some(([key]) => state[key] !== undefined);
  meta().then((m) => (now || (m.records || 0) <= LAZY_FILTERS_FROM ? loadFilters(state) : deferFilters()))
    .then(() => { if (input.value.trim()) search(); });
}

function deferFilters() {
  for (const [key] of FACETS) selects[key].hidden = false;  // each says "Any …" until its list has loaded
  const group = dialog.querySelector(".ep-search__filters");
  const load = () => loadFilters({});
  group.addEventListener("focusin", load, { once: true });
  group.addEventListener("pointerdown", load, { once: true });
}

// ---- Filters ------------------------------------------------------------------------------

let filtersLoaded = null;
let chapters = [];  // every chapter filter value: "Episode › Chapter" when the site has several episodes
function loadFilters(state) {
  if (!filtersLoaded)
    filtersLoaded = pagefind().then((pf) => pf.filters()).then((all) => {
      for (const [key] of FACETS) {
        const values = Object.keys(all[key] || {}).sort((a, b) => a.localeCompare(b));
        if (key === "chapter") chapters = values;
        else fill(selects[key], values);
        // One episode needs no episode filter; a site without topics, no topic filter.
        selects[key].hidden = values.length < (key === "episode" ? 2 : 1);
      }
      fillChapters();
    }).catch(() => { status.textContent = "Search is not available: its index did not load."; });
  return filtersLoaded.then(() => {
    for (const [key] of FACETS) {
      if (state[key] === undefined) continue;
      selects[key].value = state[key];
      if (key === "episode") fillChapters(state.chapter);
    }
  });
}

function fill(select, values, label = (value) => value) {
  select.replaceChildren(select.options[0]);
  for (const value of values) select.append(element("option", { value }, label(value)));
}

/** With several episodes, the chapter list is the chosen episode's (an archive has thousands). */
function fillChapters(keep = selects.chapter.value) {
  if (selects.episode.hidden) {
    fill(selects.chapter, chapters);
    selects.chapter.value = keep || "";
    return;
  }
  const prefix = `${selects.episode.value} › `;
  const mine = selects.episode.value ? chapters.filter((c) => c.startsWith(prefix)) : [];
  fill(selects.chapter, mine, (value) => value.slice(prefix.length));
  selects.chapter.disabled = !mine.length;
  selects.chapter.value = mine.includes(keep) ? keep : "";
}

function chosenFilters() {
  const filters = {};
  for (const [key] of FACETS) if (selects[key].value) filters[key] = selects[key].value;
  return filters;
}

// ---- The address keeps the search while it is open ---------------------------------------

function syncAddress(closing = false) {
  const url = new URL(location.href);
  for (const key of STATE) url.searchParams.delete(key);
  if (!closing && input.value.trim()) {
    url.searchParams.set("search", input.value);
    for (const [key, value] of Object.entries(chosenFilters())) url.searchParams.set(key, value);
  }
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}

function stateFromAddress() {
  const params = new URL(location.href).searchParams;
  if (!params.has("search")) return null;
  const state = {};
  for (const key of STATE) if (params.has(key)) state[key] = params.get(key);
  return state;
}

// ---- Searching and showing ----------------------------------------------------------------

function search() {
  const query = input.value.trim();
  const mine = ++generation;
  if (!query) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    delete status.dataset.query;
    pending = null;
    return;
  }
  pending = run(query, chosenFilters()).then(async (outcome) => {
    if (mine !== generation) return;
    shown = outcome.results;
    wanted = outcome.wanted;
    list.replaceChildren();
    await append(outcome.results.slice(0, outcome.shown), mine);
    if (mine !== generation) return;
    more.hidden = outcome.results.length <= outcome.shown;
    tell(outcome, query);
  }).catch(() => { if (mine === generation) status.textContent = "Search failed to load. Reload the page to try again."; });
  return pending;
}

function tell(outcome, query) {
  const n = outcome.total;
  let said = n ? `${n.toLocaleString("en")} turn${n === 1 ? "" : "s"} found` : `No turn holds these words`;
  if (outcome.corrections.size) {
    const fixed = tokens(query).map((t) => outcome.corrections.get(t.word) || t.word).join(" ");
    said += `. Showing results for “${fixed}”`;
  }
  status.textContent = said + ".";
  status.dataset.query = query;  // which query the results shown answer (tests wait on it)
}

async function showMore() {
  const mine = generation;
  const count = list.children.length;
  await append(shown.slice(count, count + 10), mine);
  more.hidden = list.children.length >= shown.length;
  focusResult(count);
}

async function append(results, mine) {
  const described = await Promise.all(results.map((r) => r.load()));
  if (mine !== generation) return;
  for (const d of described) list.append(resultItem(d));
}

function resultItem(d) {
  const href = new URL(d.page);
  // The landed page marks these words in the turn, then takes them off its address.
  if (wanted.length) href.searchParams.set("hl", wanted.join(" "));
  href.hash = d.anchor;
  const several = !selects.episode.hidden;  // with one episode, its title on every result is noise
  const where = [several ? d.episode : "", d.chapter, d.time].filter(Boolean).join(" · ");
  const link = element("a", { class: "ep-result", href: href.href },
    element("span", { class: "ep-result__who" }, d.speaker),
    element("span", { class: "ep-result__where" }, where),
    passage(d));
  return element("li", {}, link);
}

/** The passage as text nodes, with whole query words inside <mark>. */
function passage(d) {
  const block = element("span", { class: "ep-result__text" });
  const { text, before, after } = d.passage;
  if (before) block.append("… ");
  for (const piece of markedPieces(text, markedWords(text, d.marks))) {
    block.append(piece.marked ? element("mark", {}, piece.text) : piece.text);
  }
  if (after) block.append(" …");
  return block;
}

// ---- The button in the header, and the keys -----------------------------------------------

function placeButton() {
  const header = document.querySelector(".md-header__inner") || document.querySelector("header");
  if (!header || header.querySelector(".ep-search-button")) return;
  const button = element("button", { type: "button", class: "ep-search-button", "aria-label": "Search", "aria-keyshortcuts": "/ s", title: "Search (/)" },
    icon(), element("span", { class: "ep-search-button__label" }, "Search"));
  button.addEventListener("click", () => open());
  const source = header.querySelector(".md-header__source");
  header.insertBefore(button, source);
}

document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const typing = target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
  if (!typing && (event.key === "/" || event.key === "s") && !(dialog && dialog.open)) {
    event.preventDefault();
    open();
  }
}, true);

function onPage() {
  placeButton();
  const state = stateFromAddress();
  if (state) open(state);
}

onEveryPage(onPage);

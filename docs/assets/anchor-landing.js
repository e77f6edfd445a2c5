/*
 * Arriving at an anchor marks it; a link whose anchor is not on the page it names goes
 * on to the page where the anchor lives now, read from the episode's anchors.json. The
 * 404 page inside an episode says so and lists the episode's chapters.
 */
import { anchorMap } from "./anchor-map.js";
import { onEveryPage } from "./on-every-page.js";
import { decoded, locate, pageUrl, place } from "./quote-address.js";
import { SITE_ROOT } from "./site-root.js";
import { PARAGRAPH, TURN } from "./turns.js";

function mark() {
  for (const landed of document.querySelectorAll(".ql-landed")) landed.classList.remove("ql-landed");
  const id = decoded(location.hash.slice(1));
  const target = id && document.getElementById(id);
  // :target does not follow instant navigation (history.pushState), so a class does the same.
  if (target && target.matches(`${TURN}, ${PARAGRAPH}`)) target.classList.add("ql-landed");
  return target;
}

async function follow() {
  const id = decoded(location.hash.slice(1));
  const here = place(location, SITE_ROOT);
  const notFound = document.querySelector("[data-ql-not-found]");
  if ((!id || document.getElementById(id)) && !notFound) return;
  const map = await anchorMap(here.episode);
  const found = id && locate(map, id);
  if (found && (found.page !== here.page || found.anchor !== id || notFound)) {
    const url = pageUrl(SITE_ROOT, map.episode, found.page, here.html);
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
    item.append(Object.assign(document.createElement("a"), { href: pageUrl(SITE_ROOT, map.episode, slug, here.html).href, textContent: title }));
    list.append(item);
  }
  holder.replaceChildren(heading, list);
}

function arrive() {
  mark();
  follow();
}

addEventListener("hashchange", arrive);
onEveryPage(arrive);

/*
 * Where a page is and where an anchor lives now: reading the site's addresses and an
 * episode's anchors.json (promises/anchor_map.py writes it). Pure: addresses in, places out.
 */

/** `text` decoded, or as written when it is malformed (`#%`, `/%zz/`): a bad address must not stop the page. */
export function decoded(text, decode = decodeURIComponent) {
  try {
    return decode(text);
  } catch {
    return text;
  }
}

/** The episode slug and chapter slug of an address under `root`, and whether the site uses `.html` addresses. */
export function place(url, root) {
  const path = decoded(url.pathname, decodeURI);
  const base = decoded(root.pathname, decodeURI);
  const rel = path.startsWith(base) ? path.slice(base.length) : "";
  const [episode = "", page = ""] = rel.split("/");
  return { episode, page: page.replace(/\.html$/, ""), html: /\.html$/.test(path) && !/404\.html$/.test(path) };
}

/** The address of an episode's page (its home when `page` is empty), in the site's style of address. */
export function pageUrl(root, episode, page, html) {
  const path = page ? (html ? `${page}.html` : `${page}/`) : "";
  return new URL(`${episode}/${path}`, root);
}

/** Follows retired anchors (old → new) to the anchor that lives now: {anchor, page}, or null when the map
 * does not know it. A cycle of retired anchors gives up after 20 steps. */
export function locate(map, anchor) {
  let now = anchor;
  for (let hops = 0; map && now in map.retired && hops < 20; hops++) now = map.retired[now];
  return map && now in map.anchors ? { anchor: now, page: map.anchors[now] } : null;
}

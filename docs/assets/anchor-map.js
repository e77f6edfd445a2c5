/*
 * An episode's anchors.json (promises/anchor_map.py writes it at build time): where each anchor
 * lives now, the anchors that moved, its chapters and title. Fetched once per episode, on demand.
 */
import { SITE_ROOT } from "./site-root.js";

const maps = new Map();   // episode slug -> Promise of its anchors.json (or null)

export function anchorMap(episode) {
  if (!episode) return Promise.resolve(null);
  if (!maps.has(episode))
    maps.set(episode, fetch(new URL(`${encodeURIComponent(episode)}/anchors.json`, SITE_ROOT))
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null));
  return maps.get(episode);
}

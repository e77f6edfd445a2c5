// Names the tag list landmark "Topics": axe requires every <nav> on a page to have a unique name
// (landmark-unique), and Material's partials/tags.html gives none. Set here rather than in a
// whole-file copy of that template, so that Material's template stays Material's.
import { onEveryPage } from "./on-every-page.js";

function nameTagLists() {
  for (const nav of document.querySelectorAll("nav.md-tags:not([aria-label])")) nav.setAttribute("aria-label", "Topics");
}

onEveryPage(nameTagLists);  // Material's instant loading swaps pages in place

/**
 * Runs `setUp` on every page: with Material's instant navigation a click swaps the page in place and
 * `document$` says so (it also replays the first page); without it, once the page is parsed.
 */
export function onEveryPage(setUp) {
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setUp);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
}

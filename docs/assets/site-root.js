// The site's root, one level above this file (assets/site-root.js). Taken from the module's own
// address because Material's config `base` is relative to the first page loaded (instant navigation).
export const SITE_ROOT = new URL("..", import.meta.url);

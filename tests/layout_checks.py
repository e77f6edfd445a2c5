"""Layout measurements run inside a page (JavaScript for Playwright's `page.evaluate`)."""

from __future__ import annotations

# Content wider than the window, outside a scroll box that says it scrolls: a labelled, focusable
# region, with a `.scroll-hint` line beside it.
OVERFLOW = """() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px in a ${width} px window`);
  for (const box of document.querySelectorAll("*")) {
    const style = getComputedStyle(box);
    if (!/(auto|scroll)/.test(style.overflowX) || box.scrollWidth <= box.clientWidth + 1) continue;
    if (box.closest(".md-sidebar, .md-search, pre")) continue;   // Material's own drawers and code blocks
    const region = box.closest("[role=region][aria-label]");
    if (!(region && region.tabIndex >= 0 && region.parentElement.querySelector(".scroll-hint")))
      problems.push(`${box.tagName.toLowerCase()}.${box.className} scrolls sideways without saying so`);
  }
  return problems;
}"""

# WCAG 2.2, 2.5.8: a target is 24 x 24 px, or a 24 px circle on its centre meets no other target.
# Exempt, as the criterion allows: links inside a sentence, and what the browser draws itself.
TARGETS = """() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex]:not([tabindex='-1'])";
  const width = innerWidth;
  const visible = el => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= width) return false;
    if (el.closest("[hidden], [aria-hidden=true], .md-sidebar--secondary, svg")) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none" && style.pointerEvents !== "none";
  };
  const inSentence = el => {
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block && block.textContent.trim().length > el.textContent.trim().length + 2;
  };
  const targets = [...document.querySelectorAll(selector)].filter(visible);
  const boxes = targets.map(el => el.getBoundingClientRect());
  const small = targets.map((el, i) => !inSentence(el) && (boxes[i].width < 23.5 || boxes[i].height < 23.5));
  const centre = r => [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
  const distance = (p, r) => Math.hypot(Math.max(r.left - p[0], 0, p[0] - r.right), Math.max(r.top - p[1], 0, p[1] - r.bottom));
  const problems = [];
  targets.forEach((el, i) => {
    if (!small[i]) return;
    const c = centre(boxes[i]);
    const crowded = targets.some((other, j) => j !== i && !other.contains(el) && !el.contains(other) &&
      (small[j] ? Math.hypot(c[0] - centre(boxes[j])[0], c[1] - centre(boxes[j])[1]) < 24 : distance(c, boxes[j]) < 12));
    if (crowded)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}" ` +
                    `is ${Math.round(boxes[i].width)}x${Math.round(boxes[i].height)} px and crowded`);
  });
  return problems;
}"""

# Visible topic chips: the strongest few after the facts line; Material's own tag list stays hidden.
TAG_COUNT = """() => ({
  shown: [...document.querySelectorAll(".chapter-topics a")].filter(a => a.getClientRects().length).length,
  material: [...document.querySelectorAll(".md-content .md-tag")].filter(a => a.getClientRects().length).length,
})"""

# WCAG 1.4.12's text-spacing override, as a user style sheet would set it.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""

# Text cut off: a box that hides what overflows it while its content is taller or wider.
CLIPPED = """() => [...document.querySelectorAll(".md-content *, .md-header *, .md-footer *")].filter(el => {
  const style = getComputedStyle(el);
  if (!el.getClientRects().length || !el.textContent.trim() || el.closest(".md-search")) return false;  // search: a closed dialog
  const hidesX = style.overflowX === "hidden" || style.overflowX === "clip";
  const hidesY = style.overflowY === "hidden" || style.overflowY === "clip";
  return (hidesX && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== "ellipsis") ||
         (hidesY && el.scrollHeight > el.clientHeight + 1);
}).map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 40)}`)"""

# Average characters per line of the body text's paragraphs (the measure).
MEASURE = """() => {
  const lines = [], chars = [];
  for (const p of document.querySelectorAll("article h3.turn ~ p[id]")) {
    const range = document.createRange();
    range.selectNodeContents(p);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size < 3) continue;
    lines.push(tops.size - 0.5);          // a paragraph's last line is half full, on average
    chars.push(p.textContent.replace(/\\s+/g, " ").trim().length);
  }
  return chars.reduce((a, b) => a + b, 0) / lines.reduce((a, b) => a + b, 0);
}"""

# A permalink button sitting on a line of its own, below the paragraph's last word.
LONELY_PERMALINKS = """() => [...document.querySelectorAll("article p[id] .ql-permalink")].filter(button => {
  const paragraph = button.closest("p[id]");
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  range.setEndBefore(button);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const last = rects[rects.length - 1], mine = button.getBoundingClientRect();
  const middle = (mine.top + mine.bottom) / 2;
  return !last || middle < last.top || middle > last.bottom;
}).map(button => button.closest("p[id]").id)"""

/*
 * The plain citation "Copy quote" puts on the clipboard. Pure: names and times in, text out.
 */

// Right-to-left text, or a stray override (U+202E) in a name, would reorder the rest of the citation:
// such a piece is set apart with first-strong isolates (U+2068 … U+2069), which also end any override left open inside.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

/** `text` inside first-strong isolates when it holds right-to-left text or a direction control. */
export function isolated(text) {
  return text && RIGHT_TO_LEFT.test(text) ? `\u2068${text}\u2069` : text;
}

/** “quote” — speaker, episode, chapter, time, link (empty parts left out; names cleared of direction controls). */
export function citationText({ quote, speaker, episode, chapter, time, url }) {
  const names = [speaker, episode, chapter].map((name) => isolated(name.replace(BIDI_CONTROLS, "")));
  return `“${isolated(quote)}” — ${[...names, time, url].filter(Boolean).join(", ")}`;
}

/*
 * The `text=` part of a Text Fragments link (`#paragraph:~:text=start,end`) for a quote.
 * Pure: the quote's words and the page text before it in, the directive out.
 */
const SHORT_QUOTE = 10;   // words: a quote this short is linked whole, as one `text=`
const MIN_EDGE = 3;       // words at least in the `start` and `end` of a longer quote

/** Words as a text fragment compares them: letters and digits, case folded. Coarser than
 * the browser's matching, so a phrase judged unique here is unique there too. */
export function fragmentWords(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

/** Where `needle` (a list of words) first occurs in `haystack` from `from` on, or -1. */
export function indexOfWords(haystack, needle, from) {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Text for a directive: percent-encoded, with `-` too (it marks a prefix or suffix there). */
export function encodeFragmentText(text) {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

/**
 * The `text=` value for a quote (`words`, as selected) that follows `before` on the page: the whole
 * quote when short, else the fewest words at each end such that the browser's first match for the
 * start is this quote's start, and for the end its end.
 */
export function directive(words, before) {
  if (words.length <= SHORT_QUOTE) return encodeFragmentText(words.join(" "));
  const all = fragmentWords(words.join(" "));
  const prior = fragmentWords(before);
  const haystack = [...prior, ...all];
  let k = MIN_EDGE;
  let m = MIN_EDGE;
  while (k + m < words.length && indexOfWords(haystack, fragmentWords(words.slice(0, k).join(" ")), 0) !== prior.length) k++;
  const startLength = fragmentWords(words.slice(0, k).join(" ")).length;
  while (k + m < words.length) {
    const end = fragmentWords(words.slice(-m).join(" "));
    if (indexOfWords(all, end, startLength) === all.length - end.length) break;
    m++;
  }
  if (k + m >= words.length) return encodeFragmentText(words.join(" "));
  return `${encodeFragmentText(words.slice(0, k).join(" "))},${encodeFragmentText(words.slice(-m).join(" "))}`;
}

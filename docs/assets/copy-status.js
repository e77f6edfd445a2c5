/*
 * Copying to the clipboard and telling the reader, on screen and to screen readers
 * (one polite live region per page, `.ql-status`).
 */

/** The page's live region, made on first use (made early on each page, so that its first message is read). */
export function status() {
  let element = document.querySelector(".ql-status");
  if (!element) {
    element = document.createElement("div");
    element.className = "ql-status";
    element.setAttribute("role", "status");
    element.setAttribute("aria-live", "polite");
    document.body.append(element);
  }
  return element;
}

let hideTimer = 0;
export function announce(message) {
  const element = status();
  element.textContent = "";  // a repeated message must change to be read again
  requestAnimationFrame(() => {
    element.textContent = message;
    element.classList.add("ql-status--shown");
  });
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => element.classList.remove("ql-status--shown"), 2500);
}

/** Puts `text` on the clipboard and announces `done` (or the failure, with the text to copy by hand). */
export async function copy(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No async clipboard (plain http, older browser): copy through a hidden text area.
    const selection = getSelection();
    const kept = selection.rangeCount ? selection.getRangeAt(0) : null;
    const area = Object.assign(document.createElement("textarea"), { value: text, readOnly: true });
    area.className = "ql-offscreen";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (kept) {
      selection.removeAllRanges();
      selection.addRange(kept);
    }
    if (!ok) {
      announce(`Copying failed: ${text}`);
      return;
    }
  }
  announce(done);
}

/*
 * Every turn heading and paragraph gets a button that copies its permalink.
 * Runs on each page of Material's instant navigation.
 */
import { copy, status } from "./copy-status.js";
import { onEveryPage } from "./on-every-page.js";
import { absolute, PARAGRAPH, speakerOf, TURN, turnOf } from "./turns.js";

// The button goes after the last word, glued to it: alone, it could wrap onto a line of its own.
function attachAtEnd(element, button) {
  const last = element.lastChild;
  const cut = last && last.nodeType === Node.TEXT_NODE ? last.data.search(/\S+\s*$/) : -1;
  if (cut < 0) {
    element.append(button);
    return;
  }
  const glue = document.createElement("span");
  glue.className = "ql-glue";
  glue.append(last.splitText(cut), button);
  element.append(glue);
}

function addPermalinks() {
  for (const element of document.querySelectorAll(`${TURN}, ${PARAGRAPH}`)) {
    if (element.querySelector(".ql-permalink")) continue;
    const heading = element.matches("h3") ? element : turnOf(element);
    const what = element === heading ? `${speakerOf(heading)}’s turn` : `this paragraph of ${speakerOf(heading)}`;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ql-permalink";
    button.title = "Copy link";
    button.setAttribute("aria-label", `Copy link to ${what}`);
    button.addEventListener("click", () => copy(absolute(element.id), "Link copied"));
    attachAtEnd(element, button);
  }
}

onEveryPage(() => {
  addPermalinks();
  status();  // the live region exists before its first message, so that screen readers read it
});

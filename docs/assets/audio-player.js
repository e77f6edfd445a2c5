/*
 * The episode's audio, on chapter pages whose transcript has real times. Nothing is
 * requested from the audio host until the reader presses a play button: the address
 * waits in `data-src` and becomes `src` on that press. Each turn heading with a
 * `<time>` gets "play from here"; an address with `?t=SECONDS` (a quote link) sets
 * where the main button starts. Runs on each page of Material's instant navigation.
 */
import { askedStart, clock } from "./clock.js";
import { onEveryPage } from "./on-every-page.js";

function play(audio, seconds) {
  if (!audio.getAttribute("src")) {
    audio.controls = true;
    audio.src = audio.dataset.src;
    // From now on the player stays in view while the reader scrolls (turn-times.css).
    audio.closest(".episode-audio").classList.add("episode-audio--on");
  }
  // Before the metadata is in, this sets where playback starts (HTML's default playback start position).
  if (seconds !== null && isFinite(seconds)) audio.currentTime = seconds;
  audio.play().catch(() => {});
}

function setUp() {
  const holder = document.querySelector(".episode-audio");
  const audio = holder && holder.querySelector("audio[data-src]");
  if (!audio || holder.dataset.ready) return;
  holder.dataset.ready = "1";
  const start = holder.querySelector(".episode-audio-start");
  const from = askedStart(location.search);
  if (from !== null) start.textContent = `Play from ${clock(from)}`;
  start.addEventListener("click", () => { play(audio, from); start.hidden = true; });
  for (const time of document.querySelectorAll("article h3.turn time.turn-time[data-seconds]")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "turn-play";
    button.title = "Play from here";
    button.setAttribute("aria-label", `Play from ${time.textContent.trim()}`);
    button.addEventListener("click", () => { play(audio, Number(time.dataset.seconds)); start.hidden = true; });
    time.after(button);
  }
}

onEveryPage(setUp);

/** Seconds as a clock: `m:ss` padded to `mm:ss`, or `h:mm:ss` from an hour on. */
export function clock(seconds) {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  const r = s % 60;
  const two = (n) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(r)}` : `${two(m)}:${two(r)}`;
}

/** Where an address asks playback to start (`?t=SECONDS`, as a quote link carries it), or null. */
export function askedStart(search) {
  const asked = Number(new URLSearchParams(search).get("t"));
  return asked > 0 ? asked : null;
}

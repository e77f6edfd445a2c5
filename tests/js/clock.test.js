// Clock formatting and the `?t=` start (docs/assets/clock.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { askedStart, clock } from "../../docs/assets/clock.js";

describe("clock", () => {
  test("minutes and seconds, two digits each, under an hour", () => {
    assert.equal(clock(0), "00:00");
    assert.equal(clock(7), "00:07");
    assert.equal(clock(65), "01:05");
    assert.equal(clock(3599), "59:59");
  });

  test("hours from an hour on, without a leading zero", () => {
    assert.equal(clock(3600), "1:00:00");
    assert.equal(clock(3725), "1:02:05");
    assert.equal(clock(36000), "10:00:00");
  });

  test("fractions of a second are dropped, not rounded", () => {
    assert.equal(clock(59.9), "00:59");
  });
});

describe("askedStart", () => {
  test("the seconds in ?t=", () => {
    assert.equal(askedStart("?t=125"), 125);
    assert.equal(askedStart("?x=1&t=90.5"), 90.5);
  });

  test("no start for none, zero, negative or not a number", () => {
    for (const search of ["", "?t=", "?t=0", "?t=-5", "?t=abc", "?s=4"]) assert.equal(askedStart(search), null, search);
  });
});

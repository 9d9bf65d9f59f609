/// `scorm.js`, the launch page's script: the only part of the package that
/// talks to the LMS, through the SCORM 1.2 API (`LMSInitialize`,
/// `LMSGetValue`, `LMSSetValue`, `LMSCommit`, `LMSFinish`), found the way
/// ADL's guidelines say: up the chain of `window.parent`, then up the chain of
/// `window.opener`. The handbook's pages, in the launch page's frame, reach it
/// as `parent.handbookPackage` (`theme/handbook.js`): the reading progress is
/// kept in `cmi.suspend_data` there instead of the browser's local storage,
/// and the practice reports its score.
///
/// What it records, within SCORM 1.2's limits:
/// - `cmi.core.lesson_status`: `incomplete`, then `completed` once every page
///   of the reading order was opened, or `passed`/`failed` against the mastery
///   score once a round of the practice was finished (the best round counts;
///   retrying only the missed questions does not make a round);
/// - `cmi.core.score.raw`, `.min`, `.max`: the best round, 0 to 100;
/// - `cmi.core.lesson_location`: the page open last (at most 255 characters);
/// - `cmi.suspend_data`: `1;OPENED;READ;BEST`, the pages opened and read as
///   hexadecimal bit sets in reading order (four pages a character) and the
///   best score, or -1 (at most 4,096 characters);
/// - `cmi.core.session_time` (`HHHH:MM:SS.SS`) and `cmi.core.exit` `suspend`,
///   so the LMS keeps the place and progress for the next visit.
enum SCORMRuntime {
    static let script = #"""
/* The SCORM 1.2 side of a handbook package; see SCORMRuntime.swift in the handbook's source. */
(function () {
  "use strict";
  var html = document.documentElement, frame = document.getElementById("handbook-frame");
  var pages = JSON.parse(html.getAttribute("data-pages") || "[]");
  var start = html.getAttribute("data-start"), practice = html.getAttribute("data-practice");
  var mastery = Number(html.getAttribute("data-mastery"));
  var root = location.href.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");

  // Up one chain of windows: the first that holds the API, or null.
  function scan(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try { if (win.API) return win.API; } catch (error) { /* a window of another origin: look further up */ }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = scan(window) || (window.opener ? scan(window.opener) : null);
  if (!api || String(api.LMSInitialize("")) !== "true") {
    // No LMS: this is the ordinary site.
    location.replace(start);
    return;
  }

  function get(name) { var value = api.LMSGetValue(name); return value == null ? "" : String(value); }
  function set(name, value) { return String(api.LMSSetValue(name, String(value))) === "true"; }
  var started = Date.now();

  // Pages as bits in reading order, four to a hexadecimal character.
  function encode(bits) {
    var text = "";
    for (var at = 0; at < bits.length; at += 4) {
      var nibble = 0;
      for (var bit = 0; bit < 4; bit++) if (bits[at + bit]) nibble |= 1 << bit;
      text += nibble.toString(16);
    }
    return text;
  }
  function decode(text) {
    var bits = pages.map(function () { return false; });
    for (var at = 0; at < bits.length; at++) {
      var nibble = parseInt(text.charAt(at >> 2), 16);
      bits[at] = !isNaN(nibble) && (nibble & (1 << (at & 3))) !== 0;
    }
    return bits;
  }
  var saved = get("cmi.suspend_data").split(";");
  var known = saved[0] === "1" && saved.length === 4;
  var opened = decode(known ? saved[1] : ""), read = decode(known ? saved[2] : "");
  var best = known && /^\d+$/.test(saved[3]) ? Math.min(100, Number(saved[3])) : -1;
  var status = get("cmi.core.lesson_status");

  function report() {
    var all = opened.every(Boolean);
    var next = best >= 0 ? (best >= mastery ? "passed" : "failed") : (all ? "completed" : "incomplete");
    if (next !== status && set("cmi.core.lesson_status", next)) status = next;
  }
  function save() {
    var data = "1;" + encode(opened) + ";" + encode(read) + ";" + best;
    if (data.length > 4096) data = "1;" + encode(opened) + ";;" + best;  // the read marks give way first
    if (data.length <= 4096) set("cmi.suspend_data", data);
    report();
    api.LMSCommit("");
  }

  // A page's key: its path in the package, as in the pages list.
  function keyOf(href) {
    var plain = String(href).replace(/[?#].*$/, "");
    if (plain.slice(0, root.length) !== root) return null;
    var path = plain.slice(root.length);
    try { path = decodeURIComponent(path); } catch (error) { /* kept as it is */ }
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }

  window.handbookPackage = {
    root: root,
    isRead: function (key) { var at = pages.indexOf(key); return at >= 0 && read[at]; },
    setRead: function (key, value) {
      var at = pages.indexOf(key);
      if (at < 0 || read[at] === !!value) return;
      read[at] = !!value;
      save();
    },
    resetRead: function () { read = read.map(function () { return false; }); save(); },
    practiceDone: function (right, total) {
      if (!total) return;
      var score = Math.round(100 * right / total);
      if (score <= best) return;
      best = score;
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(best));
      save();
    }
  };

  frame.addEventListener("load", function () {
    var key = null;
    try { key = keyOf(frame.contentWindow.location.href); } catch (error) { return; /* a page of another site */ }
    if (key === null) return;
    var at = pages.indexOf(key);
    if (at >= 0) opened[at] = true;
    if (key.length <= 255) set("cmi.core.lesson_location", key);
    save();
  });

  function pad(number, width) { var text = String(number); while (text.length < width) text = "0" + text; return text; }
  // CMITimespan: HHHH:MM:SS.SS.
  function timespan(milliseconds) {
    var hundredths = Math.min(Math.round(milliseconds / 10), 9999 * 360000 + 359999);
    return pad(Math.floor(hundredths / 360000), 4) + ":" + pad(Math.floor(hundredths / 6000) % 60, 2) + ":" +
      pad(Math.floor(hundredths / 100) % 60, 2) + "." + pad(hundredths % 100, 2);
  }
  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  if (status === "" || status === "not attempted") report();
  // Back where the reader left off: a page of this package, else the start.
  var place = get("cmi.core.lesson_location"), target = start;
  if (place && (pages.indexOf(place) >= 0 || place === practice)) target = place;
  document.querySelector(".handbook-start").hidden = true;
  frame.hidden = false;
  frame.src = target;
})();

"""#
}

/* The handbook's reader tools: search, fill-in scripts, checklists, practice, print, and
   the layout's menu, contents, language menu and colour scheme, reading progress.
   Every page reads fine without this file; it only adds to them. Nothing is
   sent anywhere: the search index is a file of the site, and what a reader
   types into a script and which pages they read stay in this browser's local
   storage (inside a SCORM package, the pages read go to the LMS instead). */
(function () {
  "use strict";

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var pageLanguage = document.documentElement.lang || "en", pluralRules = null;
  // The site's root, from this script's own address (<root>theme/handbook.js): pages are known by their path under it.
  var ownAddress = document.currentScript ? document.currentScript.src.replace(/[?#].*$/, "") : "";
  var siteRoot = /theme\/handbook\.js$/.test(ownAddress) ? ownAddress.replace(/theme\/handbook\.js$/, "") : null;
  // Inside a SCORM package the launch page, a window up, keeps the progress in the LMS (scorm.js).
  var lms = null;
  try {
    for (var up = window; up.parent && up.parent !== up && !lms; up = up.parent) lms = up.parent.handbookPackage || null;
  } catch (error) { lms = null; /* a frame of another site: the ordinary site */ }
  try { pluralRules = new Intl.PluralRules(pageLanguage); } catch (error) { pluralRules = null; }
  function format(text, values) {
    return plural(String(text), values).replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  // A counted string may give one form per plural category, "one: {n} wynik | few: {n} wyniki |
  // many: {n} wyników | other: {n} wyników" (see the README): the first number of the "other"
  // form picks one with the page language's rules. Anything else is one form for every number.
  function plural(text, values) {
    var forms = {}, first = null, parts = text.split("|");
    for (var i = 0; i < parts.length; i++) {
      var form = /^\s*(zero|one|two|few|many|other)\s*:\s*([\s\S]*?)\s*$/.exec(parts[i]);
      if (!form) return text;
      if (!(form[1] in forms)) forms[form[1]] = form[2];
      if (first === null) first = form[2];
    }
    var fallback = "other" in forms ? forms.other : first, names = fallback.match(/\{\w+\}/g) || [];
    for (var n = 0; n < names.length; n++) {
      var value = values[names[n].slice(1, -1)];
      if (typeof value === "number" || /^\d+$/.test(value)) {
        var category = pluralRules ? pluralRules.select(Number(value)) : "other";
        return category in forms ? forms[category] : fallback;
      }
    }
    return fallback;
  }
  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* ---- Search ------------------------------------------------------------ */

  // Case and accents do not count: "nao" finds "não", "ubernehmen" finds "übernehmen",
  // "istanbul" finds "İSTANBUL" (lower case by the page's language, then ı is i).
  // Arabic loses its harakat and tatweel, and hamza and alef forms fold as in
  // common Arabic search (أ إ آ ٱ to ا, ى to ي, ة to ه); Hebrew loses its niqqud
  // and cantillation. NFKD also folds full-width and half-width forms.
  var marks = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  function lower(text) {
    try { return text.toLocaleLowerCase(pageLanguage); } catch (error) { return text.toLowerCase(); }
  }
  // Typographic and typewriter quotes are one: "don't" finds "don’t".
  function fold(text) {
    return lower(text).normalize("NFKD").replace(marks, "")
      .replace(/[\u2018\u2019\u201b\u02bc\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
      .replace(/ß/g, "ss").replace(/ς/g, "σ").replace(/ı/g, "i")
      .replace(/ٱ/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
  }

  // The folded text with, for each of its characters, the position in the original.
  function foldWithMap(text) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var piece = fold(text[i]);
      for (var j = 0; j < piece.length; j++) map.push(i);
      folded += piece;
    }
    map.push(text.length);
    return { text: folded, map: map };
  }

  // The text as nodes, with every occurrence of the terms in <mark>.
  function highlight(text, terms) {
    var folded = foldWithMap(text), ranges = [];
    terms.forEach(function (term) {
      term.forms.forEach(function (form) {
        for (var at = folded.text.indexOf(form); at >= 0; at = folded.text.indexOf(form, at + form.length)) {
          ranges.push([folded.map[at], folded.map[at + form.length - 1] + 1]);
        }
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var fragment = document.createDocumentFragment(), done = 0;
    ranges.forEach(function (range) {
      if (range[0] < done) return;
      fragment.append(text.slice(done, range[0]), element("mark", "", text.slice(range[0], range[1])));
      done = range[1];
    });
    fragment.append(text.slice(done));
    return fragment;
  }

  // Words as readers type them: a plural, an inflection or the other side of the
  // Atlantic still finds the page. Each term becomes its folded form plus a stem
  // that a substring search finds in every variant ("apologize" and "apologise"
  // both look for "apolog"). Stems shorter than four letters stay whole words.
  var endings = {
    en: [/(is|iz)(e|es|ed|ing|ation|ations)$/, /(ys|yz)(e|es|ed|ing)$/, /ies$/, /(ss)es$/, /(sh|ch|x)es$/,
      /([^s])s$/, /ing$/, /ed$/, /our$/, /or$/],
    de: [/(ungen|ung)$/, /(heiten|heit|keiten|keit)$/, /(innen|in)$/, /(ern|er|en|em|es|e|n|s)$/],
    nl: [/(heden|heid)$/, /(ingen|ing)$/, /('s|en|es|e|s)$/],
    pt: [/(oes|aes|ao)$/, /(ais|al)$/, /(eis|el)$/, /(ns|m)$/, /(ções|ção|coes|cao)$/, /(es|s|a|o)$/]
  };
  var language = pageLanguage.slice(0, 2).toLowerCase();

  function variants(term) {
    var list = [term], rules = endings[language] || [];
    for (var i = 0; i < rules.length; i++) {
      var stem = term.replace(rules[i], "");
      if (stem !== term) {
        if (stem.length >= 4) list.push(stem);
        break;
      }
    }
    // British and American spellings inside a word: colour/color, centre/center.
    if (language === "en") {
      if (/our/.test(term)) list.push(term.replace(/our/, "or"));
      if (/tre$/.test(term)) list.push(term.replace(/tre$/, "ter"));
    }
    return list;
  }

  // Where a term first matches in folded text, any variant counting; -1 if nowhere.
  function indexOf(text, term) {
    var best = -1;
    term.forms.forEach(function (form) {
      var at = text.indexOf(form);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    });
    return best;
  }

  // Where a snippet may be cut: at a space, and in Chinese and Japanese, which
  // have none, after their punctuation; with no such place near, at the character.
  var breaks = /[\s\u3001\u3002\uff0c\uff01\uff1f\uff1b\uff1a]/;
  function breakAfter(text, from, to) {
    for (var i = from; i < to; i++) if (breaks.test(text[i])) return i + 1;
    return from;
  }
  function breakBefore(text, from, to) {
    for (var i = to; i > from; i--) if (breaks.test(text[i])) return /\s/.test(text[i]) ? i : i + 1;
    return to;
  }

  // Up to about 120 characters of the text around the first match, cut at spaces;
  // block boundaries (line breaks in the index) show as a middle dot.
  function snippet(text, terms) {
    var folded = foldWithMap(text), first = -1;
    terms.forEach(function (term) {
      var at = indexOf(folded.text, term);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var at = first < 0 ? 0 : folded.map[first], start = Math.max(0, at - 40);
    // Start at the block the match is in, if it began shortly before; else at a word.
    var block = text.lastIndexOf("\n", at);
    if (block >= 0 && block + 1 >= start) start = block + 1;
    else if (start > 0) start = breakAfter(text, start, at);
    var end = Math.min(text.length, start + 120);
    if (end < text.length) end = breakBefore(text, at + 1, end);
    var cut = text.slice(start, end).replace(/\s*\n\s*/g, " · ");
    return (start > 0 && block + 1 !== start ? "…" : "") + cut + (end < text.length ? "…" : "");
  }

  function prepare(raw, base) {
    return raw.pages.map(function (page, order) {
      var headings = [];
      for (var i = 0; i < page[3].length; i += 2) {
        headings.push({ text: page[3][i], anchor: page[3][i + 1], folded: fold(page[3][i]) });
      }
      return {
        order: order, title: page[0], section: raw.sections[page[1]], url: new URL(page[2], base).href,
        headings: headings, text: page[4], foldedTitle: fold(page[0]), foldedText: fold(page[4]),
        foldedTerms: fold(page[5] || ""), landing: order === 0 || raw.pages[order - 1][1] !== page[1]
      };
    });
  }

  // Pages that hold every term; title matches first, then description, keywords
  // and headings, then text. A match at the start of a word counts more.
  function find(pages, terms) {
    var found = [];
    pages.forEach(function (page) {
      var inTitle = 0, score = 0, heading = null;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i], title = indexOf(page.foldedTitle, term);
        var match = null;
        for (var h = 0; h < page.headings.length && !match; h++) {
          if (indexOf(page.headings[h].folded, term) >= 0) match = page.headings[h];
        }
        var named = indexOf(page.foldedTerms, term);
        var text = indexOf(page.foldedText, term);
        if (title < 0 && !match && named < 0 && text < 0) return;
        if (title >= 0) { inTitle += 1; score += title === 0 || /\s/.test(page.foldedTitle[title - 1]) ? 3 : 2; }
        if (named >= 0) score += 1.5;
        if (match) { score += 1; heading = heading || match; }
      }
      found.push({ page: page, inTitle: inTitle, score: score, heading: inTitle ? null : heading });
    });
    return found.sort(function (a, b) {
      return b.inTitle - a.inTitle || b.score - a.score || a.page.order - b.page.order;
    });
  }

  function setupSearch(form) {
    var input = $(".search-input", form), list = $(".search-results", form), status = $(".search-status", form);
    var pages = null, loading = false, pending = null, shown = 20;
    form.hidden = false;

    function load() {
      if (pages || loading) return;
      loading = true;
      var script = document.createElement("script");
      script.src = form.getAttribute("data-index");
      script.onload = function () {
        pages = prepare(window.handbookSearchIndex, script.src);
        if (pending !== null) run(pending);
      };
      document.head.append(script);
    }

    function run(query) {
      var words = fold(query).split(/\s+/).filter(Boolean);
      var terms = words.map(function (word) { return { word: word, forms: variants(word) }; });
      list.textContent = "";
      // One letter is too little to search for, but one Chinese character is a word.
      if (!terms.length || (words.join("").length < 2 && !/\p{Script=Han}/u.test(words[0]))) { status.textContent = ""; return; }
      if (!pages) { pending = query; load(); return; }
      var results = find(pages, terms);
      status.textContent = results.length === 0 ? form.getAttribute("data-no-results")
        : results.length === 1 ? form.getAttribute("data-one-result")
        : format(form.getAttribute("data-results"), { n: results.length });
      if (!results.length) { offerParts(); return; }
      results.slice(0, shown).forEach(function (result) {
        var page = result.page, link = element("a");
        link.href = page.url + (result.heading ? "#" + encodeURIComponent(result.heading.anchor) : "");
        var title = element("span", "search-title");
        title.append(highlight(page.title, terms));
        var text = result.heading && indexOf(page.foldedText, terms[0]) < 0 ? result.heading.text : snippet(page.text, terms);
        var excerpt = element("span", "search-snippet");
        excerpt.append(highlight(text, terms));
        link.append(title, element("span", "search-section", page.section), excerpt);
        var item = element("li");
        item.append(link);
        list.append(item);
      });
    }

    // Nothing found: the parts of the handbook, each a way in.
    function offerParts() {
      var intro = element("li", "search-browse", form.getAttribute("data-browse"));
      list.append(intro);
      pages.forEach(function (page) {
        if (!page.landing) return;
        var link = element("a");
        link.href = page.url;
        link.append(element("span", "search-title", page.title));
        var item = element("li");
        item.append(link);
        list.append(item);
      });
    }

    function links() { return $$("a", list); }
    function move(from, step) {
      var all = links(), at = all.indexOf(from) + step;
      if (at < 0) input.focus(); else if (at < all.length) all[at].focus();
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", function () { run(input.value); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
      if (event.key === "Escape" && input.value) { event.preventDefault(); input.value = ""; run(""); }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(document.activeElement, event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Escape") {
        event.preventDefault();
        input.focus();
      }
    });
    // "/" anywhere on the page goes to the search field.
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable
        || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      input.focus();
    });
  }

  /* ---- Scripts: fill in, choose, copy exactly the text to send ---------- */

  var storeKey = "handbook.placeholders", choiceKey = "handbook.choices", checklistKey = "handbook.checklists";
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (error) { return {}; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode: kept for this page only */ }
  }

  function copyText(text) {
    function fallback() {
      var area = element("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.append(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      area.remove();
      return ok;
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, fallback);
    }
    return Promise.resolve(fallback());
  }

  // The plain text a script sends: every block but what is for the reader
  // (a choice's prompt, the alternatives not chosen, callouts, the "Chosen"
  // badge). Placeholders still empty are collected in `blanks`.
  var blockTags = /^(P|H[1-6]|UL|OL|LI|BLOCKQUOTE|PRE|TABLE|DIV|ASIDE|FIGURE|HR)$/;
  function forReader(node) {
    return node.nodeType === 1 && (node.getAttribute("data-copy") === "no" || node.classList.contains("callout"));
  }
  function clean(text) { return text.replace(/[ \t]+/g, " ").replace(/ ?\n ?/g, "\n").trim(); }
  function inline(nodes, blanks) {
    var text = "";
    Array.prototype.forEach.call(nodes, function (node) {
      if (node.nodeType === 3) text += node.nodeValue.replace(/\s+/g, " ");  // a soft break is a space
      else if (node.nodeType !== 1 || forReader(node)) return;
      else if (node.tagName === "BR") text += "\n";
      else {
        if (node.classList.contains("placeholder") && !node.classList.contains("filled")) blanks.push(node);
        text += inline(node.childNodes, blanks);
      }
    });
    return text;
  }
  function blocksOf(container, blanks) {
    var out = [], run = [];
    function flush() {
      var text = clean(inline(run, blanks));
      if (text) out.push(text);
      run = [];
    }
    Array.prototype.forEach.call(container.childNodes, function (node) {
      if (forReader(node)) return;
      if (node.nodeType !== 1 || !blockTags.test(node.tagName)) { run.push(node); return; }
      flush();
      var blocks = block(node, blanks);
      // "…to let you know that..." and an alternative in lower case make one sentence.
      var before = out[out.length - 1];
      if (node.hasAttribute("data-alternatives") && before && blocks.length && /(\.\.\.|…)$/.test(before)
          && /^\p{Ll}/u.test(blocks[0])) {
        out[out.length - 1] = before.replace(/\s*(\.\.\.|…)$/, "") + " " + blocks.shift();
      }
      out.push.apply(out, blocks);
    });
    flush();
    return out;
  }
  function block(node, blanks) {
    var tag = node.tagName;
    if (node.hasAttribute("data-alternatives")) {
      var chosen = $(".alternative.is-chosen", node);
      return chosen ? blocksOf(chosen, blanks) : [];
    }
    if (tag === "UL" || tag === "OL") {
      var first = Number(node.getAttribute("start") || 1);
      return [$$(":scope > li", node).map(function (item, index) {
        return (tag === "OL" ? (first + index) + ". " : "- ") + blocksOf(item, blanks).join("\n").replace(/\n/g, "\n   ");
      }).join("\n")];
    }
    if (tag === "PRE") return [node.textContent.replace(/\n$/, "")];
    if (tag === "HR") return ["---"];
    if (tag === "BLOCKQUOTE") return [blocksOf(node, blanks).join("\n\n").replace(/^/gm, "> ")];
    if (tag === "TABLE") {
      return [$$("tr", node).map(function (row) {
        return $$("th, td", row).map(function (cell) { return clean(inline(cell.childNodes, blanks)); }).join("\t");
      }).join("\n")];
    }
    if (/^(P|H[1-6])$/.test(tag)) {
      var text = clean(inline(node.childNodes, blanks));
      return text ? [text] : [];
    }
    return blocksOf(node, blanks);
  }
  function textToSend(body, blanks) { return blocksOf(body, blanks).join("\n\n"); }

  function setupScripts(template) {
    var values = load(storeKey), choices = load(choiceKey), figures = [];
    var hint = $(".placeholder-hint", template.content).cloneNode(true);
    var badge = $(".alternative-chosen", template.content);

    function show(name) {
      var value = values[name] || "";
      $$(".placeholder").forEach(function (span) {
        if (span.getAttribute("data-placeholder") !== name) return;
        span.textContent = value || "[" + name + "]";
        span.classList.toggle("filled", value !== "");
      });
      $$(".fill-in-fields input").forEach(function (field) {
        if (field.getAttribute("data-placeholder") === name && field.value !== value) field.value = value;
      });
    }
    function set(name, value) {
      if (value) values[name] = value; else delete values[name];
      save(storeKey, values);
      show(name);
      figures.forEach(function (figure) { figure.refresh(); });
    }

    $$("figure.script").forEach(function (figure, number) {
      var tools = $(".script-tools", template.content).cloneNode(true);
      var body = $(".script-body", figure), panel = $(".fill-in", tools), names = [];
      $$(".placeholder", figure).forEach(function (span) {
        var name = span.getAttribute("data-placeholder");
        if (names.indexOf(name) < 0) names.push(name);
      });
      figure.id = figure.id || "script-" + number;

      // Alternatives: a radio group in the panel; the page marks the chosen one.
      var groups = $(".fill-in-choices", tools);
      $$(".script-choice[data-alternatives]", body).forEach(function (choice, index) {
        var items = $$(":scope > ul > li, :scope > ol > li", choice);
        var key = location.pathname + "#" + figure.id + "/" + index;
        var group = element("fieldset", "fill-in-choice");
        group.append(element("legend", "", $(".script-choice-prompt", choice).textContent));
        var mark = badge.cloneNode(true);
        function choose(at) {
          items.forEach(function (item, i) {
            item.classList.toggle("is-chosen", i === at);
            item.classList.toggle("is-not-chosen", i !== at);
          });
          items[at].prepend(mark);
          $$("input", group)[at].checked = true;
          choices[key] = at;
          save(choiceKey, choices);
          figure.refresh();
        }
        items.forEach(function (item, i) {
          item.classList.add("alternative");
          var label = element("label", "fill-in-alternative"), radio = element("input");
          radio.type = "radio";
          radio.name = figure.id + "-choice-" + index;
          radio.value = String(i);
          radio.addEventListener("change", function () { if (radio.checked) choose(i); });
          label.append(radio, element("span", "", blocksOf(item, []).join(" ")));
          group.append(label);
        });
        groups.append(group);
        figure.chooseInitially = (figure.chooseInitially || []).concat(function () {
          var at = choices[key];
          choose(typeof at === "number" && at >= 0 && at < items.length ? at : 0);
        });
      });

      var fields = $(".fill-in-fields", tools);
      names.forEach(function (name) {
        var label = element("label", "fill-in-field"), field = element("input");
        field.type = "text";
        field.autocomplete = "off";
        field.setAttribute("data-placeholder", name);
        field.value = values[name] || "";
        field.addEventListener("input", function () { set(name, field.value); });
        label.append(element("span", "", name), field);
        fields.append(label);
      });
      if (!names.length) {
        fields.remove();
        $(".fill-in-clear", tools).parentNode.remove();
      }
      if (!names.length && !groups.children.length) panel.remove();
      $(".fill-in-clear", tools) && $(".fill-in-clear", tools).addEventListener("click", function () {
        names.forEach(function (name) { set(name, ""); });
        var first = $("input", fields);
        if (first) first.focus();
      });

      // A placeholder is a button: it opens the panel at its field.
      $$(".placeholder", body).forEach(function (span) {
        if (span.closest("a")) return;
        span.tabIndex = 0;
        span.setAttribute("role", "button");
        span.setAttribute("aria-describedby", "placeholder-hint");
        function open(event) {
          event.preventDefault();
          panel.open = true;
          var field = $('input[data-placeholder="' + CSS.escape(span.getAttribute("data-placeholder")) + '"]', fields);
          if (!field || field.parentNode.hidden) return;  // in an alternative not chosen
          field.focus({ preventScroll: true });
          field.scrollIntoView({ block: "nearest" });
          // On a phone the tools stick to the top: keep the placeholder in view below them.
          if (getComputedStyle(tools).position === "sticky") span.scrollIntoView({ block: "end" });
        }
        span.addEventListener("click", open);
        span.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") open(event);
        });
      });

      var count = $(".fill-in-count", tools), button = $(".copy-button", tools), anyway = $(".copy-anyway", tools);
      var status = $(".copy-status", tools), label = button.textContent, timer, warned = false;
      function blanksNow() {
        var blanks = [];
        textToSend(body, blanks);
        return blanks;
      }
      function warn(blanks) {
        $$(".placeholder.blank", body).forEach(function (span) { span.classList.remove("blank"); });
        warned = blanks.length > 0;
        anyway.hidden = !warned;
        if (!warned) { status.textContent = ""; return; }
        var missing = [];
        blanks.forEach(function (span) {
          span.classList.add("blank");
          var name = span.getAttribute("data-placeholder");
          if (missing.indexOf(name) < 0) missing.push(name);
        });
        status.textContent = format(status.getAttribute("data-blanks"), { n: missing.length, names: missing.join(", ") });
      }
      // The placeholders of what Copy sends: not those of an alternative not
      // chosen or of a line for the reader. Their fields are the ones shown.
      function namesSent() {
        var sent = [];
        $$(".placeholder", body).forEach(function (span) {
          if (span.closest(".is-not-chosen, [data-copy='no'], .callout")) return;
          var name = span.getAttribute("data-placeholder");
          if (sent.indexOf(name) < 0) sent.push(name);
        });
        return sent;
      }
      figure.refresh = function () {
        var sent = namesSent();
        $$("input", fields).forEach(function (field) {
          field.parentNode.hidden = sent.indexOf(field.getAttribute("data-placeholder")) < 0;
        });
        var filled = sent.filter(function (name) { return values[name]; }).length;
        count.textContent = sent.length ? format(count.getAttribute("data-format"), { filled: filled, total: sent.length }) : "";
        if (warned) warn(blanksNow());
      };
      function copy() {
        warn([]);
        copyText(textToSend(body, [])).then(function (ok) {
          button.textContent = ok ? button.getAttribute("data-copied") : label;
          status.textContent = ok ? button.getAttribute("data-copied") : button.getAttribute("data-failed");
          clearTimeout(timer);
          timer = setTimeout(function () { button.textContent = label; if (!warned) status.textContent = ""; }, 4000);
        });
      }
      var caption = $("figcaption", figure);
      if (caption) {
        caption.id = caption.id || "script-caption-" + number;
        button.setAttribute("aria-describedby", caption.id);
        anyway.setAttribute("aria-describedby", caption.id);
      }
      button.addEventListener("click", function () {
        var blanks = blanksNow();
        if (blanks.length) { clearTimeout(timer); button.textContent = label; warn(blanks); } else copy();
      });
      anyway.addEventListener("click", function () { copy(); button.focus(); });
      figure.insertBefore(tools, body);
      figures.push(figure);
    });
    if (figures.length) $("main").append(hint);
    Object.keys(values).forEach(show);
    figures.forEach(function (figure) {
      (figure.chooseInitially || []).forEach(function (choose) { choose(); });
      figure.refresh();
    });
  }

  /* ---- Checklists: tick the boxes, kept per page ------------------------- */

  function setupChecklists(template) {
    var article = $("main article");
    var boxes = article ? $$("li > label > input[type=checkbox]", article) : [];
    if (!boxes.length) return;
    var page = location.pathname, lists = [], ids = [];
    function ticks() { return load(checklistKey)[page] || {}; }
    function keep(state) {
      var all = load(checklistKey);
      if (Object.keys(state).length) all[page] = state; else delete all[page];
      save(checklistKey, all);
    }
    var saved = ticks();
    // Keyed by list and item, so the first item of two lists are two boxes.
    boxes.forEach(function (box, index) {
      var list = box.closest("ul, ol");
      if (lists.indexOf(list) < 0) lists.push(list);
      var id = lists.indexOf(list) + "." + $$(":scope > li", list).indexOf(box.closest("li"));
      ids[index] = id;
      box.disabled = false;
      if (id in saved) box.checked = saved[id];
      box.addEventListener("change", function () {
        var state = ticks();
        if (box.checked === box.defaultChecked) delete state[id]; else state[id] = box.checked;
        keep(state);
      });
    });
    var tools = $(".checklist-tools", template.content).cloneNode(true);
    $(".checklist-reset", tools).addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = box.defaultChecked; });
      keep({});
    });
    $(".checklist-print", tools).addEventListener("click", function () { window.print(); });
    var last = lists[lists.length - 1];
    while (last.parentNode !== article && last.parentNode.closest && last.parentNode.closest("article") === article) last = last.parentNode;
    last.after(tools);
  }

  /* ---- Practice: pick the better reply ----------------------------------- */

  function setupPractice(article) {
    var questions = $$(".question", article), score = $(".practice-score", article);
    var result = $(".practice-result", article), review = $(".practice-review", article);
    var retry = $(".practice-retry", article), right = 0, answered = 0, retried = false;

    // Random order, then letters A and B in that order, for the replies and their reasons.
    function shuffle(question) {
      var choices = $(".choices", question), answer = $(".answer", question);
      if (Math.random() < 0.5) choices.append($(".choice", choices));
      $$(".choice", choices).forEach(function (choice, index) {
        var letter = "AB"[index], kind = choice.getAttribute("data-kind");
        var reason = $('.reason[data-kind="' + kind + '"]', answer);
        $(".choice-letter", choice).textContent = letter;
        $(".choice-letter", reason).textContent = letter;
        $(".choice-button", choice).textContent = format(article.getAttribute("data-choose"), { letter: letter });
        answer.insertBefore(reason, $(".answer-source", answer));
      });
    }

    function clear(question) {
      question.classList.remove("answered", "missed");
      $$(".choice", question).forEach(function (choice) {
        choice.classList.remove("chosen", "right", "wrong");
        $(".choice-button", choice).hidden = false;
        $(".choice-mine", choice).hidden = true;
      });
      var answer = $(".answer", question);
      answer.hidden = true;
      answer.open = false;
      $(".answer-verdict", question).hidden = true;
      shuffle(question);
    }

    // "3 of 11 answered · 2 of 3 right", in the bar that stays in view.
    function showScore() {
      score.hidden = answered === 0;
      score.textContent = format(article.getAttribute("data-progress"), { answered: answered, total: questions.length }) +
        " · " + format(article.getAttribute("data-score"), { right: right, answered: answered, total: questions.length });
    }

    // The end: the score, the situations missed (each linking to its comparison) and a retry of only those.
    function finish() {
      var missed = questions.filter(function (question) { return question.classList.contains("missed"); });
      result.hidden = false;
      // "Every time" only for a first round without a miss; after a retry the score tells it.
      $(".practice-result-text", result).textContent = missed.length === 0 && !retried
        ? article.getAttribute("data-all-right")
        : format(article.getAttribute("data-result"), { right: right, total: questions.length });
      $$(".practice-missed > li", result).forEach(function (item) {
        item.hidden = !missed.some(function (question) { return question.id === item.getAttribute("data-question"); });
      });
      review.hidden = missed.length === 0;
      retry.hidden = missed.length === 0;
      // A round from the start is a score for the LMS; retrying the missed ones is practice.
      if (lms && !retried) lms.practiceDone(right, questions.length);
    }

    function choose(question, choice) {
      if (question.classList.contains("answered")) return;
      var good = choice.getAttribute("data-kind") === "good";
      answered += 1;
      if (good) right += 1;
      question.classList.add("answered");
      if (!good) question.classList.add("missed");
      choice.classList.add("chosen", good ? "right" : "wrong");
      $$(".choice-button", question).forEach(function (button) { button.hidden = true; });
      $(".choice-mine", choice).hidden = false;
      var answer = $(".answer", question), verdict = $(".answer-verdict", question);
      answer.hidden = false;
      answer.open = true;
      verdict.hidden = false;
      verdict.className = "answer-verdict " + (good ? "right" : "wrong");
      verdict.textContent = article.getAttribute(good ? "data-right" : "data-wrong");
      showScore();
      if (answered === questions.length) finish();
      verdict.focus();
    }

    // Back to the first of `again`, its heading clear of the header and the bar.
    function restart(again) {
      result.hidden = true;
      again.forEach(function (question) {
        if (question.classList.contains("answered")) answered -= 1;
        clear(question);
      });
      showScore();
      if (again.length) {
        again[0].scrollIntoView();
        $(".choice-button", again[0]).focus({ preventScroll: true });
      }
    }

    questions.forEach(function (question) {
      $$(".choice-button", question).forEach(function (button) {
        button.addEventListener("click", function () { choose(question, button.closest(".choice")); });
      });
    });
    $(".practice-again", article).addEventListener("click", function () {
      right = 0;
      retried = false;
      restart(questions);
    });
    retry.addEventListener("click", function () {
      retried = true;
      restart(questions.filter(function (question) { return question.classList.contains("missed"); }));
    });
    questions.forEach(clear);
    showScore();
  }

  /* ---- Reading progress: pages read, in the sidebar and on the home page -- */

  // A page's key: its path under the site's root ("en/part/page.html"), as the SCORM package knows it too.
  function pageKey(href) {
    var plain = String(href).replace(/[?#].*$/, "");
    if (!siteRoot || plain.slice(0, siteRoot.length) !== siteRoot) return null;
    var path = plain.slice(siteRoot.length);
    try { path = decodeURIComponent(path); } catch (error) { /* kept as it is */ }
    return path === "" || path.slice(-1) === "/" ? path + "index.html" : path;
  }
  var readKey = "handbook.read";
  var reading = lms ? {
    has: function (key) { return lms.isRead(key); },
    set: function (key, value) { lms.setRead(key, value); },
    reset: function () { lms.resetRead(); }
  } : {
    has: function (key) { return key !== null && load(readKey)[key] === 1; },
    set: function (key, value) {
      var read = load(readKey);
      if (value) read[key] = 1; else delete read[key];
      save(readKey, read);
    },
    // Only this language's pages: the prefix is the language's folder ("en/").
    reset: function (prefix) {
      var read = load(readKey);
      Object.keys(read).forEach(function (key) { if (key.slice(0, prefix.length) === prefix) delete read[key]; });
      save(readKey, read);
    }
  };
  var readingChanged = [];
  function changedReading() { readingChanged.forEach(function (run) { run(); }); }

  // The sidebar: a mark after each page read, in words for screen readers.
  function setupReadMarks(nav) {
    var label = nav.getAttribute("data-read");
    function mark() {
      $$(".nav-sections a[href]", nav).forEach(function (link) {
        var read = reading.has(pageKey(link.href)), shown = $(".nav-read", link);
        if (read && !shown) {
          shown = element("span", "nav-read");
          var icon = element("span", "nav-read-icon", "\u2713");
          icon.setAttribute("aria-hidden", "true");
          shown.append(icon, element("span", "visually-hidden", ", " + label));
          link.append(shown);
        } else if (!read && shown) {
          shown.remove();
        }
      });
    }
    readingChanged.push(mark);
    mark();
  }

  // The end of a page: read once it comes into view, or with the button (which also takes it back).
  function setupReadTools(template) {
    var key = pageKey(location.href), article = $("main article");
    if (key === null || !article) return;
    var tools = template.content.firstElementChild.cloneNode(true);
    var button = $(".reading-mark", tools), status = $(".reading-status", tools);
    article.append(tools);
    function show() {
      var read = reading.has(key);
      button.setAttribute("aria-pressed", read ? "true" : "false");
      tools.classList.toggle("is-read", read);
    }
    function markRead(value) {
      reading.set(key, value);
      status.textContent = status.getAttribute(value ? "data-read" : "data-unread");
      changedReading();
    }
    button.addEventListener("click", function () { markRead(button.getAttribute("aria-pressed") !== "true"); });
    readingChanged.push(show);
    show();
    if (!reading.has(key) && "IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        observer.disconnect();
        if (!reading.has(key)) markRead(true);
      });
      observer.observe(tools);
    }
  }

  // The home page: "n of m pages read", each part's count, where to continue, and the one reset.
  function setupReadingSummary(block) {
    var pages;
    try { pages = JSON.parse(block.getAttribute("data-pages")); } catch (error) { return; }
    var here = pageKey(location.href);
    if (here === null) return;
    var prefix = here.replace(/[^\/]*$/, "");
    pages = pages.map(function (page) {
      var link = document.createElement("a");
      link.href = page[0];
      return { key: pageKey(link.href), href: page[0], title: page[1], part: page[2] };
    });
    var count = $(".reading-count", block), next = $(".reading-continue", block);
    var parts = $$(".start-parts > li", block.closest(".home-start") || document);
    var status = $(".reading-reset-status", block);
    function show() {
      var read = pages.filter(function (page) { return reading.has(page.key); });
      count.textContent = format(block.getAttribute("data-count"), { read: read.length, total: pages.length });
      parts.forEach(function (item, index) {
        var own = pages.filter(function (page) { return page.part === index; });
        var done = own.filter(function (page) { return reading.has(page.key); }).length;
        var shown = $(".start-part-read", item);
        if (!shown) {
          var separator = item.appendChild(element("span", "start-sep", " \u00b7 "));
          separator.setAttribute("aria-hidden", "true");
          shown = item.appendChild(element("span", "start-part-read"));
        }
        shown.textContent = format(block.getAttribute("data-part"), { read: done, total: own.length });
        item.classList.toggle("is-read", own.length > 0 && done === own.length);
      });
      // Where to go on: the first page not read yet (the home page itself aside).
      var first = pages.filter(function (page) { return page.key !== here && !reading.has(page.key); })[0];
      if (read.length === 0 || !first) {
        next.removeAttribute("href");
        next.textContent = read.length && !first ? block.getAttribute("data-done") : "";
      } else {
        next.href = first.href;
        next.textContent = format(block.getAttribute("data-continue"), { title: first.title });
      }
      next.hidden = next.textContent === "";
    }
    $(".reading-reset", block).addEventListener("click", function () {
      reading.reset(prefix);
      status.textContent = status.getAttribute("data-done");
      changedReading();
    });
    readingChanged.push(show);
    show();
    block.hidden = false;
  }

  /* ---- Layout: menu, header search, contents, language, colour scheme ---- */

  var wide = window.matchMedia("(min-width: 60rem)"), roomForContents = window.matchMedia("(min-width: 72rem)");
  function onChange(query, run) {
    if (query.addEventListener) query.addEventListener("change", run); else query.addListener(run);
  }

  // Phones: the header's menu link (which leads to the menu without scripts) opens it under the header.
  function setupMenu(button, fold) {
    button.setAttribute("role", "button");
    function show(open) {
      fold.open = open;
      button.setAttribute("aria-expanded", String(open));
    }
    show(fold.open && wide.matches);
    button.addEventListener("click", function (event) {
      event.preventDefault();
      show(!fold.open);
      if (fold.open) { var current = $("a[aria-current=page]", fold) || $("a", fold); if (current) current.focus(); }
    });
    fold.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !wide.matches) { show(false); button.focus(); }
    });
    // Wide screens always show the menu; narrow ones start with it folded.
    onChange(wide, function () { show(wide.matches); });
  }

  // Phones: the search field opens under the header from its button.
  function setupHeaderSearch(header, button) {
    var input = $(".search-input", header);
    button.hidden = false;
    function show(open) {
      header.classList.toggle("search-open", open);
      button.setAttribute("aria-expanded", String(open));
      if (open) input.focus();
    }
    button.addEventListener("click", function () { show(!header.classList.contains("search-open")); });
    // The results float over the page: they give way when the reader moves on, and come back with the field.
    var form = input.form;
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) form.classList.add("results-hidden");
    });
    form.addEventListener("focusin", function () { form.classList.remove("results-hidden"); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !input.value && !wide.matches) { show(false); button.focus(); }
    });
    // "/" opens it before the search's own handler moves the focus there.
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !wide.matches && !/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)
        && !event.target.isContentEditable) show(true);
    }, true);
  }

  // The language menu closes on Escape and on a click elsewhere, like other menus.
  function setupLanguageMenu(menu) {
    var summary = $("summary", menu);
    document.addEventListener("click", function (event) { if (menu.open && !menu.contains(event.target)) menu.open = false; });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) { menu.open = false; summary.focus(); return; }
      // Arrow keys, Home and End move through a long list of languages.
      var links = $$("ul a", menu), at = links.indexOf(document.activeElement);
      if (!menu.open || !links.length) return;
      var to = { ArrowDown: at + 1, ArrowUp: at < 0 ? links.length - 1 : at - 1, Home: 0, End: links.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      links[Math.max(0, Math.min(links.length - 1, to))].focus();
    });
    // Opened, the list shows the current language even when it is far down.
    menu.addEventListener("toggle", function () {
      var current = menu.open && $("ul a[aria-current]", menu);
      if (current) current.scrollIntoView({ block: "nearest" });
    });
  }

  // Switching language keeps the reader's section: each link lists, as data-anchors,
  // the anchor of each place of this page on the translation (see the README, "Themes").
  function keepSection(anchor) {
    $$(".switcher a[data-anchors]").forEach(function (link) {
      var map;
      try { map = JSON.parse(link.getAttribute("data-anchors")); } catch (error) { return; }
      var target = anchor && Object.prototype.hasOwnProperty.call(map, anchor) ? map[anchor] : "";
      link.href = link.href.split("#")[0] + (target ? "#" + encodeURIComponent(target) : "");
    });
  }
  function hashAnchor() {
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return location.hash.slice(1); }
  }

  // "On this page" marks the section being read; without scripts it is a plain list.
  function setupContents(toc) {
    var fold = $(".toc-fold", toc), links = $$("a[href^='#']", toc), headings = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1)), heading = document.getElementById(id);
      if (heading) headings.push({ id: id, heading: heading, link: link });
    });
    onChange(roomForContents, function () { fold.open = roomForContents.matches; });
    var current = null;
    function mark() {
      var line = window.innerHeight * 0.3, found = null;
      headings.forEach(function (entry) { if (entry.heading.getBoundingClientRect().top <= line) found = entry; });
      if (headings.length && window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
        found = headings[headings.length - 1];
      }
      // A section the reader jumped to stays marked while its heading is in view, even near the end.
      var anchor = hashAnchor();
      headings.forEach(function (entry) {
        var at = entry.heading.getBoundingClientRect().top;
        if (entry.id === anchor && at >= 0 && at < window.innerHeight * 0.5) found = entry;
      });
      if (found === current) return;
      if (current) current.link.removeAttribute("aria-current");
      current = found;
      if (current) current.link.setAttribute("aria-current", "true");
      keepSection(current ? current.id : hashAnchor());
    }
    if (!headings.length || !("IntersectionObserver" in window)) return;
    var observer = new IntersectionObserver(mark, { rootMargin: "0px 0px -70% 0px" });
    headings.forEach(function (entry) { observer.observe(entry.heading); });
    window.addEventListener("scroll", function () { if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) mark(); }, { passive: true });
    window.addEventListener("hashchange", mark);
    mark();
  }

  // Light, dark, or the system's setting (the default); the page's <head> applies it before the first paint.
  function setupColourScheme(button) {
    var themeKey = "handbook.theme", order = ["auto", "light", "dark"], root = document.documentElement;
    var label = $(".visually-hidden", button);
    function show(scheme) {
      if (scheme === "auto") root.removeAttribute("data-theme"); else root.setAttribute("data-theme", scheme);
      var text = button.getAttribute("data-label") + ": " + button.getAttribute("data-" + scheme);
      label.textContent = text;
      button.title = text;
    }
    var scheme = root.getAttribute("data-theme") || "auto";
    button.hidden = false;
    show(scheme);
    button.addEventListener("click", function () {
      scheme = order[(order.indexOf(scheme) + 1) % order.length];
      show(scheme);
      try {
        if (scheme === "auto") localStorage.removeItem(themeKey); else localStorage.setItem(themeKey, scheme);
      } catch (error) { /* private mode: the choice lasts for this page */ }
    });
  }

  function setupLayout() {
    var header = $(".site-header");
    var menuButton = $(".menu-button"), fold = $("#site-nav .sidebar-toggle");
    if (menuButton && fold) setupMenu(menuButton, fold);
    var searchButton = header && $(".search-button", header);
    if (searchButton && $(".search-input", header)) setupHeaderSearch(header, searchButton);
    $$(".switcher-menu").forEach(setupLanguageMenu);
    var toc = $("nav.toc");
    if (toc) setupContents(toc); else keepSection(hashAnchor());
    window.addEventListener("hashchange", function () { if (!toc) keepSection(hashAnchor()); });
    var schemeButton = $(".theme-switch");
    if (schemeButton) setupColourScheme(schemeButton);
  }

  /* ---- Start ------------------------------------------------------------- */

  setupLayout();
  $$("form.search").forEach(setupSearch);
  var tools = document.getElementById("script-tools");
  if (tools) setupScripts(tools);
  var checklist = document.getElementById("checklist-tools");
  if (checklist) setupChecklists(checklist);
  var practice = $("article.practice");
  if (practice) setupPractice(practice);
  $$(".print-button").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // "print.html?paper=a4" (or letter) sets the paper size, for `handbook pdf`.
  var paper = /[?&]paper=(a4|letter)\b/i.exec(location.search);
  if (paper) document.head.append(element("style", "", "@page { size: " + paper[1] + "; }"));
  if (siteRoot) {
    var sidebar = document.getElementById("site-nav");
    if (sidebar && sidebar.hasAttribute("data-read")) setupReadMarks(sidebar);
    var readTools = document.getElementById("reading-tools");
    if (readTools) setupReadTools(readTools);
    $$(".reading-progress").forEach(setupReadingSummary);
  }
  // A SCORM package holds one language: the others are not in it.
  if (lms) $$(".switcher").forEach(function (menu) { menu.style.display = "none"; });
})();

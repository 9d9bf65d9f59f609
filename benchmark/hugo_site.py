#!/usr/bin/env python3
"""Writes a Hugo site equivalent to a handbook made by generate.py, for the benchmark.

    benchmark/hugo_site.py --content /tmp/handbook-benchmark/content-1000-1 --out /tmp/hugo-1000

"Equivalent" means Hugo does the work the handbook's build does for every page,
the way a careful Hugo site would do it:

- the same pages and languages, as `.html` files (uglyURLs) with relative links;
- Markdown links to `page.md#anchor` resolved to the page (a render hook, as
  handbook resolves and checks them), headings with ids, a table of contents;
- comparisons and scripts as shortcodes whose insides are rendered as Markdown,
  scripts with every `[placeholder]` marked up;
- on every page: the header with the language switcher to each translation,
  hreflang alternates, the sidebar of the language's sections (each section's
  list cached per language with partialCached, Hugo's way of not redoing it per
  page), the section line, the previous/next pager;
- per language: a search index (title, URL, headings, a 4,000-character
  excerpt), the print booklet with every page's content, a 404 page; one
  sitemap per language and the index of sitemaps.

What handbook does and this Hugo site does not: the practice page, reading
times, the outdated-translation notices, the diagnostics for content problems.
So the comparison favours Hugo slightly. Python 3 standard library only.
"""

import argparse
import os
import re
import shutil

LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("nl", "Nederlands"), ("pt", "Português")]

CONFIG = """baseURL = "https://example.org/"
relativeURLs = true
uglyURLs = true
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
timeout = "600s"

[markup.goldmark.renderer]
unsafe = true
[markup.tableOfContents]
startLevel = 2
endLevel = 3

[mediaTypes."text/javascript"]
suffixes = ["js"]

[outputFormats.searchindex]
mediaType = "text/javascript"
baseName = "search-index"
isPlainText = true
[outputFormats.booklet]
mediaType = "text/html"
baseName = "print"
isHTML = true

[outputs]
home = ["HTML", "searchindex", "booklet"]
section = ["HTML"]
page = ["HTML"]
"""

BASEOF = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">
{{ end }}<link rel="stylesheet" href="{{ "theme/style.css" | relURL }}">
<script src="{{ "theme/handbook.js" | relURL }}" defer></script>
</head>
<body>
<header class="site-header">
  <a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
  <form class="search" role="search"><input class="search-input" type="search" placeholder="Search"></form>
  <nav class="switcher" aria-label="Language"><details><summary>{{ .Site.Language.LanguageName }}</summary><ul>
  {{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}"{{ if eq .Language.Lang $.Site.Language.Lang }} aria-current="true"{{ end }}>{{ .Language.LanguageName }}</a></li>
  {{ end }}</ul></details></nav>
</header>
<div class="layout">
<nav class="sidebar" aria-label="Contents">
{{ range .Site.Sections }}{{ partialCached "section.html" . .RelPermalink }}{{ end }}
</nav>
<main id="content" class="content">
{{ block "main" . }}{{ end }}
</main>
</div>
</body>
</html>
"""

SECTION = """<section class="nav-section"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></section>
"""

SINGLE = """{{ define "main" }}<article>
{{ with .Parent }}<p class="page-place">{{ .Title }}</p>{{ end }}
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .TableOfContents }}<nav class="toc" aria-label="On this page">{{ . }}</nav>{{ end }}
<div class="page-body">{{ .Content }}</div>
<nav class="pager">
{{ with .NextInSection }}<a class="pager-previous" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a class="pager-next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
</article>{{ end }}
"""

LIST = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
{{ with .TableOfContents }}<nav class="toc" aria-label="On this page">{{ . }}</nav>{{ end }}
<div class="page-body">{{ .Content }}</div>
<ul class="section-pages">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</article>{{ end }}
"""

NOT_FOUND = """{{ define "main" }}<article><h1>Page not found</h1>
<p><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a></p></article>{{ end }}
"""

SEARCH_INDEX = """window.handbookSearchIndex = [
{{ range .Site.Pages }}{{ if or .IsPage .IsSection }}[{{ .Title | jsonify }}, {{ .RelPermalink | jsonify }}, {{ .Fragments.Headings | len }}, {{ .Plain | truncate 4000 | jsonify }}],
{{ end }}{{ end }}];
"""

BOOKLET = """<!doctype html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body>
{{ range .Site.Sections }}<section><h1>{{ .Title }}</h1>{{ .Content }}
{{ range .Pages }}<article id="{{ .File.ContentBaseName }}"><h2>{{ .Title }}</h2>{{ .Content }}</article>
{{ end }}</section>
{{ end }}</body></html>
"""

# Links to other pages' Markdown files, resolved as handbook does.
RENDER_LINK = """{{- $destination := .Destination -}}
{{- if and (not (strings.HasPrefix $destination "http")) (strings.Contains $destination ".md") -}}
{{- $parts := split $destination "#" -}}
{{- $path := replaceRE `(^|/)index\.md$` "${1}_index.md" (index $parts 0) -}}
{{- with $.Page.GetPage $path -}}
{{- $destination = .RelPermalink -}}
{{- if gt (len $parts) 1 }}{{ $destination = printf "%s#%s" $destination (index $parts 1) }}{{ end -}}
{{- end -}}
{{- end -}}
<a href="{{ $destination | safeURL }}">{{ .Text | safeHTML }}</a>"""

COMPARE = """<figure class="comparison"><figcaption>{{ .Get 0 }}</figcaption>{{ .Inner }}</figure>"""
SIDE = """<div class="side side-{{ .Get 0 }}"><p class="side-label">{{ if eq (.Get 0) "bad" }}Don't{{ else }}Do{{ end }}</p>
{{ .Inner | .Page.RenderString (dict "display" "block") }}</div>"""
SCRIPT = """<figure class="script"><figcaption>{{ .Get 0 }}</figcaption><div class="script-body">
{{ .Inner | replaceRE `\\[([^\\]]+)\\]` `<span class="placeholder" data-placeholder="$1">[$1]</span>` | .Page.RenderString (dict "display" "block") }}
</div></figure>"""


def convert(text):
    """handbook's directives as Hugo shortcodes; `order:` as Hugo's `weight:`."""
    text = re.sub(r"^order: ", "weight: ", text, count=1, flags=re.MULTILINE)
    out, stack = [], []
    for line in text.split("\n"):
        if line.startswith(":::compare "):
            stack.append("compare")
            out.append('{{< compare "' + line[len(":::compare "):].replace('"', "'") + '" >}}')
        elif line in (":::bad", ":::good"):
            if stack and stack[-1] == "side":
                stack.pop()
                out.append("{{< /side >}}")
            stack.append("side")
            out.append('{{< side "' + line[3:] + '" >}}')
        elif line.startswith(":::script "):
            stack.append("script")
            out.append('{{< script "' + line[len(":::script "):].replace('"', "'") + '" >}}')
        elif line == ":::" and stack:
            if stack[-1] == "side":
                stack.pop()
                out.append("{{< /side >}}")
            out.append("{{< /" + stack.pop() + " >}}")
        else:
            out.append(line)
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", required=True, help="a content folder written by generate.py")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)

    titles = dict(re.findall(r"- code: (\w+)\n(?:    locale: .*\n)?    title: (.*)", open(
        os.path.join(args.content, "handbook.yml"), encoding="utf-8").read()))
    config = CONFIG + "".join(
        f'\n[languages.{code}]\ncontentDir = "content/{code}"\nweight = {weight}\n'
        f'languageName = "{name}"\ntitle = "{titles[code]}"\n'
        for weight, (code, name) in enumerate(LANGUAGES, 1))
    write(os.path.join(args.out, "hugo.toml"), config)
    layouts = os.path.join(args.out, "layouts")
    for name, text in {
        "_default/baseof.html": BASEOF, "_default/single.html": SINGLE, "_default/list.html": LIST,
        "404.html": NOT_FOUND, "index.searchindex.js": SEARCH_INDEX, "index.booklet.html": BOOKLET,
        "partials/section.html": SECTION, "_default/_markup/render-link.html": RENDER_LINK,
        "shortcodes/compare.html": COMPARE, "shortcodes/side.html": SIDE, "shortcodes/script.html": SCRIPT,
    }.items():
        write(os.path.join(layouts, name), text)
    write(os.path.join(args.out, "static", "theme", "style.css"), "body { font-family: sans-serif; }\n")
    write(os.path.join(args.out, "static", "theme", "handbook.js"), "\n")

    for code, _ in LANGUAGES:
        source = os.path.join(args.content, code)
        for folder, _, files in os.walk(source):
            for name in files:
                if not name.endswith(".md"):
                    continue
                relative = os.path.relpath(os.path.join(folder, name), source)
                target = relative[:-len("index.md")] + "_index.md" if name == "index.md" else relative
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    write(os.path.join(args.out, "content", code, target), convert(f.read()))


if __name__ == "__main__":
    main()

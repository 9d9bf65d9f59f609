"""The handbook as books: `handbook epub` checked by Debian's epubcheck, and the
PDF of `handbook pdf` read back with pdfinfo, pdftotext and pypdf (page numbers,
outline, title and language)."""
import collections
import html
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile

import pytest

from conftest import BINARY, OUTPUT, ROOT

LANGUAGES = ["en", "de", "nl", "pt"]
LOCALES = {"en": "en", "de": "de", "nl": "nl", "pt": "pt-BR"}


def epubcheck_jar():
    """Debian's epubcheck is an executable jar; run it with java, which works without binfmt."""
    program = shutil.which("epubcheck")
    if not program or not shutil.which("java"):
        pytest.fail("epubcheck (and Java) is not installed; run scripts/test, which installs it")
    return os.path.realpath(program)


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    site_copy = tmp_path_factory.mktemp("epub") / "Output"
    shutil.copytree(OUTPUT, site_copy)
    result = subprocess.run([str(BINARY), "epub", "--content", str(ROOT / "Content"), "--output", str(site_copy)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no warning for the shipped handbook"
    return site_copy


@pytest.mark.parametrize("code", LANGUAGES)
def test_epubcheck_finds_no_error_or_warning_in_any_language(books, code):
    book = books / code / f"handbook-{code}.epub"
    result = subprocess.run(["java", "-jar", epubcheck_jar(), str(book)], capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in report, report


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_book_holds_every_page_of_the_booklet_in_order_with_its_language(books, code):
    """The navigation document lists the booklet's contents: the parts and their pages, in order."""
    booklet = (OUTPUT / code / "print.html").read_text()
    contents = booklet.split('class="booklet-contents"', 1)[1].split("</div>", 1)[0]
    expected = [html.unescape(t) for t in re.findall(r'<a href="#[^"]*"[^>]*>([^<]*)</a>', contents)]
    with zipfile.ZipFile(books / code / f"handbook-{code}.epub") as book:
        assert book.namelist()[0] == "mimetype"
        assert book.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        nav = book.read("EPUB/nav.xhtml").decode()
        opf = book.read("EPUB/package.opf").decode()
        toc = nav.split('epub:type="toc"', 1)[1].split("</nav>", 1)[0]
        assert [html.unescape(t) for t in re.findall(r'<a href="[^"]*">([^<]*)</a>', toc)] == expected
        assert f"<dc:language>{LOCALES[code]}</dc:language>" in opf
        chapters = re.findall(r'<itemref idref="(chapter-\d+)"/>', opf)
        assert len(chapters) == len(expected)
        # Every comparison of the site's pages is in the book, its sides labelled in words.
        text = "".join(book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml"))
    assert text.count('class="comparison"') == booklet.count('class="comparison"') > 0
    labels = re.findall(r'<p class="side-label">([^<]*)</p>', booklet)
    assert labels and all(label.strip() for label in labels)
    assert text.count('class="side-label"') == len(labels)
    assert text.count('class="placeholder"') == booklet.count('class="placeholder"') > 0


def test_the_same_content_makes_the_same_book(books, tmp_path):
    site_copy = tmp_path / "Output"
    shutil.copytree(OUTPUT, site_copy)
    subprocess.run([str(BINARY), "epub", "--content", str(ROOT / "Content"), "--output", str(site_copy),
                    "--language", "de"], check=True, capture_output=True, timeout=120)
    assert (site_copy / "de/handbook-de.epub").read_bytes() == (books / "de/handbook-de.epub").read_bytes()
    assert not (site_copy / "en/handbook-en.epub").exists(), "only the language asked for"


# ---- PDF: page numbers, contents, outline, title and language ---------------

@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    if not shutil.which("chromium"):
        pytest.skip("Chromium is not installed; 'handbook pdf' makes nothing without it")
    site_copy = tmp_path_factory.mktemp("pdf") / "Output"
    shutil.copytree(OUTPUT, site_copy)
    result = subprocess.run([str(BINARY), "pdf", "--output", str(site_copy), "--language", "en", "de"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    assert [p.name for p in site_copy.rglob(".*")] == [".handbook-output"], "no temporary file left behind"
    return site_copy


@pytest.mark.parametrize("code", ["en", "de"])
def test_pdf_contents_list_gives_the_page_of_every_part_and_page(pdfs, code):
    pdf = pdfs / code / f"handbook-{code}.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    booklet = (OUTPUT / code / "print.html").read_text()
    contents = booklet.split('class="booklet-contents"', 1)[1].split("</div>", 1)[0]
    titles = [html.unescape(t) for t in re.findall(r'<a href="#[^"]*"[^>]*>([^<]*)</a>', contents)]
    # "2. Teil A: Wenn Ihr Team einen Fehler gemacht hat      4": the title, then its page number.
    entries = re.findall(r"^\s*\d+\.\s+(.+?)\s{2,}(\d+)\s*$", pages[0], re.M)
    assert [title for title, _ in entries] == titles, pages[0]
    previous = 0
    for title, number in entries:
        number = int(number)
        assert number >= previous, "in reading order"
        previous = number
        heading = " ".join(unicodedata.normalize("NFKC", pages[number - 1]).split())
        assert title in heading, f"{title!r} is on page {number}"


@pytest.mark.parametrize("code", ["en", "de"])
def test_pdf_numbers_its_pages_in_the_footer(pdfs, code):
    pdf = pdfs / code / f"handbook-{code}.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:count]
    assert len(pages) == count > 10
    for number, text in enumerate(pages, start=1):
        # The footer is isolated left to right (U+2066 … U+2069), which pdftotext keeps.
        last = [line.strip() for line in text.splitlines() if line.strip()][-1].strip("\u2066\u2069")
        assert last == f"{number} / {count}", f"page {number} ends with {last!r}"


@pytest.mark.parametrize("code", ["en", "de"])
def test_pdf_has_an_outline_of_parts_and_pages_and_its_title_and_language(pdfs, code):
    pypdf = pytest.importorskip("pypdf")
    pdf = pdfs / code / f"handbook-{code}.pdf"
    reader = pypdf.PdfReader(pdf)
    booklet = (OUTPUT / code / "print.html").read_text()
    title = html.unescape(re.search(r"<title>([^<]*)</title>", booklet).group(1))
    assert reader.metadata.title == title
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+(.*)$", info, re.M).group(1) == title
    assert reader.trailer["/Root"]["/Lang"] == LOCALES[code]

    # The outline: the parts in order, each with its pages under it, each pointing at its page.
    contents = booklet.split('class="booklet-contents"', 1)[1].split("</div>", 1)[0]
    parts = []
    for line in contents.splitlines():
        # A part's line stays open for its pages; a page's line closes its item.
        found = re.match(r'<li><a [^>]*>([^<]*)</a><span class="booklet-page-number"[^>]*></span>(</li>)?$', line)
        if found and found.group(2):
            parts[-1][1].append(html.unescape(found.group(1)))
        elif found:
            parts.append((html.unescape(found.group(1)), []))
    assert len(parts) == 5 and sum(len(pages) for _, pages in parts) > 10

    def flatten(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item, depth + 1)
            else:
                yield depth, item

    entries = list(flatten(reader.outline))
    titles = [item.title for _, item in entries]
    # NFKC: the PDF draws "ff" as one ligature glyph, "ﬀ".
    texts = [" ".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]
    position = 0
    for part, pages in parts:
        for name in [part] + pages:
            assert name in titles[position:], f"{name!r} in the outline after {titles[position - 1]!r}"
            position = titles.index(name, position)
            depth, item = entries[position]
            assert depth == (1 if name == part else 2), f"{name!r} at depth {depth}"
            page = reader.get_destination_page_number(item)
            assert name in texts[page], f"{name!r} points at page {page + 1}"


# ---- A right-to-left handbook ----------------------------------------------

def test_a_right_to_left_book_and_pdf(tmp_path):
    """Arabic, with pages standing in from English: the EPUB reads right to left,
    the PDF's footer says "1 / N" and its contents list is numbered."""
    content, output = tmp_path / "Content", tmp_path / "Output"
    subprocess.run([str(BINARY), "init", str(content), "--languages", "en,ar", "--title", "RTL"],
                   check=True, capture_output=True, timeout=60)
    subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(output)],
                   check=True, capture_output=True, timeout=60)
    subprocess.run([str(BINARY), "epub", "--content", str(content), "--output", str(output), "--language", "ar"],
                   check=True, capture_output=True, timeout=60)
    book = output / "ar" / "handbook-ar.epub"
    result = subprocess.run(["java", "-jar", epubcheck_jar(), str(book)], capture_output=True, text=True, timeout=300)
    assert "Messages: 0 fatals / 0 errors / 0 warnings" in result.stdout, result.stdout + result.stderr
    with zipfile.ZipFile(book) as archive:
        opf = archive.read("EPUB/package.opf").decode()
        chapters = [archive.read(n).decode() for n in archive.namelist() if n.startswith("EPUB/ar/chapter-")]
    assert '<spine page-progression-direction="rtl">' in opf and 'dir="rtl"' in opf
    assert any('lang="en" xml:lang="en" dir="ltr"' in c and 'class="fallback-notice" lang="ar"' in c for c in chapters)

    if not shutil.which("chromium"):
        return
    result = subprocess.run([str(BINARY), "pdf", "--output", str(output), "--language", "ar"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    pdf = output / "ar" / "handbook-ar.pdf"
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    count = len(pages) - 1
    for number, text in enumerate(pages[:count], start=1):
        last = [line.strip() for line in text.splitlines() if line.strip()][-1].strip("\u2066\u2069")
        assert last == f"{number} / {count}"
    # Each entry's number, as the PDF's own destinations give it, is on the contents page.
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(pdf)
    booklet = (output / "ar" / "print.html").read_text()
    anchors = re.findall(r'class="booklet-page-number" data-anchor="([^"]*)"', booklet)
    assert len(anchors) >= 3
    expected = collections.Counter(str(reader.get_destination_page_number(reader.named_destinations["/" + a]) + 1)
                                   for a in anchors)
    contents = [line for line in pages[0].splitlines() if line.strip()][:-1]  # without the footer
    found = collections.Counter(re.findall(r"(?<![\d.])\d+(?![\d.])", "\n".join(contents)))
    assert not expected - found, f"{expected} in {contents}"

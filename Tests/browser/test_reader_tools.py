"""The reader's tools in a real browser: search, fill-in scripts, copy, practice,
print and the language switcher. Each test runs from disk (file://) and, when
the binary has the 'serve' command, from 'handbook serve'."""
import re
import subprocess
import shutil

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, OUTPUT, make_driver, screenshot, url

LANGUAGES = ["en", "de", "nl", "pt"]


def wait_for(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda _: condition())


def fresh(driver, address):
    """Opens a page with empty local storage, as a first-time reader would."""
    driver.get(address)
    driver.execute_script("localStorage.clear()")
    driver.get(address)


def search(driver, query):
    field = driver.find_element(By.CSS_SELECTOR, ".search-input")
    field.clear()
    field.send_keys(query)
    status = driver.find_element(By.CSS_SELECTOR, ".search-status")
    wait_for(driver, lambda: status.text != "")
    return field, driver.find_elements(By.CSS_SELECTOR, ".search-results a")


def no_request_leaves(driver, address):
    """Every resource the page loaded comes from the site itself."""
    origin = address.split("/")[0] + "//" + address.split("/")[2] if address.startswith("http") else "file://"
    loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [name for name in loaded if not name.startswith(origin)]
    assert outside == [], f"requests left the site: {outside}"


# ---- Search -----------------------------------------------------------------

@pytest.mark.parametrize("code,query,title,marked", [
    ("en", "EMPATHY", "Show empathy", "empathy"),
    ("de", "ubernehmen", "Übernehmen Sie die volle Verantwortung", "übernehmen"),
    ("nl", "privekanaal", "Openbare klachten op sociale media", "privékanaal"),
    ("pt", "nao culpe", "Não culpe um colega", "não"),
])
def test_search_finds_topics_in_every_language_ignoring_accents_and_case(desktop, site, code, query, title, marked):
    address = site(f"{code}/index.html")
    desktop.get(address)
    _, results = search(desktop, query)
    assert results, f"nothing found for {query!r} in {code}"
    first = results[0]
    assert first.find_element(By.CSS_SELECTOR, ".search-title").text == title
    # Each result names its section and shows a snippet with the match marked.
    assert first.find_element(By.CSS_SELECTOR, ".search-section").text.strip()
    assert first.find_element(By.CSS_SELECTOR, ".search-snippet").text.strip()
    marks = [m.text.lower() for m in desktop.find_elements(By.CSS_SELECTOR, ".search-results mark")]
    assert marked in marks, f"{marked!r} is marked in the results"
    first.click()
    assert desktop.find_element(By.TAG_NAME, "h1").text == title
    no_request_leaves(desktop, address)


def test_title_matches_come_before_text_matches(desktop):
    desktop.get(url("en/team-mistakes/index.html"))
    _, results = search(desktop, "empathy")
    titles = [r.find_element(By.CSS_SELECTOR, ".search-title").text for r in results]
    assert titles[0] == "Show empathy"
    assert len(titles) >= 3, "pages that mention it in their text are listed after the title match"
    status = desktop.find_element(By.CSS_SELECTOR, ".search-status").text
    assert status == f"{len(titles)} results"
    snippets = [r.find_element(By.CSS_SELECTOR, ".search-snippet").text for r in results[1:]]
    assert all("empathy" in s.lower() for s in snippets)


def test_search_is_usable_from_the_keyboard(desktop, site):
    desktop.get(site("en/sincere-apology/listen.html"))
    body = desktop.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    field = desktop.switch_to.active_element
    assert field.get_attribute("id") == "search-input", "'/' moves to the search field"
    field.send_keys("voicemail")
    wait_for(desktop, lambda: desktop.find_elements(By.CSS_SELECTOR, ".search-results a"))
    field.send_keys(Keys.ARROW_DOWN)
    first = desktop.switch_to.active_element
    assert "search-results" in first.find_element(By.XPATH, "../..").get_attribute("class")
    links = desktop.find_elements(By.CSS_SELECTOR, ".search-results a")
    if len(links) > 1:
        first.send_keys(Keys.ARROW_DOWN)
        assert desktop.switch_to.active_element == links[1]
        desktop.switch_to.active_element.send_keys(Keys.ARROW_UP)
    desktop.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert desktop.switch_to.active_element.get_attribute("id") == "search-input"
    # Enter opens the first result; a heading match lands on the heading itself.
    desktop.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(desktop, lambda: "listen.html" not in desktop.current_url)
    assert "#" in desktop.current_url
    anchor = desktop.current_url.split("#", 1)[1]
    assert desktop.find_element(By.ID, anchor).is_displayed()


def test_search_says_when_nothing_matches_offers_the_parts_and_escape_clears(desktop):
    desktop.get(url("de/index.html"))
    field, results = search(desktop, "zzqx")
    assert desktop.find_element(By.CSS_SELECTOR, ".search-status").text == \
        "Nichts gefunden. Versuchen Sie es mit einem anderen Wort."
    assert desktop.find_element(By.CSS_SELECTOR, ".search-browse").text == "Oder beginnen Sie mit einem der Teile:"
    titles = [r.text for r in results]
    sidebar = [a.text for a in desktop.find_elements(By.CSS_SELECTOR, ".nav-section > a")]
    assert titles[:len(sidebar)] == sidebar, "every part, in reading order"
    assert titles[len(sidebar):] == ["Üben: Welche Antwort ist besser?", "Das ganze Handbuch"], "then practice and print"
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("value") == ""


@pytest.mark.parametrize("code,query,title", [
    ("en", "checklist", "Before you call the client"),  # in its description only
    ("en", "apologize", None),  # American spelling; the pages say "apologise"
    ("en", "apologies", None),
    ("en", "quiz", "Practice: which reply is better?"),  # a word readers try, not on the page
    ("de", "Entschuldigungen", None),
    ("de", "PDF", "Das ganze Handbuch"),
    ("nl", "klachten", None),
    ("pt", "desculpas", None),
    ("pt", "clientes", None),
])
def test_search_finds_variants_descriptions_and_the_tools(desktop, code, query, title):
    desktop.get(url(f"{code}/index.html"))
    _, results = search(desktop, query)
    assert not desktop.find_elements(By.CSS_SELECTOR, ".search-browse"), f"{query!r} finds pages in {code}"
    assert results
    if title:
        assert results[0].find_element(By.CSS_SELECTOR, ".search-title").text == title
    if query not in ("quiz", "PDF"):
        assert desktop.find_elements(By.CSS_SELECTOR, ".search-results mark"), "the variant found is marked"


def test_search_finds_both_spellings_alike_and_snippets_keep_blocks_apart(desktop):
    desktop.get(url("en/index.html"))
    _, british = search(desktop, "apologise")
    british = [r.get_attribute("href") for r in british]
    _, american = search(desktop, "apologize")
    assert [r.get_attribute("href") for r in american] == british
    # Typewriter and typographic apostrophes are one letter to search.
    typewriter = [r.get_attribute("href") for r in search(desktop, "don't blame")[1]]
    typographic = [r.get_attribute("href") for r in search(desktop, "don\u2019t blame")[1]]
    assert typewriter and typewriter == typographic
    field = desktop.find_element(By.CSS_SELECTOR, ".search-input")
    assert field.get_attribute("placeholder") == "Press / to search"
    assert field.get_attribute("aria-keyshortcuts") == "/"
    snippets = [s.text for s in desktop.find_elements(By.CSS_SELECTOR, ".search-snippet")]
    assert any(" · " in s for s in snippets), "a heading and the paragraph after it are set apart"


def test_the_search_index_stays_compact():
    """One entry per page and one each for practice and print, with a bounded excerpt: linear in the pages."""
    for code in LANGUAGES:
        text = (OUTPUT / code / "search-index.js").read_text(encoding="utf-8")
        pages = len(re.findall(r'^\[', text, re.MULTILINE))
        assert pages == len(list((OUTPUT / code).rglob("*.html"))) - 1, "one entry per page, practice and print (not 404)"
        assert len(text.encode()) < pages * 6000


# ---- Scripts: fill in and copy ---------------------------------------------

def open_fill_in(driver, index=0):
    panel = driver.find_elements(By.CSS_SELECTOR, "figure.script .fill-in")[index]
    panel.find_element(By.TAG_NAME, "summary").click()
    return panel


def test_fill_in_updates_every_matching_placeholder_and_is_remembered(desktop, site):
    address = site("en/team-mistakes/talk.html")
    fresh(desktop, address)
    panel = open_fill_in(desktop)
    fields = {f.find_element(By.TAG_NAME, "span").text: f.find_element(By.TAG_NAME, "input")
              for f in panel.find_elements(By.CSS_SELECTOR, ".fill-in-field")}
    assert list(fields) == ["Client name", "Your name", "Your company", "Project", "Phone number", "Call times"]
    fields["Client name"].send_keys("Ms Okafor")
    fields["Your name"].send_keys("Sam")
    clients = desktop.find_elements(By.CSS_SELECTOR, '.placeholder[data-placeholder="Client name"]')
    assert len(clients) == 2, "the name appears in both scripts of the page"
    assert [c.text for c in clients] == ["Ms Okafor", "Ms Okafor"]
    # The second script's own panel shows the same value.
    second = open_fill_in(desktop, 1)
    assert second.find_element(By.CSS_SELECTOR, 'input[data-placeholder="Client name"]').get_attribute("value") == "Ms Okafor"
    screenshot(desktop, "fill-in")
    # Local storage keeps it for the next page with the same placeholder.
    desktop.get(site("en/team-mistakes/email.html"))
    filled = desktop.find_elements(By.CSS_SELECTOR, '.placeholder[data-placeholder="Client name"]')
    assert filled
    # The deferred script fills them in just after the page loads.
    wait_for(desktop, lambda: all(p.text == "Ms Okafor" for p in filled))
    assert desktop.execute_script("return JSON.parse(localStorage.getItem('handbook.placeholders'))") == \
        {"Client name": "Ms Okafor", "Your name": "Sam"}
    no_request_leaves(desktop, address)
    # Clearing brings the placeholders back.
    open_fill_in(desktop).find_element(By.CSS_SELECTOR, ".fill-in-clear").click()
    assert all(p.text == "[Client name]" for p in
               desktop.find_elements(By.CSS_SELECTOR, '.placeholder[data-placeholder="Client name"]'))


def read_clipboard(driver):
    return driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e))")


def test_copy_puts_the_script_as_filled_in_on_the_clipboard(desktop, site):
    fresh(desktop, site("en/team-mistakes/talk.html"))
    panel = open_fill_in(desktop, 1)
    panel.find_element(By.CSS_SELECTOR, 'input[data-placeholder="Client name"]').send_keys("Ms Okafor")
    figure = desktop.find_elements(By.CSS_SELECTOR, "figure.script")[1]
    button = figure.find_element(By.CSS_SELECTOR, ".copy-button")
    button.click()
    # Blanks remain: they are named first, and copied only on "Copy anyway".
    status = figure.find_element(By.CSS_SELECTOR, ".copy-status")
    wait_for(desktop, lambda: status.text != "")
    assert status.text == "4 still empty: Project, Call times, Phone number, Your name"
    figure.find_element(By.CSS_SELECTOR, ".copy-anyway").click()
    wait_for(desktop, lambda: button.text == "Copied")
    assert figure.find_element(By.CSS_SELECTOR, ".copy-status").text == "Copied"
    text = read_clipboard(desktop)
    assert text.startswith("Subject: A quick call today?\n\nHi Ms Okafor,\n\nCould we speak briefly today about [Project]?")
    assert text.endswith("Many thanks,\n\n[Your name]")
    assert "<" not in text and "Fill in" not in text, "plain text of the script only"


def test_copy_and_fill_in_work_in_another_language_from_the_keyboard(desktop):
    fresh(desktop, url("de/team-mistakes/talk.html"))
    figure = desktop.find_element(By.CSS_SELECTOR, "figure.script")
    summary = figure.find_element(By.CSS_SELECTOR, ".fill-in summary")
    assert summary.text.replace("\n", " ") == "Platzhalter ausfüllen 0 von 6 ausgefüllt"
    summary.send_keys(Keys.ENTER)
    field = figure.find_element(By.CSS_SELECTOR, ".fill-in-field input")
    field.send_keys("Frau Weber")
    for _ in range(20):  # on through the other fields and the clear button to the copy button
        if "copy-button" in (desktop.switch_to.active_element.get_attribute("class") or ""):
            break
        desktop.switch_to.active_element.send_keys(Keys.TAB)
    button = desktop.switch_to.active_element
    assert button.text == "Text kopieren"
    button.send_keys(Keys.ENTER)
    status = figure.find_element(By.CSS_SELECTOR, ".copy-status")
    wait_for(desktop, lambda: status.text.startswith("Noch 5 leer:"))
    button.send_keys(Keys.TAB)
    anyway = desktop.switch_to.active_element
    assert anyway.text == "Trotzdem kopieren"
    anyway.send_keys(Keys.ENTER)
    wait_for(desktop, lambda: button.text == "Kopiert")
    assert "Frau Weber" in read_clipboard(desktop)


# ---- Practice ---------------------------------------------------------------

def comparisons_in(code):
    count = 0
    for page in (OUTPUT / code).rglob("*.html"):
        if page.name in ("print.html", "practice.html", "404.html"):
            continue
        count += page.read_text(encoding="utf-8").count('<figure class="comparison"')
    return count


@pytest.mark.parametrize("code", LANGUAGES)
def test_practice_asks_every_comparison_and_keeps_the_score(desktop, site, code):
    desktop.get(site(f"{code}/practice.html"))
    questions = desktop.find_elements(By.CSS_SELECTOR, ".question")
    assert len(questions) == comparisons_in(code) > 0
    for question in questions:
        labels = [c.text for c in question.find_elements(By.CSS_SELECTOR, ".choice-label")]
        assert len(labels) == 2 and labels[0].endswith("A") and labels[1].endswith("B"), "unlabelled: only A and B"
        assert not question.find_element(By.CSS_SELECTOR, ".answer").is_displayed(), "the answer waits for a pick"
    # Pick the better reply everywhere but in the first question.
    for number, question in enumerate(questions):
        kind = "bad" if number == 0 else "good"
        choice = question.find_element(By.CSS_SELECTOR, f'.choice[data-kind="{kind}"]')
        choice.find_element(By.CSS_SELECTOR, ".choice-button").click()
        verdict = question.find_element(By.CSS_SELECTOR, ".answer-verdict")
        assert verdict.is_displayed() and verdict.text
        reasons = question.find_elements(By.CSS_SELECTOR, ".reason")
        assert all(r.is_displayed() for r in reasons) and len(reasons) == 2
        assert not any(b.is_displayed() for b in question.find_elements(By.CSS_SELECTOR, ".choice-button"))
        assert choice.find_element(By.CSS_SELECTOR, ".choice-mine").is_displayed()
    total = len(questions)
    score = desktop.find_element(By.CSS_SELECTOR, ".practice-score").text
    assert f"{total - 1}" in score and f"{total}" in score
    result = desktop.find_element(By.CSS_SELECTOR, ".practice-result-text")
    assert result.is_displayed() and f"{total - 1}" in result.text and f"{total}" in result.text
    if code == "en":
        assert result.text == f"Finished: you picked the better reply {total - 1} times out of {total}."
        screenshot(desktop, "practice-finished")
    desktop.find_element(By.CSS_SELECTOR, ".practice-again").click()
    assert not desktop.find_element(By.CSS_SELECTOR, ".practice-result").is_displayed()
    assert not desktop.find_element(By.CSS_SELECTOR, ".question .answer").is_displayed()


def test_practice_shows_why_and_the_order_is_random(desktop):
    orders = set()
    for _ in range(12):
        desktop.get(url("en/practice.html"))
        orders.add(tuple(c.get_attribute("data-kind")
                         for c in desktop.find_elements(By.CSS_SELECTOR, ".question .choice")[:6]))
    assert len(orders) > 1, "the replies come in a new order on each visit"
    question = desktop.find_element(By.CSS_SELECTOR, ".question")
    good = question.find_element(By.CSS_SELECTOR, '.choice[data-kind="good"]')
    assert "Why it works" not in good.text, "the reason is not given away before the pick"
    button = good.find_element(By.CSS_SELECTOR, ".choice-button")
    button.send_keys(Keys.ENTER)
    assert desktop.switch_to.active_element.get_attribute("class").startswith("answer-verdict")
    answer = question.find_element(By.CSS_SELECTOR, ".answer")
    assert "Right: this is the better reply." in answer.text
    assert "Why it works" in answer.text and "Why it fails" in answer.text
    assert answer.find_element(By.CSS_SELECTOR, ".answer-source a").get_attribute("href").endswith(
        "team-mistakes/no-blame.html#blaming-a-colleague")


# ---- Print and PDF ----------------------------------------------------------

def test_print_page_holds_the_whole_handbook_in_order(desktop, site):
    desktop.get(site("en/index.html"))
    order = [a.get_attribute("href").rsplit("/en/", 1)[1] for a in
             desktop.find_elements(By.CSS_SELECTOR, ".nav-sections a")]
    desktop.find_element(By.LINK_TEXT, "Print the handbook").click()
    assert desktop.current_url.endswith("/en/print.html")
    sections = [s.get_attribute("id") + ".html" for s in
                desktop.find_elements(By.CSS_SELECTOR, ".booklet-part, .booklet-page")]
    assert sections == order
    assert len(sections) == len(list((OUTPUT / "en").rglob("*.html"))) - 3
    # Links between pages now lead inside the booklet.
    link = desktop.find_element(By.CSS_SELECTOR, '#team-mistakes\\/index a[href="#team-mistakes/no-blame"]')
    link.click()
    assert desktop.current_url.endswith("print.html#team-mistakes/no-blame")


def test_print_stylesheet_hides_navigation_shows_link_targets_and_starts_each_part_on_a_new_sheet(desktop):
    desktop.get(url("en/print.html"))
    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in (".site-header", ".sidebar", ".search", ".booklet-actions"):
            assert not desktop.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
        parts = desktop.find_elements(By.CSS_SELECTOR, ".booklet-part")
        assert len(parts) == 5
        assert all(desktop.execute_script("return getComputedStyle(arguments[0]).breakBefore", p) == "page" for p in parts)
        internal = desktop.find_element(By.CSS_SELECTOR, "a[data-target]")
        after = desktop.execute_script("return getComputedStyle(arguments[0], '::after').content", internal)
        assert internal.get_attribute("data-target") in after and "→" in after
        bad = desktop.find_element(By.CSS_SELECTOR, ".comparison .side-bad")
        good = desktop.find_element(By.CSS_SELECTOR, ".comparison .side-good")
        assert bad.location["y"] + bad.size["height"] <= good.location["y"], "sides stacked, don't first"
        assert bad.find_element(By.CSS_SELECTOR, ".side-label").text.lower() == "don't"
    finally:
        desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_external_links_print_their_address(desktop):
    """External links show their address on paper (checked on a page made for it)."""
    desktop.get(url("en/print.html"))
    desktop.execute_script("""
        const a = document.createElement('a'); a.href = 'https://example.com/x'; a.id = 'external-probe';
        a.textContent = 'x'; document.querySelector('.booklet-page').append(a);""")
    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        after = desktop.execute_script(
            "return getComputedStyle(document.getElementById('external-probe'), '::after').content")
        assert "https://example.com/x" in after
    finally:
        desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_handbook_pdf_prints_a_booklet_per_language(tmp_path):
    if not shutil.which("chromium"):
        pytest.skip("Chromium is not installed; 'handbook pdf' makes nothing without it")
    site_copy = tmp_path / "Output"
    shutil.copytree(OUTPUT, site_copy)
    result = subprocess.run([str(BINARY), "pdf", "--output", str(site_copy), "--language", "en", "pt"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for code in ("en", "pt"):
        pdf = site_copy / code / f"handbook-{code}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-"
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
            assert pages >= 15, "a sheet for the cover and each part, and the pages"
            assert "A4" in info
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            assert ("Don't blame a teammate" if code == "en" else "Não culpe um colega") in text
    assert not (site_copy / "de" / "handbook-de.pdf").exists()


def test_handbook_pdf_without_chromium_says_so_and_makes_nothing(tmp_path):
    site_copy = tmp_path / "Output"
    shutil.copytree(OUTPUT, site_copy)
    result = subprocess.run([str(BINARY), "pdf", "--output", str(site_copy)], capture_output=True, text=True,
                            env={"PATH": str(tmp_path)}, timeout=60)
    assert result.returncode == 0
    assert "Chromium was not found" in result.stderr
    assert not list(site_copy.rglob("*.pdf"))


# ---- Language switcher on the generated pages -------------------------------

def test_switcher_keeps_the_reader_on_practice_and_print(desktop, site):
    desktop.get(site("en/practice.html"))
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()  # the language menu
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=nl]").click()
    assert desktop.current_url.endswith("/nl/practice.html")
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Oefenen: welk antwoord is beter?"
    desktop.find_element(By.LINK_TEXT, "Handboek afdrukken").click()
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()  # the language menu
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=pt-BR]").click()
    assert desktop.current_url.endswith("/pt/print.html")
    assert desktop.find_element(By.CSS_SELECTOR, ".print-button").text == "Imprimir ou salvar como PDF"


# ---- Without JavaScript -----------------------------------------------------

def test_reading_works_without_javascript():
    driver = make_driver(1280, javascript=False)
    try:
        driver.get(url("en/team-mistakes/talk.html"))
        assert driver.find_element(By.TAG_NAME, "h1").text == "Talk in person or by phone"
        assert not driver.find_element(By.CSS_SELECTOR, ".search").is_displayed(), "no dead search box"
        assert driver.find_elements(By.CSS_SELECTOR, ".script .placeholder")
        assert not driver.find_elements(By.CSS_SELECTOR, ".copy-button")
        driver.find_element(By.LINK_TEXT, "Practice").click()
        question = driver.find_element(By.CSS_SELECTOR, ".question")
        assert not question.find_element(By.CSS_SELECTOR, ".choice-button").is_displayed()
        answer = question.find_element(By.CSS_SELECTOR, ".answer")
        answer.find_element(By.TAG_NAME, "summary").click()
        assert "Why it works" in answer.text
        driver.find_element(By.LINK_TEXT, "Print the handbook").click()
        assert driver.find_element(By.CSS_SELECTOR, ".booklet-part")
        screenshot(driver, "no-javascript-print")
    finally:
        driver.quit()


def test_pages_log_no_script_errors(desktop):
    desktop.get_log("browser")  # what earlier tests left in the shared browser's log
    for path in ("en/index.html", "en/team-mistakes/talk.html", "en/practice.html", "en/print.html", "de/404.html"):
        desktop.get(url(path))
        errors = [entry for entry in desktop.get_log("browser") if entry["level"] == "SEVERE"]
        assert errors == [], f"{path}: {errors}"

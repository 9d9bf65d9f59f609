"""The layout a reader meets first: the phone's first screen, the header, the
contents column that follows the reader, the not-found page at any depth,
the section kept across a language switch, and the colour scheme switch."""
import functools
import http.server
import shutil
import threading
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT, make_driver, screenshot, set_color_scheme, url

PHONE_PAGES = ["en/sincere-apology/if-and-but.html", "de/sincere-apology/empathy.html",
               "nl/team-mistakes/no-blame.html", "pt/own-mistakes/story.html"]


def top(driver, selector):
    return driver.execute_script(
        "var e = document.querySelector(arguments[0]); return e && e.getBoundingClientRect().top", selector)


# ---- The phone's first screen ------------------------------------------------

@pytest.mark.parametrize("path", PHONE_PAGES)
def test_on_a_phone_the_title_and_first_paragraph_come_first(phone, path):
    phone.get(url(path))
    assert top(phone, "h1") <= 150, "the page's title is within the first 150 px"
    first = phone.execute_script("var p = document.querySelector('.page-body > p').getBoundingClientRect(); return [p.top, p.bottom]")
    assert first[0] < 844 - 3 * 27, f"the first paragraph starts on the first screen (at {first[0]}px)"
    # Where the reader is stays in view with the menu closed.
    assert phone.find_element(By.CSS_SELECTOR, ".page-place").is_displayed()
    assert not phone.find_element(By.CSS_SELECTOR, ".sidebar-nav a[aria-current=page]").is_displayed()
    screenshot(phone, "layout-phone-" + path.split("/")[0])


def test_the_phone_header_is_one_row_of_44_pixel_targets(phone):
    phone.get(url("en/sincere-apology/listen.html"))
    header = phone.find_element(By.CSS_SELECTOR, ".site-header")
    assert header.size["height"] <= 64
    buttons = [b for b in phone.find_elements(By.CSS_SELECTOR, ".site-header .header-button") if b.is_displayed()]
    assert len(buttons) == 4, "menu, search, language, colour scheme"
    tops = {round(b.location["y"]) for b in buttons}
    assert max(tops) - min(tops) <= 2, "one row"
    for button in buttons:
        assert button.size["width"] >= 44 and button.size["height"] >= 44, button.get_attribute("class")


def test_the_phone_menu_opens_from_the_header_and_shows_the_step(phone):
    phone.get(url("en/sincere-apology/empathy.html"))
    assert "Step 3 of 5" in phone.find_element(By.CSS_SELECTOR, ".page-place").text
    button = phone.find_element(By.CSS_SELECTOR, ".menu-button")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    current = phone.find_element(By.CSS_SELECTOR, ".sidebar-nav a[aria-current=page]")
    assert current.is_displayed() and current.text.startswith("3")
    button.click()
    assert not current.is_displayed()


def test_the_phone_search_opens_from_its_button(phone):
    phone.get(url("en/index.html"))
    field = phone.find_element(By.CSS_SELECTOR, ".search-input")
    assert not field.is_displayed()
    phone.find_element(By.CSS_SELECTOR, ".search-button").click()
    assert field.is_displayed()
    field.send_keys("blame")
    assert phone.find_element(By.CSS_SELECTOR, ".search-results a").is_displayed()


def test_without_javascript_the_header_still_leads_to_the_menu_and_languages():
    driver = make_driver(390, 844, javascript=False)
    try:
        driver.get(url("en/team-mistakes/talk.html"))
        assert top(driver, "h1") <= 150
        # The menu follows the page; the header's menu link leads there.
        menu = driver.find_element(By.CSS_SELECTOR, ".menu-button")
        assert menu.get_attribute("href").endswith("#site-nav")
        assert top(driver, "#site-nav") > top(driver, ".page-body")
        driver.find_element(By.CSS_SELECTOR, ".switcher summary").click()
        driver.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=nl]").click()
        assert driver.current_url.endswith("/nl/team-mistakes/talk.html")
    finally:
        driver.quit()


# ---- Wide screens: the contents column -------------------------------------

def test_the_contents_column_stays_beside_the_text_and_marks_the_section(desktop):
    desktop.get(url("en/sincere-apology/if-and-but.html"))
    toc = desktop.find_element(By.CSS_SELECTOR, "nav.toc")
    article = desktop.find_element(By.CSS_SELECTOR, ".page-body")
    assert toc.location["x"] > article.location["x"] + article.size["width"], "to the right of the text"
    headings = desktop.find_elements(By.CSS_SELECTOR, ".page-body h2[id]")
    target = headings[1]  # the last ones cannot reach the top: at the bottom the last is marked
    desktop.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 40)", target)
    WebDriverWait(desktop, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".toc a[aria-current=true]")
        and d.find_element(By.CSS_SELECTOR, ".toc a[aria-current=true]").get_attribute("hash")[1:] == target.get_attribute("id"))
    rect = desktop.execute_script("return arguments[0].getBoundingClientRect().top", toc)
    assert 0 <= rect < 100, "the column followed the reader"
    assert len(desktop.find_elements(By.CSS_SELECTOR, ".toc a[aria-current]")) == 1
    screenshot(desktop, "layout-contents")


def test_prose_lines_hold_65_to_75_characters(desktop):
    for path in ["en/sincere-apology/listen.html", "de/team-mistakes/no-blame.html"]:
        desktop.get(url(path))
        # The paragraph's width over the width of an average character of its own text.
        per_line = desktop.execute_script("""
            var p = document.querySelector('.page-body > p'), probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            var text = p.textContent;
            probe.textContent = text;
            p.append(probe);
            var average = probe.getBoundingClientRect().width / text.length;
            probe.remove();
            return p.clientWidth / average;""")
        assert 65 <= per_line <= 75, f"{path}: {per_line:.0f} characters a line"


def test_headings_hyphenate_in_the_page_language(desktop):
    desktop.get(url("de/sincere-apology/empathy.html"))
    assert desktop.execute_script("return getComputedStyle(document.querySelector('h1')).hyphens") == "auto"
    assert desktop.execute_script("return document.documentElement.lang") == "de"


def test_the_reason_looks_like_a_note_not_like_the_reply(desktop):
    desktop.get(url("en/sincere-apology/if-and-but.html"))
    reply, reason = desktop.execute_script("""
        var side = document.querySelector('.side-bad'), ps = side.querySelectorAll(':scope > p');
        function look(e) { var s = getComputedStyle(e); return [s.fontSize, s.color, s.borderLeftWidth, s.borderTopStyle]; }
        return [look(ps[1]), look(ps[ps.length - 1])];""")
    assert reply != reason
    assert reason[3] == "dashed" and reply[2] != "0px"


# ---- The language switch keeps the section ----------------------------------

def test_switching_language_keeps_the_section(desktop):
    desktop.get(url("en/sincere-apology/listen.html") + "#how-to-listen-well")
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=de]").click()
    assert desktop.current_url.split("#")[0].endswith("/de/sincere-apology/listen.html")
    anchor = desktop.execute_script("return decodeURIComponent(location.hash.slice(1))")
    assert anchor == "so-hören-sie-richtig-zu"
    assert desktop.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", anchor) < 200


def test_the_section_read_is_kept_without_an_anchor_in_the_address(desktop):
    desktop.get(url("de/sincere-apology/listen.html"))
    heading = desktop.find_elements(By.CSS_SELECTOR, ".page-body h2[id]")[1]
    desktop.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 40)", heading)
    WebDriverWait(desktop, 5).until(lambda d: "#" in d.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=nl]").get_attribute("href"))
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=nl]").click()
    anchor = desktop.execute_script("return decodeURIComponent(location.hash.slice(1))")
    assert desktop.execute_script("return !!document.getElementById(arguments[0])", anchor)


# ---- The colour scheme -----------------------------------------------------

def test_the_colour_scheme_switch_is_remembered(desktop):
    desktop.get(url("en/index.html"))
    desktop.execute_script("localStorage.removeItem('handbook.theme')")
    set_color_scheme(desktop, "light")
    desktop.refresh()
    switch = desktop.find_element(By.CSS_SELECTOR, ".theme-switch")
    background = lambda: desktop.execute_script("return getComputedStyle(document.body).backgroundColor")
    light = background()
    switch.click()  # system → light
    assert desktop.execute_script("return document.documentElement.dataset.theme") == "light"
    switch.click()  # light → dark
    assert background() != light
    assert "Dark" in switch.get_attribute("title")
    desktop.get(url("en/team-mistakes/index.html"))
    # Applied by the page's <head> before the stylesheet: no flash of the light scheme.
    assert desktop.execute_script("return document.documentElement.dataset.theme") == "dark"
    assert background() != light
    screenshot(desktop, "layout-dark-by-choice")
    desktop.find_element(By.CSS_SELECTOR, ".theme-switch").click()  # dark → the system's again
    assert desktop.execute_script("return localStorage.getItem('handbook.theme')") is None
    assert background() == light
    set_color_scheme(desktop, "light")


# ---- Not-found pages at any depth --------------------------------------------

def styled_and_linked(driver, home):
    """The stylesheet applies and the start-page link leads where it should."""
    assert driver.execute_script("return getComputedStyle(document.querySelector('.site-header')).display") == "flex"
    link = driver.find_element(By.CSS_SELECTOR, "article.not-found a")
    assert link.get_attribute("href") == home


def test_a_language_404_works_at_a_deep_path_over_http(server, desktop):
    desktop.get(server + "de/a/b/c/missing.html")
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Seite nicht gefunden"
    styled_and_linked(desktop, server + "de/index.html")
    desktop.find_element(By.CSS_SELECTOR, "article.not-found a").click()
    assert desktop.current_url == server + "de/index.html"


@pytest.fixture(scope="module")
def copied_site(tmp_path_factory):
    """The built site under a sub-path, with 404 pages copied to deep paths as a host would serve them."""
    root = tmp_path_factory.mktemp("host")
    site = root / "teams" / "handbook"
    shutil.copytree(OUTPUT, site)
    deep = site / "en" / "old" / "gone"
    deep.mkdir(parents=True)
    shutil.copy(site / "en" / "404.html", deep / "page.html")
    return root


def test_a_404_at_a_deep_path_works_from_plain_files(copied_site, desktop):
    page = copied_site / "teams" / "handbook" / "en" / "old" / "gone" / "page.html"
    desktop.get(page.as_uri())
    styled_and_linked(desktop, (copied_site / "teams" / "handbook" / "en" / "index.html").as_uri())


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: a missing address gets the root's 404.html."""
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.server.site_root / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def static_host(copied_site):
    site = copied_site / "teams" / "handbook"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StaticHost, directory=str(site)))
    server.site_root = site
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("missing", ["gone.html", "en/old/section/page.html", "a/b/c/d/"])
def test_the_root_404_offers_every_language_and_search_at_any_depth(static_host, desktop, missing):
    desktop.get(static_host + missing)
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Page not found"
    assert desktop.execute_script("return getComputedStyle(document.querySelector('.site-header')).display") == "flex"
    links = {a.get_attribute("hreflang"): a.get_attribute("href")
             for a in desktop.find_elements(By.CSS_SELECTOR, ".language-list a")}
    assert links == {code: static_host + folder + "/index.html"
                     for code, folder in [("en", "en"), ("de", "de"), ("nl", "nl"), ("pt-BR", "pt")]}
    field = desktop.find_element(By.CSS_SELECTOR, "article .search-input")
    field.send_keys("blame")
    result = desktop.find_element(By.CSS_SELECTOR, "article .search-results a")
    assert result.get_attribute("href").startswith(static_host + "en/")
    screenshot(desktop, "layout-root-404")

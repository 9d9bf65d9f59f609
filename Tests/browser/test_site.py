"""The generated handbook, used as a reader would: from disk (file://), in headless Chromium."""
import pytest
from selenium.webdriver.common.by import By

from conftest import make_driver, screenshot, url

PAGE_KINDS = {
    "home": "en/index.html",
    "section": "en/team-mistakes/index.html",
    "page": "en/team-mistakes/solution.html",
    "scripts": "de/team-mistakes/talk.html",
    "checklist": "pt/checklist/index.html",
    "practice": "en/practice.html",
    "print": "nl/print.html",
    "not-found": "nl/404.html",
    "chooser": "index.html",
}


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_every_page_kind_fits_the_screen(kind, device, request):
    driver = request.getfixturevalue(device)
    driver.get(url(PAGE_KINDS[kind]))
    if kind == "chooser":
        # The chooser redirects to the reader's language; the test browser speaks English.
        assert driver.current_url.endswith("/en/index.html")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px"
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()
    screenshot(driver, f"{kind}")


@pytest.mark.parametrize("width", [320, 1920])
def test_layout_holds_from_320_to_1920_pixels(width):
    driver = make_driver(width, 900)
    try:
        overflows = {}
        for kind, path in PAGE_KINDS.items():
            driver.get(url(path))
            overflows[kind] = driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert {kind: px for kind, px in overflows.items() if px > 0} == {}, f"sideways scrolling at {width}px"
    finally:
        driver.quit()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_search_results_fit_the_screen(device, request):
    driver = request.getfixturevalue(device)
    driver.get(url("pt/sincere-apology/index.html"))
    button = driver.find_element(By.CSS_SELECTOR, ".search-button")
    if button.is_displayed():  # phones open the field from the header
        button.click()
    field = driver.find_element(By.CSS_SELECTOR, ".search-input")
    field.send_keys("nao")
    driver.find_element(By.CSS_SELECTOR, ".search-results a")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    screenshot(driver, "search")
    field.clear()


@pytest.mark.parametrize("code,locale", [("en", "en"), ("de", "de"), ("nl", "nl"), ("pt", "pt-BR")])
def test_each_language_declares_its_locale(desktop, code, locale):
    desktop.get(url(f"{code}/sincere-apology/empathy.html"))
    assert desktop.find_element(By.TAG_NAME, "html").get_attribute("lang") == locale
    hreflangs = {link.get_attribute("hreflang")
                 for link in desktop.find_elements(By.CSS_SELECTOR, "link[rel=alternate]")}
    assert hreflangs == {"en", "de", "nl", "pt-BR", "x-default"}


def test_switcher_leads_to_the_same_page_in_another_language(desktop):
    desktop.get(url("en/team-mistakes/solution.html"))
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()  # the language menu
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=de]").click()
    assert desktop.current_url.endswith("/de/team-mistakes/solution.html")
    assert desktop.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()  # the language menu
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=pt-BR]").click()
    assert desktop.current_url.endswith("/pt/team-mistakes/solution.html")


def test_sidebar_marks_the_current_page_and_pager_walks_the_order(desktop):
    desktop.get(url("en/sincere-apology/listen.html"))
    current = desktop.find_element(By.CSS_SELECTOR, ".sidebar a[aria-current=page]")
    # The reading progress may mark the page read (its end is in view): that mark is not the step's text.
    words = desktop.execute_script("var copy = arguments[0].cloneNode(true); copy.querySelectorAll('.nav-read').forEach(function (m) { m.remove(); });"
                                   " return Array.prototype.map.call(copy.childNodes, function (n) { return n.textContent.trim(); }).filter(Boolean);", current)
    assert words == ["1", desktop.find_element(By.TAG_NAME, "h1").text], "step 1 of Part B"
    desktop.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    assert desktop.current_url.endswith("/en/sincere-apology/responsibility.html")
    desktop.find_element(By.CSS_SELECTOR, "a[rel=prev]").click()
    assert desktop.current_url.endswith("/en/sincere-apology/listen.html")


def test_on_this_page_links_jump_to_their_headings(desktop):
    desktop.get(url("en/team-mistakes/solution.html"))
    links = desktop.find_elements(By.CSS_SELECTOR, ".toc a")
    assert len(links) >= 2
    for link in links:
        target = link.get_attribute("href").split("#", 1)[1]
        assert desktop.find_element(By.ID, target).tag_name in ("h2", "h3")


def test_comparisons_stand_side_by_side_on_wide_screens_and_stack_on_phones(desktop, phone):
    for driver, side_by_side in ((desktop, True), (phone, False)):
        driver.get(url("en/team-mistakes/no-blame.html"))
        bad = driver.find_element(By.CSS_SELECTOR, ".comparison .side-bad")
        good = driver.find_element(By.CSS_SELECTOR, ".comparison .side-good")
        assert bad.find_element(By.CSS_SELECTOR, ".side-label").text.lower() == "don't"
        assert good.find_element(By.CSS_SELECTOR, ".side-label").text.lower() == "do"
        if side_by_side:
            assert bad.location["y"] == good.location["y"] and bad.location["x"] < good.location["x"]
        else:
            assert bad.location["y"] + bad.size["height"] <= good.location["y"], "don't comes first"


def test_script_placeholders_are_marked_and_visible(desktop):
    desktop.get(url("nl/team-mistakes/talk.html"))
    placeholders = desktop.find_elements(By.CSS_SELECTOR, ".script .placeholder")
    assert "[Naam van de klant]" in [p.text for p in placeholders]
    background = placeholders[0].value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_missing_page_shows_the_not_found_page_in_the_language(desktop):
    desktop.get(url("de/404.html"))
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Seite nicht gefunden"
    desktop.find_element(By.LINK_TEXT, "Zur Startseite").click()
    assert desktop.current_url.endswith("/de/index.html")


def test_the_start_page_follows_the_browser_language():
    driver = make_driver(1280, language="nl-NL")
    try:
        driver.get(url("index.html"))
        assert driver.current_url.endswith("/nl/index.html")
    finally:
        driver.quit()


def test_phone_menu_starts_folded_and_opens(phone):
    phone.get(url("en/team-mistakes/index.html"))
    toggle = phone.find_element(By.CSS_SELECTOR, ".sidebar-toggle")
    assert toggle.get_attribute("open") is None
    phone.find_element(By.CSS_SELECTOR, ".menu-button").click()  # in the header
    assert toggle.get_attribute("open") is not None
    assert phone.find_element(By.CSS_SELECTOR, ".sidebar a[aria-current=page]").is_displayed()

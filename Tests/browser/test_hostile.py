"""Hostile content in a real browser: a handbook whose titles, descriptions,
comparison and script titles, interface strings, links and file names all try
to run script is built with the handbook binary, then every page is opened in
headless Chromium. No dialog may open, and the hostile text must show as text.

A control test builds the same kind of page with raw HTML allowed, to prove the
check would see the dialog if one opened.
"""
import os
import pathlib
import subprocess
import time

import pytest
from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException
from selenium.webdriver.common.by import By

from conftest import ROOT, make_driver

PAYLOAD = "<img src=x onerror=alert(1)>"
BINARY = os.environ.get("HANDBOOK_BINARY", str(ROOT / ".build" / "debug" / "handbook"))

CONFIG = f"""languages:
  - code: en
    name: '{PAYLOAD} English'
    title: '{PAYLOAD} Handbook'
    strings:
      not_found_title: '{PAYLOAD} Not found'
      next: '{PAYLOAD} Next'
  - code: de
    title: Handbuch
"""

PAGES = {
    "en/index.md": f"""---
title: '{PAYLOAD} Home'
description: '"><script>alert(1)</script>'
---

See [the guide](guide/index.md), [this](javascript:alert(1)), [that](JaVaScRiPt:alert(1)),
[encoded](&#106;avascript:alert(1)) and <javascript:alert(1)>.
""",
    "en/guide/index.md": f"""---
title: '{PAYLOAD} Guide'
order: 1
---

## \\{PAYLOAD} Heading

## Second

:::compare {PAYLOAD} Comparison
:::bad
x
:::good
y
:::

:::script {PAYLOAD} Script
Hi [\\<b onmouseover=alert(1)>]
:::
""",
    f"en/guide/{PAYLOAD}.md": f"""---
title: 'Named {PAYLOAD}'
order: 2
description: 'x"\u0301 autofocus onfocus=alert(1) x="'
---

Text.
""",
    "de/index.md": "---\ntitle: Start\n---\n",
}


def build(root: pathlib.Path, config: str, pages: dict) -> pathlib.Path:
    content = root / "Content"
    for path, text in {"handbook.yml": config, **pages}.items():
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    output = root / "Output"
    result = subprocess.run([BINARY, "build", "--content", str(content), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("hostile"), CONFIG, PAGES)


@pytest.fixture(scope="module")
def browser():
    driver = make_driver(1280)
    yield driver
    driver.quit()


def dialog_text(driver, wait=0.6):
    """The text of an open dialog, or None; waits a moment for late handlers (onerror)."""
    deadline = time.time() + wait
    while True:
        try:
            alert = driver.switch_to.alert
            text = alert.text
            alert.accept()
            return text
        except NoAlertPresentException:
            if time.time() > deadline:
                return None
            time.sleep(0.1)


def visit(driver, path: pathlib.Path):
    try:
        driver.get(path.as_uri())
        return dialog_text(driver)
    except UnexpectedAlertPresentException as error:
        return error.alert_text or "(dialog)"


def html_pages(site):
    return sorted(p for p in site.rglob("*.html"))


def test_no_page_opens_a_dialog(site, browser):
    pages = html_pages(site)
    assert len(pages) == 14  # the pages, each language's 404, practice and print pages, the language chooser, the root 404
    for page in pages:
        assert visit(browser, page) is None, f"{page.relative_to(site)} opened a dialog"
        # No element carries an event handler, and no link runs script.
        handlers = browser.execute_script("""
            const found = [];
            for (const element of document.querySelectorAll('*')) {
              for (const attribute of element.attributes) {
                if (attribute.name.startsWith('on')) found.push(element.tagName + ' ' + attribute.name);
              }
            }
            for (const link of document.querySelectorAll('[href], [src]')) {
              const address = (link.getAttribute('href') || link.getAttribute('src') || '').trim().toLowerCase();
              if (address.startsWith('javascript:') || address.startsWith('vbscript:')) found.push(link.outerHTML);
            }
            return found;""")
        assert handlers == [], f"{page.relative_to(site)}: {handlers}"


def test_hostile_text_shows_literally(site, browser):
    browser.get((site / "en/guide/index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == f"{PAYLOAD} Guide"
    assert browser.title == f"{PAYLOAD} Guide · {PAYLOAD} Handbook"
    # The reading progress may mark the page read (its end is in view); the title is the link's own text.
    link = browser.find_element(By.CSS_SELECTOR, ".sidebar a[aria-current=page]")
    assert browser.execute_script(
        "var copy = arguments[0].cloneNode(true); copy.querySelectorAll('.nav-read').forEach(function (m) { m.remove(); });"
        " return copy.textContent.trim();", link) == f"{PAYLOAD} Guide"
    # The language menu is folded: its links are read as text, not as shown.
    assert browser.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=en]").get_attribute("textContent").strip() == f"{PAYLOAD} English"
    assert browser.find_element(By.CSS_SELECTOR, ".toc a").text == f"{PAYLOAD} Heading"
    assert browser.find_element(By.CSS_SELECTOR, ".comparison figcaption").text == f"{PAYLOAD} Comparison"
    caption = browser.find_element(By.CSS_SELECTOR, ".script figcaption").get_attribute("textContent")
    assert caption == f"Script {PAYLOAD} Script"  # the label is upper case on screen (CSS)
    assert browser.find_element(By.CSS_SELECTOR, ".placeholder").text == "[<b onmouseover=alert(1)>]"
    assert browser.find_element(By.CSS_SELECTOR, ".pager-next .pager-title").text == f"Named {PAYLOAD}"
    assert browser.find_element(By.CSS_SELECTOR, ".pager-next .pager-label").text == f"{PAYLOAD} Next"
    assert browser.find_elements(By.CSS_SELECTOR, "article img") == []


def test_description_stays_inside_its_attribute(site, browser):
    browser.get((site / "en/index.html").as_uri())
    meta = browser.find_element(By.CSS_SELECTOR, "meta[name=description]")
    names = browser.execute_script("return Array.from(arguments[0].attributes).map(a => a.name)", meta)
    assert names == ["name", "content"]
    assert meta.get_attribute("content") == '"><script>alert(1)</script>'
    assert browser.find_element(By.CSS_SELECTOR, "p.lead").text == '"><script>alert(1)</script>'
    # A quote fused with a combining mark does not close the attribute either.
    browser.get((site / "en/guide" / f"{PAYLOAD}.html").as_uri())
    meta = browser.find_element(By.CSS_SELECTOR, "meta[name=description]")
    names = browser.execute_script("return Array.from(arguments[0].attributes).map(a => a.name)", meta)
    assert names == ["name", "content"]
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Named {PAYLOAD}"


def test_script_links_do_not_survive_a_click(site, browser):
    browser.get((site / "en/index.html").as_uri())
    for text in ("this", "that", "encoded"):
        link = browser.find_element(By.LINK_TEXT, text)
        assert (link.get_attribute("href") or "").lower().find("javascript") == -1
        link.click()
        assert dialog_text(browser) is None
        browser.get((site / "en/index.html").as_uri())


def test_not_found_page_and_chooser_show_text(site, browser):
    assert visit(browser, site / "en/404.html") is None
    assert browser.find_element(By.TAG_NAME, "h1").text == f"{PAYLOAD} Not found"
    assert visit(browser, site / "index.html") is None  # redirects to en/index.html
    assert browser.find_element(By.TAG_NAME, "h1").text == f"{PAYLOAD} Home"


def test_sitemap_is_well_formed_with_an_escaped_file_name(site):
    import xml.etree.ElementTree as ElementTree
    tree = ElementTree.parse(site / "sitemap.xml")
    locations = [element.text for element in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "en/guide/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.html" in locations


def test_control_the_check_sees_a_dialog_when_one_opens(tmp_path, browser):
    """With raw HTML allowed on purpose, the same payload in the body does run:
    proof that the checks above would notice."""
    output = build(tmp_path, "languages:\n  - code: en\n    title: Control\nraw_html: true\n",
                   {"en/index.md": f"---\ntitle: Control\n---\n\n{PAYLOAD}\n"})
    assert visit(browser, output / "en/index.html", ) == "1"

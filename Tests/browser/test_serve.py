"""`handbook serve` in a real browser: live reload after an edit, and the
error overlay after a broken edit, gone again once the file is fixed."""
import os
import pathlib
import re
import shutil
import subprocess
import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = ROOT / os.environ.get("HANDBOOK_BINARY", ".build/debug/handbook")


def reloading(browser):
    """A wait across live reloads: an element found just before the page
    reloads is stale a moment later, which means "look again", not a failure.
    Chromium sometimes says so as an inspector error ("Node with given id does
    not belong to the document") rather than as a stale element; that too."""
    return WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


@pytest.fixture()
def served(tmp_path):
    content = tmp_path / "Content"
    shutil.copytree(ROOT / "Content", content)
    process = subprocess.Popen([str(BINARY), "serve", "--content", str(content), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    address = None
    deadline = time.time() + 60
    while time.time() < deadline and address is None:
        line = process.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        if match:
            address = match.group(1)
    assert address, "serve did not print its address"
    yield address, content
    process.send_signal(2)  # Ctrl-C
    assert process.wait(timeout=10) == 0, "Ctrl-C stops the server cleanly"


def test_edit_reloads_and_errors_show_until_fixed(served, desktop):
    address, content = served
    page = content / "en" / "sincere-apology" / "listen.md"
    original = page.read_text(encoding="utf-8")
    desktop.get(address + "en/sincere-apology/listen.html")
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Listen"
    time.sleep(0.3)  # let the page's live-reload socket connect

    page.write_text(original.replace("title: Listen", "title: Listen first"), encoding="utf-8")
    reloading(desktop).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Listen first")

    page.write_text(original + "\n:::compare Never closed\n", encoding="utf-8")
    overlay = reloading(desktop).until(lambda d: d.find_element(By.ID, "handbook-build-error"))
    assert re.search(r"listen\.md:\d+:1: error: ':::compare Never closed' is never closed", overlay.text)
    assert desktop.find_element(By.TAG_NAME, "h1").text == "Listen first", "the last good version stays"

    page.write_text(original, encoding="utf-8")
    reloading(desktop).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Listen")
    assert not desktop.find_elements(By.ID, "handbook-build-error")


def test_warnings_of_a_build_that_worked_are_folded_in_a_corner(served, desktop):
    address, content = served
    page = content / "en" / "sincere-apology" / "listen.md"
    original = page.read_text(encoding="utf-8")
    desktop.get(address + "en/sincere-apology/listen.html")
    time.sleep(0.3)  # let the page's live-reload socket connect
    assert not desktop.find_elements(By.ID, "handbook-build-warnings"), "the shipped handbook builds without warnings"

    page.write_text(original + "\nSee {{ site.title }} and <span>this</span>.\n", encoding="utf-8")
    notes = reloading(desktop).until(lambda d: d.find_element(By.ID, "handbook-build-warnings"))
    assert notes.find_element(By.TAG_NAME, "summary").text == "2 warnings in this build"
    assert not desktop.find_elements(By.ID, "handbook-build-error"), "warnings are not an error"
    notes.find_element(By.TAG_NAME, "summary").click()
    text = notes.find_element(By.TAG_NAME, "pre").text
    assert re.search(r"listen\.md:\d+:5: warning: template variable '\{\{ site\.title \}\}' is shown as text", text)
    assert "raw HTML '<span>' dropped" in text

    page.write_text(original, encoding="utf-8")
    reloading(desktop).until(lambda d: not d.find_elements(By.ID, "handbook-build-warnings"))


def test_served_pages_match_the_built_site_apart_from_the_reload_script(served, desktop):
    address, _ = served
    desktop.get(address)
    assert desktop.current_url.endswith("/en/index.html")
    desktop.find_element(By.CSS_SELECTOR, ".switcher summary").click()  # the language menu
    desktop.find_element(By.CSS_SELECTOR, ".switcher a[hreflang=nl]").click()
    assert desktop.current_url == address + "nl/index.html"
    scripts = [s.get_attribute("src") for s in desktop.find_elements(By.TAG_NAME, "script") if s.get_attribute("src")]
    assert address + "__handbook/live.js" in scripts
    published = ROOT / "Output"
    assert not [p for p in published.rglob("*.html") if "__handbook" in p.read_text(encoding="utf-8")], \
        "the reload script is never written into Output/"

"""Reading progress on the plain site, from file:// and from `handbook serve`:
a page is read when its end comes into view or by its button, the sidebar
marks it in words, the home page counts per part and says where to continue,
one control resets it; nothing of it without JavaScript."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver, screenshot


@pytest.fixture(autouse=True)
def forget_progress(desktop, site):
    """The other suites share this browser and its storage: leave no page marked read."""
    yield
    for path in ("en/index.html",):
        desktop.get(site(path))
        desktop.execute_script("localStorage.removeItem('handbook.read')")


def clear(driver, site):
    driver.get(site("en/index.html"))
    driver.execute_script("localStorage.removeItem('handbook.read')")


def read_marks(driver):
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#site-nav .nav-read'), function (m) {"
        " return [m.parentNode.getAttribute('href'), m.textContent]; })")


def test_a_page_is_read_when_its_end_is_reached_and_the_sidebar_says_so(desktop, site):
    clear(desktop, site)
    desktop.get(site("en/team-mistakes/solution.html"))
    button = desktop.find_element(By.CSS_SELECTOR, ".reading-tools .reading-mark")
    assert button.get_attribute("aria-pressed") == "false", "a long page is not read on opening"
    assert read_marks(desktop) == []
    desktop.execute_script("arguments[0].scrollIntoView()", button)
    WebDriverWait(desktop, 5).until(lambda d: button.get_attribute("aria-pressed") == "true")
    status = desktop.find_element(By.CSS_SELECTOR, ".reading-status")
    assert status.get_attribute("role") == "status" and status.text == "This page is marked as read."
    assert read_marks(desktop) == [["solution.html", "\u2713, read"]], "a mark with words, not colour alone"
    # Kept for the next page.
    desktop.get(site("en/team-mistakes/talk.html"))
    assert ["solution.html", "\u2713, read"] in read_marks(desktop)


def test_the_button_marks_and_unmarks_from_the_keyboard(desktop, site):
    clear(desktop, site)
    desktop.get(site("en/team-mistakes/email.html"))
    button = desktop.find_element(By.CSS_SELECTOR, ".reading-mark")
    assert button.get_attribute("aria-pressed") == "false"
    desktop.execute_script("arguments[0].focus({preventScroll: true})", button)
    button.send_keys(Keys.SPACE)
    WebDriverWait(desktop, 5).until(lambda d: button.get_attribute("aria-pressed") == "true")
    assert ["email.html", "\u2713, read"] in read_marks(desktop)
    button.send_keys(Keys.ENTER)
    WebDriverWait(desktop, 5).until(lambda d: button.get_attribute("aria-pressed") == "false")
    assert desktop.find_element(By.CSS_SELECTOR, ".reading-status").text == "This page is no longer marked as read."
    assert read_marks(desktop) == []


def test_the_home_page_counts_per_part_says_where_to_continue_and_resets(desktop, site):
    clear(desktop, site)
    for page in ("team-mistakes/index.html", "team-mistakes/no-blame.html"):
        desktop.get(site("en/" + page))
        button = desktop.find_element(By.CSS_SELECTOR, ".reading-mark")
        desktop.execute_script("arguments[0].scrollIntoView()", button)
        WebDriverWait(desktop, 5).until(lambda d: button.get_attribute("aria-pressed") == "true")
    desktop.get(site("en/index.html"))
    block = desktop.find_element(By.CSS_SELECTOR, ".reading-progress")
    assert block.is_displayed()
    listed = desktop.execute_script("return JSON.parse(document.querySelector('.reading-progress').getAttribute('data-pages'))")
    total = len(listed)
    in_part = [len([page for page in listed if page[2] == part]) for part in range(2)]
    read = desktop.execute_script("return JSON.parse(localStorage.getItem('handbook.read'))")
    assert set(read) >= {"en/team-mistakes/index.html", "en/team-mistakes/no-blame.html"}
    count = len([key for key in read if key.startswith("en/")])
    assert desktop.find_element(By.CSS_SELECTOR, ".reading-count").text == f"{count} of {total} pages read"
    parts = [item.text for item in desktop.find_elements(By.CSS_SELECTOR, ".start-parts .start-part-read")]
    assert parts[0] == f"2 of {in_part[0]} read" and parts[1] == f"0 of {in_part[1]} read", parts
    follow = desktop.find_element(By.CSS_SELECTOR, ".reading-continue")
    assert follow.text == "Continue with Acknowledge the problem directly"
    assert follow.get_attribute("href").endswith("/en/team-mistakes/acknowledge.html")
    screenshot(desktop, "progress-home")
    desktop.find_element(By.CSS_SELECTOR, ".reading-reset").send_keys(Keys.ENTER)
    status = desktop.find_element(By.CSS_SELECTOR, ".reading-reset-status")
    WebDriverWait(desktop, 5).until(lambda d: status.text == "Reading progress reset: no page is marked as read.")
    assert status.get_attribute("role") == "status"
    assert desktop.find_element(By.CSS_SELECTOR, ".reading-count").text.startswith("0 of ") or \
        desktop.find_element(By.CSS_SELECTOR, ".reading-count").text.startswith("1 of "), "the home page may count itself again"
    assert not any(key.startswith("en/team-mistakes") for key in desktop.execute_script("return JSON.parse(localStorage.getItem('handbook.read'))"))


def test_the_strings_follow_the_language(desktop, site):
    desktop.get(site("de/index.html"))
    assert desktop.find_element(By.CSS_SELECTOR, ".reading-reset").text == "Lesefortschritt zurücksetzen"
    assert desktop.find_element(By.CSS_SELECTOR, ".reading-count").text.endswith(" Seiten gelesen")


def test_without_javascript_there_is_no_reading_progress():
    driver = make_driver(1280, javascript=False)
    try:
        from conftest import url
        driver.get(url("en/index.html"))
        assert not driver.find_element(By.CSS_SELECTOR, ".reading-progress").is_displayed()
        assert driver.find_elements(By.CSS_SELECTOR, ".reading-tools, .nav-read, .start-part-read") == []
        driver.get(url("en/team-mistakes/solution.html"))
        assert driver.find_elements(By.CSS_SELECTOR, ".reading-tools") == []
    finally:
        driver.quit()


def test_screenshot_of_a_page_read(desktop, site):
    clear(desktop, site)
    desktop.get(site("en/sincere-apology/listen.html"))
    button = desktop.find_element(By.CSS_SELECTOR, ".reading-mark")
    desktop.execute_script("arguments[0].scrollIntoView()", button)
    WebDriverWait(desktop, 5).until(lambda d: button.get_attribute("aria-pressed") == "true")
    screenshot(desktop, "progress-page")

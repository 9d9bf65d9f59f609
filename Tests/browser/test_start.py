"""A way through for new hires: the home page's start (where to begin, how
long it takes, read → practise → print), the reading path that ends in the
practice, and the practice's progress, review and retry, at 390 and 1280 px."""
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import OUTPUT, make_driver, screenshot, set_color_scheme, url

LANGUAGES = ["en", "de", "nl", "pt"]
# The start block's summary line in each language: pages, then the rounded time.
SUMMARY = {
    "en": r"^(\d+) pages, about (\d+) minutes of reading$",
    "de": r"^(\d+) Seiten, etwa (\d+) Minuten Lesezeit$",
    "nl": r"^(\d+) pagina's, ongeveer (\d+) minuten leestijd$",
    "pt": r"^(\d+) páginas, cerca de (\d+) minutos de leitura$",
}
MINUTES = {"en": r"about (\d+) minutes|about a minute", "de": r"etwa (\d+) Minuten|etwa eine Minute",
           "nl": r"ongeveer (\d+) minuten|ongeveer een minuut", "pt": r"cerca de (\d+) minutos|cerca de um minuto"}
PROGRESS = {"en": "{} of {} answered", "de": "{} von {} beantwortet", "nl": "{} van {} beantwoord", "pt": "{} de {} respondidas"}


@pytest.fixture(params=[390, 1280], ids=["390", "1280"])
def reader(request, phone, desktop):
    driver = phone if request.param == 390 else desktop
    driver.execute_script("try { localStorage.clear(); } catch (e) {}")
    return driver


def rect(driver, element):
    return driver.execute_script("var r = arguments[0].getBoundingClientRect(); return {top: r.top, bottom: r.bottom}", element)


def minutes(code, text):
    match = re.fullmatch(MINUTES[code], text)
    assert match, f"{text!r} is a reading time in {code}"
    return int(match.group(1) or 1)


# ---- The home page's start -----------------------------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_every_home_page_starts_the_reader(reader, code):
    reader.get(url(f"{code}/index.html"))
    height = reader.execute_script("return innerHeight")
    button = reader.find_element(By.CSS_SELECTOR, ".home-start .start-button")
    assert button.is_displayed() and rect(reader, button)["bottom"] <= height, "the start is on the first screen"
    # It leads to the first page after the home page in reading order: the sidebar's first part.
    first = reader.find_elements(By.CSS_SELECTOR, ".nav-sections > li > a")[1].get_attribute("href")
    assert button.get_attribute("href") == first

    summary = reader.find_element(By.CSS_SELECTOR, ".home-start-time").text
    match = re.fullmatch(SUMMARY[code], summary)
    assert match, summary
    pages, total = int(match.group(1)), int(match.group(2))
    assert pages == len([p for p in (OUTPUT / code).rglob("*.html")
                         if p.name not in ("404.html", "practice.html", "print.html")])
    assert total >= 10 and total % 5 == 0, "a long read is rounded to 5 minutes"
    parts = reader.find_elements(By.CSS_SELECTOR, ".start-parts > li")
    sections = reader.find_elements(By.CSS_SELECTOR, ".nav-sections > li > a")[1:]  # after the home page
    assert [p.find_element(By.TAG_NAME, "a").get_attribute("href") for p in parts] == \
        [s.get_attribute("href") for s in sections], "one line per part, in reading order"
    times = [minutes(code, p.find_element(By.CSS_SELECTOR, ".start-part-time").text) for p in parts]
    # Rounded parts add up to about the rounded total (the home page's own minutes are in the total only).
    assert abs(sum(times) - total) <= 2.5 + len(times) * 2.5, (times, total)

    title = button.find_element(By.CSS_SELECTOR, ".start-button-title").text
    button.click()
    assert reader.current_url == first
    assert reader.find_element(By.TAG_NAME, "h1").text == title


def test_the_reading_times_follow_each_language_rate(desktop):
    """Translations hold about as many words, read at different rates: German reads longest."""
    totals = {}
    for code in LANGUAGES:
        desktop.get(url(f"{code}/index.html"))
        totals[code] = int(re.fullmatch(SUMMARY[code], desktop.find_element(By.CSS_SELECTOR, ".home-start-time").text).group(2))
    assert totals["en"] < totals["de"], totals
    assert 40 <= totals["en"] <= 50, "about 9,000 words at 200 wpm (23 pages)"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_path_leads_to_the_practice_and_the_checklist(reader, code):
    reader.get(url(f"{code}/index.html"))
    steps = reader.find_elements(By.CSS_SELECTOR, ".start-path > .start-step")
    assert len(steps) == 3, "read, practise, print"
    reader.find_element(By.CSS_SELECTOR, ".start-practise a").click()
    assert reader.current_url.endswith(f"/{code}/practice.html")
    assert reader.find_elements(By.CSS_SELECTOR, ".question")
    reader.back()
    checklist, booklet = reader.find_elements(By.CSS_SELECTOR, ".start-print a")
    assert booklet.get_attribute("href").endswith(f"/{code}/print.html")
    checklist.click()
    assert reader.current_url.endswith(f"/{code}/checklist/index.html"), "the page with the task list"
    assert reader.find_element(By.CSS_SELECTOR, ".checklist-print").is_displayed()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_reading_path_ends_in_the_practice_which_leads_to_print(desktop, code):
    # The last page read is the role-play cards, after the checklist.
    desktop.get(url(f"{code}/checklist/role-play.html"))
    desktop.find_element(By.CSS_SELECTOR, ".pager a[rel=next]").click()
    assert desktop.current_url.endswith(f"/{code}/practice.html")
    assert desktop.find_element(By.CSS_SELECTOR, ".pager a[rel=prev]").get_attribute("href").endswith(
        f"/{code}/checklist/role-play.html")
    desktop.find_element(By.CSS_SELECTOR, ".pager a[rel=next]").click()
    assert desktop.current_url.endswith(f"/{code}/print.html")


def test_the_sitemap_lists_the_practice_and_print_pages():
    sitemap = (OUTPUT / "sitemap.xml").read_text(encoding="utf-8")
    for code in LANGUAGES:
        assert f"<loc>{code}/practice.html</loc>" in sitemap
        assert f"<loc>{code}/print.html</loc>" in sitemap


# ---- The practice: progress, review, retry ----------------------------------

def answer(driver, question, kind):
    question.find_element(By.CSS_SELECTOR, f'.choice[data-kind="{kind}"] .choice-button').click()


def clear_of_the_bars(driver, element):
    """The element's top is below the sticky header and the sticky score bar."""
    header = rect(driver, driver.find_element(By.CSS_SELECTOR, ".site-header"))["bottom"]
    bar = driver.find_element(By.CSS_SELECTOR, ".practice-score")
    bottom = rect(driver, bar)["bottom"] if bar.is_displayed() else header
    if bar.is_displayed():
        assert rect(driver, bar)["top"] >= header - 1, "the score bar stays in view below the header"
    top = rect(driver, element)["top"]
    assert top >= max(header, bottom), f"top {top} is under the header ({header}) or the score bar ({bottom})"


@pytest.mark.parametrize("code", ["en", "pt"])
def test_the_practice_shows_progress_and_reviews_what_was_missed(reader, code):
    reader.get(url(f"{code}/practice.html"))
    questions = reader.find_elements(By.CSS_SELECTOR, ".question")
    total = len(questions)
    assert total >= 3
    score = reader.find_element(By.CSS_SELECTOR, ".practice-score")
    assert not score.is_displayed(), "no bar before the first answer"
    missed = {0, 2}
    for number, question in enumerate(questions):
        answer(reader, question, "bad" if number in missed else "good")
        assert score.text.startswith(PROGRESS[code].format(number + 1, total)), score.text
        clear_of_the_bars(reader, question.find_element(By.CSS_SELECTOR, ".answer-verdict"))
    result = reader.find_element(By.CSS_SELECTOR, ".practice-result")
    assert result.is_displayed()
    items = [li for li in reader.find_elements(By.CSS_SELECTOR, ".practice-missed > li") if li.is_displayed()]
    assert len(items) == len(missed)
    for item, number in zip(items, sorted(missed)):
        question = questions[number]
        link = item.find_element(By.TAG_NAME, "a")
        assert link.text == question.find_element(By.TAG_NAME, "h2").text
        assert link.get_attribute("href") == question.find_element(By.CSS_SELECTOR, ".answer-source a").get_attribute("href")
        assert "#" in link.get_attribute("href"), "to the comparison itself"
    if code == "en":
        set_color_scheme(reader, "light")
        screenshot(reader, "start-practice-review")
        set_color_scheme(reader, "dark")
        screenshot(reader, "start-practice-review-dark")
        set_color_scheme(reader, "light")

    # Retry resets only the missed ones, and brings the reader to the first of them.
    reader.find_element(By.CSS_SELECTOR, ".practice-retry").click()
    assert not result.is_displayed()
    assert score.text.startswith(PROGRESS[code].format(total - len(missed), total)), score.text
    for number, question in enumerate(questions):
        buttons = [b.is_displayed() for b in question.find_elements(By.CSS_SELECTOR, ".choice-button")]
        assert buttons == ([True, True] if number in missed else [False, False]), number
    clear_of_the_bars(reader, questions[0].find_element(By.TAG_NAME, "h2"))
    assert reader.switch_to.active_element.get_attribute("class") == "choice-button"
    for number in sorted(missed):
        answer(reader, questions[number], "good")
    assert result.is_displayed()
    assert not reader.find_element(By.CSS_SELECTOR, ".practice-review").is_displayed(), "nothing missed now"
    assert not reader.find_element(By.CSS_SELECTOR, ".practice-retry").is_displayed()
    assert f"{total}" in reader.find_element(By.CSS_SELECTOR, ".practice-result-text").text

    # The review's link opens the comparison on its page.
    reader.get(url(f"{code}/practice.html"))
    answer(reader, reader.find_element(By.CSS_SELECTOR, ".question"), "bad")
    for question in reader.find_elements(By.CSS_SELECTOR, ".question")[1:]:
        answer(reader, question, "good")
    link = [li for li in reader.find_elements(By.CSS_SELECTOR, ".practice-missed > li") if li.is_displayed()][0]
    target = link.find_element(By.TAG_NAME, "a").get_attribute("href").split("#", 1)[1]
    link.find_element(By.TAG_NAME, "a").click()
    assert reader.execute_script("return !!document.getElementById(decodeURIComponent(arguments[0]))", target)


def test_every_question_heading_is_clear_of_the_header_and_the_bar(reader):
    reader.get(url("en/practice.html"))
    questions = reader.find_elements(By.CSS_SELECTOR, ".question")
    for number, question in enumerate(questions[:-1]):
        answer(reader, question, "good")
        question.find_element(By.CSS_SELECTOR, ".question-next a").click()
        heading = questions[number + 1].find_element(By.TAG_NAME, "h2")
        clear_of_the_bars(reader, heading)
        gap = rect(reader, heading)["top"] - rect(reader, reader.find_element(By.CSS_SELECTOR, ".practice-score"))["bottom"]
        assert gap >= 8, f"some room between the bar and heading {number + 2} ({gap}px)"


def test_the_start_and_the_practice_work_without_javascript():
    driver = make_driver(390, 844, javascript=False)
    try:
        driver.get(url("en/index.html"))
        assert driver.find_element(By.CSS_SELECTOR, ".start-button").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, ".home-start-time").text.startswith("23 pages")
        driver.find_element(By.CSS_SELECTOR, ".start-practise a").click()
        assert not driver.find_element(By.CSS_SELECTOR, ".practice-score").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".practice-result").is_displayed()
        question = driver.find_element(By.CSS_SELECTOR, ".question")
        assert not question.find_element(By.CSS_SELECTOR, ".choice-button").is_displayed()
        question.find_element(By.CSS_SELECTOR, ".answer summary").click()
        assert "Why it works" in question.text
        question.find_element(By.CSS_SELECTOR, ".question-next a").click()
        assert driver.current_url.endswith("#q2")
    finally:
        driver.quit()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_home_page(reader, scheme):
    set_color_scheme(reader, scheme)
    try:
        for code in ("en", "de"):
            reader.get(url(f"{code}/index.html"))
            assert reader.find_element(By.CSS_SELECTOR, ".home-start").is_displayed()
            screenshot(reader, f"start-home-{code}-{scheme}")
    finally:
        set_color_scheme(reader, "light")

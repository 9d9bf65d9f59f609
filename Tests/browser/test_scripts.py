"""Scripts and checklists as a new hire uses them, at 390 and 1280 pixels:
exactly what Copy puts on the clipboard, the blanks warning and Copy anyway,
alternatives, placeholders that open their field, "n of m filled", the tab
order, and checklists whose ticks survive a reload."""
import base64
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import OUTPUT, ROOT, make_driver, screenshot, set_color_scheme, url

WIDTHS = ["phone", "desktop"]


@pytest.fixture(params=WIDTHS)
def browser(request):
    return request.getfixturevalue(request.param)


def wait_for(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda _: condition())


def fresh(driver, path):
    driver.get(url(path))
    driver.execute_script("localStorage.clear()")
    driver.get(url(path))


def read_clipboard(driver):
    return driver.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e))")


def write_clipboard(driver, text):
    driver.execute_async_script(
        "const done = arguments[1]; navigator.clipboard.writeText(arguments[0]).then(done, done)", text)


def fill_all(figure, value=lambda name: name.upper()):
    if not figure.find_element(By.CSS_SELECTOR, ".fill-in").get_attribute("open"):
        figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
    for field in figure.find_elements(By.CSS_SELECTOR, ".fill-in-field input"):
        if not field.is_displayed():
            continue  # its placeholder stands only in an alternative not chosen
        field.clear()
        field.send_keys(value(field.get_attribute("data-placeholder")))


def copy(driver, figure):
    button = figure.find_element(By.CSS_SELECTOR, ".copy-button")
    write_clipboard(driver, "untouched")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    return button


# ---- What Copy puts on the clipboard ----------------------------------------

def scripts_in_source(code):
    """Each shipped script of a language as (page, title, the text to send), read
    from the Markdown: no ':::' lines, no notes (`> ` quotes), no choice prompt,
    the first alternative only, emphasis markers dropped, placeholders filled."""
    found = []
    for source in sorted((ROOT / "Content" / code).rglob("*.md")):
        lines = source.read_text(encoding="utf-8").splitlines()
        index = 0
        while index < len(lines):
            if not lines[index].startswith(":::script "):
                index += 1
                continue
            title, body, index = lines[index][len(":::script "):], [], index + 1
            in_choice, first_taken = False, False
            while lines[index] != ":::" or in_choice:
                line = lines[index]
                if line.startswith(":::choice "):
                    in_choice, first_taken = True, False
                elif in_choice and line == ":::":
                    in_choice = False
                elif in_choice:
                    if line.startswith("- ") and not first_taken:
                        body += ["\x00" + line[2:]]  # marks an alternative
                        first_taken = True
                elif not line.startswith(">"):
                    body.append(line)
                index += 1
            index += 1
            paragraphs = [p for p in "\n".join(body).split("\n\n") if p.strip()]
            paragraphs = [" ".join(l.strip() for l in p.strip().split("\n")) for p in paragraphs]
            joined = []
            for paragraph in paragraphs:
                alternative = paragraph.startswith("\x00")
                paragraph = paragraph.lstrip("\x00")
                if alternative and joined and re.search(r"(\.\.\.|…)$", joined[-1]) and paragraph[0].islower():
                    joined[-1] = re.sub(r"\s*(\.\.\.|…)$", "", joined[-1]) + " " + paragraph
                else:
                    joined.append(paragraph)
            text = "\n\n".join(joined).replace("**", "").replace("*", "")
            text = re.sub(r"\[([^\]]+)\]", lambda m: m.group(1).upper(), text)
            page = source.relative_to(ROOT / "Content").with_suffix(".html").as_posix()
            found.append((page, title, text))
    return found


@pytest.mark.parametrize("code", ["en", "de"])
def test_copy_puts_exactly_the_text_to_send_for_every_shipped_script(browser, code):
    shipped = scripts_in_source(code)
    assert len(shipped) == 7  # the six and the confirmation email after the call
    for page, title, expected in shipped:
        fresh(browser, page)
        figure = [f for f in browser.find_elements(By.CSS_SELECTOR, "figure.script")
                  if f.find_element(By.TAG_NAME, "figcaption").text.endswith(title)][0]
        fill_all(figure)
        button = copy(browser, figure)
        wait_for(browser, lambda: button.text in ("Copied", "Kopiert"))
        text = read_clipboard(browser)
        assert text == expected, f"{page}: {title}"
        for editorial in ("Choose one opening", "Wählen Sie einen Einstieg", "Pause here", "Machen Sie hier eine Pause",
                          "CHOSEN", "Chosen ", "Gewählt ", "["):
            assert editorial not in text, f"{page}: '{editorial}' is for the reader, not for the client"
        assert not {"Note", "Hinweis"} & set(text.splitlines()), "a callout's label is not copied either"


EMAIL_EN = """Hi Ms Okafor,

I've left you a voicemail, and I'd still prefer to talk this through by phone. But I don't want you to wait for the news, so I'm writing to let you know that an internal miscommunication on our side led to a missed test run.

I know how frustrating this is for you. We hold ourselves to a higher standard than this, and I'm sorry for the trouble it is causing.

Please be assured that [Project] is still at the top of our list, and the whole team is determined to make it a success. Here is how we are putting it right: [The fix]. With that in place, the finished work will be with you by [New date].

I'd be glad to go through it with you on the phone. You can reach me on [Phone number], and I'm available [Call times]. Until then, I'll keep you posted as the work moves forward. If anything is unclear, just ask.

Again, I'm very sorry.

Sam, [Your company]"""


def test_the_chosen_opening_is_the_only_one_copied_and_blanks_are_named_first(browser):
    fresh(browser, "en/team-mistakes/email.html")
    figure = browser.find_element(By.CSS_SELECTOR, "figure.script")
    figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
    legend = figure.find_element(By.CSS_SELECTOR, ".fill-in-choice legend")
    assert legend.text == "Choose one opening"
    radios = figure.find_elements(By.CSS_SELECTOR, ".fill-in-alternative input")
    assert len(radios) == 3 and radios[0].is_selected(), "the first opening until the reader picks one"
    radios[2].click()
    items = figure.find_elements(By.CSS_SELECTOR, ".script-choice li")
    assert ["is-chosen" in i.get_attribute("class") for i in items] == [False, False, True]
    badge = items[2].find_element(By.CSS_SELECTOR, ".alternative-chosen")
    assert badge.is_displayed() and badge.get_attribute("textContent") == "Chosen", "the page says which one, in words"
    assert len(figure.find_elements(By.CSS_SELECTOR, ".alternative-chosen")) == 1
    for name, value in [("Client name", "Ms Okafor"), ("What went wrong", "a missed test run"), ("Your name", "Sam")]:
        figure.find_element(By.CSS_SELECTOR, f'.fill-in-field input[data-placeholder="{name}"]').send_keys(value)

    button = copy(browser, figure)
    status = figure.find_element(By.CSS_SELECTOR, ".copy-status")
    anyway = figure.find_element(By.CSS_SELECTOR, ".copy-anyway")
    wait_for(browser, lambda: status.text != "")
    assert status.text == "6 still empty: Project, The fix, New date, Phone number, Call times, Your company"
    assert read_clipboard(browser) == "untouched", "nothing is copied while blanks remain"
    blanks = figure.find_elements(By.CSS_SELECTOR, ".script-body .placeholder.blank")
    assert sorted({b.get_attribute("data-placeholder") for b in blanks}) == sorted(
        ["Project", "The fix", "New date", "Phone number", "Call times", "Your company"])
    assert anyway.is_displayed() and button.text == "Copy text"
    screenshot(browser, "script-blanks")
    # Filling one in while the warning shows updates it.
    figure.find_element(By.CSS_SELECTOR, '.fill-in-field input[data-placeholder="Project"]').send_keys("x")
    assert status.text.startswith("5 still empty: The fix")
    figure.find_element(By.CSS_SELECTOR, '.fill-in-field input[data-placeholder="Project"]').send_keys(Keys.BACKSPACE)
    assert status.text.startswith("6 still empty: Project")

    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", anyway)
    anyway.click()
    wait_for(browser, lambda: button.text == "Copied")
    assert read_clipboard(browser) == EMAIL_EN
    assert status.text == "Copied" and not anyway.is_displayed()
    assert not figure.find_elements(By.CSS_SELECTOR, ".placeholder.blank")

    # The pick is remembered.
    browser.get(url("en/team-mistakes/email.html"))
    items = browser.find_elements(By.CSS_SELECTOR, ".script-choice li")
    assert "is-chosen" in items[2].get_attribute("class")
    assert browser.find_elements(By.CSS_SELECTOR, ".fill-in-alternative input")[2].is_selected()


def test_blanks_warning_and_copy_anyway_in_german(desktop):
    fresh(desktop, "de/team-mistakes/email.html")
    figure = desktop.find_element(By.CSS_SELECTOR, "figure.script")
    button = copy(desktop, figure)
    status = figure.find_element(By.CSS_SELECTOR, ".copy-status")
    wait_for(desktop, lambda: status.text != "")
    assert status.text.startswith("Noch 8 leer: Name des Kunden, Projekt")
    anyway = figure.find_element(By.CSS_SELECTOR, ".copy-anyway")
    assert anyway.text == "Trotzdem kopieren"
    anyway.click()
    wait_for(desktop, lambda: button.text == "Kopiert")
    text = read_clipboard(desktop)
    assert text.startswith("Guten Tag [Name des Kunden],")
    assert "schriftlich mit, dass sich unsere Lieferung" in text, "the opening continues the sentence"
    assert "Wählen Sie" not in text and "wir einen Teil der Arbeit" not in text


# ---- Finding the fill-in tool --------------------------------------------------

def test_a_placeholder_opens_the_panel_at_its_field_by_click_or_enter(browser):
    fresh(browser, "en/team-mistakes/talk.html")
    figure = browser.find_elements(By.CSS_SELECTOR, "figure.script")[1]
    panel = figure.find_element(By.CSS_SELECTOR, ".fill-in")
    placeholder = figure.find_element(By.CSS_SELECTOR, '.script-body .placeholder[data-placeholder="Project"]')
    assert placeholder.get_attribute("role") == "button" and placeholder.get_attribute("tabindex") == "0"
    hint = browser.find_element(By.ID, placeholder.get_attribute("aria-describedby"))
    assert hint.get_attribute("textContent") == "Opens its field in the fill-in panel"
    assert not panel.get_attribute("open")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", placeholder)
    placeholder.click()
    assert panel.get_attribute("open")
    field = browser.switch_to.active_element
    assert field.get_attribute("data-placeholder") == "Project"
    assert field.find_element(By.XPATH, "ancestor::figure").get_attribute("id") == figure.get_attribute("id")
    field.send_keys("the launch")
    # Both the field and the placeholder are on screen, also on a phone.
    on_screen = "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;"
    assert browser.execute_script(on_screen, field)
    assert browser.execute_script(on_screen, placeholder), "the text stays in view while filling"
    assert placeholder.text == "the launch"
    # ... and not behind the sticky site header: the field is what is drawn at its own centre.
    uncovered = ("const r = arguments[0].getBoundingClientRect();"
                 "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                 "return hit === arguments[0] || arguments[0].contains(hit);")
    assert browser.execute_script(uncovered, field), "the site header covers the fill-in panel"
    if browser.execute_script("return innerWidth") < 600:
        # On a phone the panel sticks below the header while the script scrolls under it.
        browser.execute_script("window.scrollBy(0, 200)")
        assert browser.execute_script(on_screen, field), "the panel stays in view while the page scrolls"
        assert browser.execute_script(uncovered, field), "the site header covers the fill-in panel"
        browser.save_screenshot(str(OUTPUT.parent / "Tests" / "browser" / "screenshots" / "script-filling-390.png"))

    # From the keyboard: Enter on another placeholder goes to its field.
    browser.execute_script("arguments[0].open = false", panel)
    other = figure.find_element(By.CSS_SELECTOR, '.script-body .placeholder[data-placeholder="Call times"]')
    browser.execute_script("arguments[0].focus()", other)
    other.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("data-placeholder") == "Call times"


def test_the_summary_counts_what_is_filled(browser):
    fresh(browser, "en/team-mistakes/talk.html")
    figure = browser.find_elements(By.CSS_SELECTOR, "figure.script")[1]
    summary = figure.find_element(By.CSS_SELECTOR, ".fill-in summary")
    count = summary.find_element(By.CSS_SELECTOR, ".fill-in-count")
    assert count.text == "0 of 5 filled"
    summary.click()
    figure.find_element(By.CSS_SELECTOR, 'input[data-placeholder="Client name"]').send_keys("Ms Okafor")
    assert count.text == "1 of 5 filled"
    first = browser.find_elements(By.CSS_SELECTOR, "figure.script")[0]
    assert first.find_element(By.CSS_SELECTOR, ".fill-in-count").get_attribute("textContent") == "1 of 6 filled"
    fresh(browser, "pt/team-mistakes/talk.html")
    assert browser.find_element(By.CSS_SELECTOR, ".fill-in-count").text == "0 de 6 preenchidos"


def test_copy_comes_right_after_clear_in_the_tab_order_and_on_screen(browser):
    fresh(browser, "en/team-mistakes/talk.html")
    figure = browser.find_element(By.CSS_SELECTOR, "figure.script")
    figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
    field = figure.find_element(By.CSS_SELECTOR, 'input[data-placeholder="Client name"]')
    field.send_keys("Ms Okafor")
    clear = figure.find_element(By.CSS_SELECTOR, ".fill-in-clear")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", clear)
    clear.click()
    assert browser.switch_to.active_element == field and field.get_attribute("value") == ""
    clear.send_keys(Keys.TAB)
    copy_button = figure.find_element(By.CSS_SELECTOR, ".copy-button")
    assert browser.switch_to.active_element == copy_button, "Tab from Clear goes on to Copy"
    top = "return arguments[0].getBoundingClientRect().top"
    assert browser.execute_script(top, copy_button) > browser.execute_script(top, clear), "and Copy is below it"


# ---- Checklists ------------------------------------------------------------

def boxes(driver):
    return driver.find_elements(By.CSS_SELECTOR, "article li > label > input[type=checkbox]")


def test_checklist_ticks_are_kept_per_page_and_list_and_can_be_reset(browser):
    fresh(browser, "en/checklist/index.html")
    found = boxes(browser)
    assert len(found) == 12 and not any(b.get_attribute("disabled") for b in found)
    assert not any(b.is_selected() for b in found)
    # The first item of the first and of the third list, and the label's text ticks too.
    found[0].click()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", found[10])
    found[10].find_element(By.XPATH, "..").click()
    browser.get(url("en/checklist/index.html"))
    state = [b.is_selected() for b in boxes(browser)]
    assert state == [True] + [False] * 9 + [True, False], "kept across a reload; the second list's first box stays unticked"
    browser.get(url("de/checklist/index.html"))
    assert not any(b.is_selected() for b in boxes(browser)), "each page has its own ticks"
    browser.get(url("en/checklist/index.html"))
    reset = browser.find_element(By.CSS_SELECTOR, ".checklist-reset")
    assert reset.text == "Reset the checklist"
    printing = browser.find_element(By.CSS_SELECTOR, ".checklist-print")
    assert printing.text == "Print this page" and printing.is_displayed()
    screenshot(browser, "checklist")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", reset)
    reset.click()
    assert not any(b.is_selected() for b in boxes(browser))
    browser.get(url("en/checklist/index.html"))
    assert not any(b.is_selected() for b in boxes(browser))


def test_a_checklist_prints_alone_on_one_sheet_with_empty_boxes(desktop):
    fresh(desktop, "nl/checklist/index.html")
    boxes(desktop)[0].click()
    assert desktop.find_element(By.CSS_SELECTOR, ".checklist-print").text == "Deze pagina afdrukken"
    desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    try:
        for hidden in (".site-header", ".sidebar", ".toc", ".pager", ".checklist-tools"):
            assert all(not e.is_displayed() for e in desktop.find_elements(By.CSS_SELECTOR, hidden)), hidden
        assert desktop.execute_script("return getComputedStyle(arguments[0]).appearance", boxes(desktop)[0]) == "none", \
            "a ticked box prints empty"
    finally:
        desktop.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    pdf = base64.b64decode(desktop.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


# ---- Without JavaScript, and in the dark ------------------------------------

def test_without_javascript_everything_reads_and_boxes_look_like_boxes():
    driver = make_driver(390, 844, javascript=False)
    try:
        driver.get(url("en/team-mistakes/email.html"))
        choice = driver.find_element(By.CSS_SELECTOR, ".script-choice")
        assert choice.find_element(By.CSS_SELECTOR, ".script-choice-prompt").text == "Choose one opening"
        assert len(choice.find_elements(By.TAG_NAME, "li")) == 3
        assert not driver.find_elements(By.CSS_SELECTOR, ".fill-in, .copy-button, .alternative-chosen")
        assert not driver.find_elements(By.CSS_SELECTOR, ".placeholder[tabindex]"), "no dead buttons"
        driver.get(url("en/checklist/index.html"))
        found = boxes(driver)
        assert found and not any(b.get_attribute("disabled") or b.is_selected() for b in found)
        assert not driver.find_elements(By.CSS_SELECTOR, ".checklist-tools")
        screenshot(driver, "no-javascript-checklist")
    finally:
        driver.quit()


def test_screenshots_in_the_dark(desktop):
    set_color_scheme(desktop, "dark")
    try:
        fresh(desktop, "en/team-mistakes/email.html")
        figure = desktop.find_element(By.CSS_SELECTOR, "figure.script")
        figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
        copy(desktop, figure)
        wait_for(desktop, lambda: figure.find_element(By.CSS_SELECTOR, ".copy-status").text != "")
        screenshot(desktop, "script-blanks-dark")
        desktop.get(url("en/checklist/index.html"))
        boxes(desktop)[0].click()
        screenshot(desktop, "checklist-dark")
    finally:
        set_color_scheme(desktop, "light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_the_choice_blanks_and_checklist_in_use(desktop, phone, scheme):
    from test_quality import run_axe
    for driver in (desktop, phone):
        set_color_scheme(driver, scheme)
        try:
            fresh(driver, "en/team-mistakes/email.html")
            figure = driver.find_element(By.CSS_SELECTOR, "figure.script")
            figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
            figure.find_elements(By.CSS_SELECTOR, ".fill-in-alternative input")[1].click()
            figure.find_element(By.CSS_SELECTOR, ".fill-in-field input").send_keys("Ms Okafor")
            copy(driver, figure)
            wait_for(driver, lambda: figure.find_element(By.CSS_SELECTOR, ".copy-anyway").is_displayed())
            assert run_axe(driver) == []
            fresh(driver, "de/checklist/index.html")
            boxes(driver)[0].click()
            assert run_axe(driver) == []
        finally:
            set_color_scheme(driver, "light")


def test_the_count_and_the_fields_follow_the_chosen_alternative(browser):
    """A placeholder only in an alternative not chosen is not sent, so it is
    neither counted nor offered as a field until that alternative is chosen."""
    fresh(browser, "en/team-mistakes/email.html")
    figure = browser.find_element(By.CSS_SELECTOR, "figure.script")
    count = figure.find_element(By.CSS_SELECTOR, ".fill-in-count")
    field = figure.find_element(By.CSS_SELECTOR, 'input[data-placeholder="What went wrong"]')
    figure.find_element(By.CSS_SELECTOR, ".fill-in summary").click()

    def total():
        return int(re.fullmatch(r"0 of (\d+) filled", count.get_attribute("textContent")).group(1))

    radios = figure.find_elements(By.CSS_SELECTOR, ".fill-in-choice input[type=radio]")
    assert radios[0].is_selected()
    without = total()
    assert not field.is_displayed()
    last = figure.find_elements(By.CSS_SELECTOR, ".fill-in-alternative")[-1]
    last.click()
    assert radios[-1].is_selected()
    assert total() == without + 1
    assert field.is_displayed()

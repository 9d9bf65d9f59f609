"""`handbook scorm` in an LMS: the package opened inside a test page that
implements the SCORM 1.2 API and records every call, two frames up (as
Moodle's player nests it), served over HTTP as an LMS serves it."""
import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
import zipfile

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, OUTPUT, ROOT, screenshot

MASTERY = 80

LMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script>
// SCORM 1.2's API, recording every call; the starting data comes in the address's fragment.
window.calls = []; window.misuse = [];
var data = {"cmi.core.lesson_status": "not attempted", "cmi.core.entry": "ab-initio", "cmi.suspend_data": "",
            "cmi.core.lesson_location": "", "cmi.core.student_id": "42", "cmi.core.student_name": "Test, Tess"};
if (location.hash.length > 1) { var given = JSON.parse(decodeURIComponent(location.hash.slice(1))); for (var k in given) data[k] = given[k]; }
window.data = data;
var state = "new";
function record(call) { calls.push(call); }
window.API = {
  LMSInitialize: function (p) { record(["LMSInitialize", p]); if (state !== "new") { misuse.push("initialize twice"); return "false"; } state = "running"; return "true"; },
  LMSFinish: function (p) { record(["LMSFinish", p]); if (state !== "running") misuse.push("finish when " + state); state = "finished"; return "true"; },
  LMSGetValue: function (n) { record(["LMSGetValue", n]); if (state !== "running") misuse.push("get " + n + " when " + state); return n in data ? data[n] : ""; },
  LMSSetValue: function (n, v) { record(["LMSSetValue", n, v]); if (state !== "running") { misuse.push("set " + n + " when " + state); return "false"; }
    if (typeof v !== "string") misuse.push(n + " set to a " + typeof v); data[n] = String(v); return "true"; },
  LMSCommit: function (p) { record(["LMSCommit", p]); if (state !== "running") misuse.push("commit when " + state); return "true"; },
  LMSGetLastError: function () { return "0"; }, LMSGetErrorString: function () { return ""; }, LMSGetDiagnostic: function () { return ""; }
};
</script></head>
<body><iframe id="wrap" src="wrapper.html" style="width: 1260px; height: 860px; border: 0"></iframe></body></html>
"""
WRAPPER_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
<body style="margin: 0"><iframe id="player" src="package/scorm.html" style="width: 1260px; height: 860px; border: 0"></iframe></body></html>
"""

# SCORM 1.2 (RTE 3.4): the lengths and vocabularies of what the package sets.
LIMITS = {"cmi.core.lesson_location": 255, "cmi.suspend_data": 4096, "cmi.core.lesson_status": 255}
STATUSES = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}


@pytest.fixture(scope="module")
def lms(tmp_path_factory):
    """The English package unzipped beside the test LMS, served on a free port; yields its address."""
    folder = tmp_path_factory.mktemp("scorm")
    site = folder / "Output"
    shutil.copytree(OUTPUT, site)
    result = subprocess.run([str(BINARY), "scorm", "--content", str(ROOT / "Content"), "--output", str(site),
                             "--language", "en", "--mastery", str(MASTERY)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no warning for the shipped handbook"
    served = folder / "lms"
    with zipfile.ZipFile(site / "en" / "handbook-en-scorm.zip") as package:
        package.extractall(served / "package")
    (served / "lms.html").write_text(LMS_PAGE)
    (served / "wrapper.html").write_text(WRAPPER_PAGE)
    handler = functools.partial(QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", served
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pages_of(served):
    launch = (served / "package" / "scorm.html").read_text()
    return json.loads(re.search(r'data-pages="([^"]*)"', launch).group(1).replace("&quot;", '"'))


def open_lms(driver, address, start=None):
    driver.get("about:blank")
    driver.get(address + "lms.html" + ("#" + json.dumps(start) if start else ""))
    wait = WebDriverWait(driver, 15)
    wait.until(lambda d: d.execute_script("return calls.length > 0 && data['cmi.core.lesson_location'] !== ''"
                                          " || calls.some(function (c) { return c[1] === 'cmi.core.lesson_location'; })"))
    return wait


def sco_frame_js(expression):
    return ("var player = document.getElementById('wrap').contentWindow.document.getElementById('player').contentWindow;"
            "var frame = player.document.getElementById('handbook-frame'); " + expression)


def go(driver, wait, key):
    driver.execute_script(sco_frame_js("frame.contentWindow.location.href = player.location.href.replace(/[^\\/]*$/, '') + arguments[0];"), key)
    wait.until(lambda d: d.execute_script("return data['cmi.core.lesson_location']") == key)


def finish(driver):
    """The LMS closes the player: the package's pagehide finishes the session."""
    driver.execute_script("document.getElementById('wrap').remove()")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return calls.some(function (c) { return c[0] === 'LMSFinish'; })"))
    return driver.execute_script("return {calls: calls, data: data, misuse: misuse}")


def check_calls(record):
    calls = record["calls"]
    assert record["misuse"] == []
    assert calls[0] == ["LMSInitialize", ""]
    assert [c[0] for c in calls].count("LMSInitialize") == 1
    assert calls[-1] == ["LMSFinish", ""], "nothing after LMSFinish"
    for call in calls:
        if call[0] == "LMSSetValue":
            name, value = call[1], call[2]
            if name in LIMITS:
                assert len(value) <= LIMITS[name], call
            if name == "cmi.core.lesson_status":
                assert value in STATUSES, call
            if name.startswith("cmi.core.score."):
                assert re.fullmatch(r"\d{1,3}", value) and 0 <= int(value) <= 100, call
            if name == "cmi.core.session_time":
                assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", value), call
            if name == "cmi.core.exit":
                assert value in {"time-out", "suspend", "logout", ""}, call
    return calls


def test_outside_an_lms_the_launch_page_is_the_ordinary_site(desktop, lms):
    address, _ = lms
    desktop.get(address + "package/scorm.html")
    WebDriverWait(desktop, 10).until(lambda d: d.current_url.endswith("/package/en/index.html"))
    assert desktop.find_element("css selector", ".switcher").is_displayed(), "the ordinary site, language menu and all"


def test_reading_every_page_completes_the_package(desktop, lms):
    address, served = lms
    pages = pages_of(served)
    wait = open_lms(desktop, address)
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "incomplete"
    assert desktop.execute_script("return data['cmi.core.lesson_location']") == "en/index.html"
    for key in pages[1:-1]:
        go(desktop, wait, key)
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "incomplete", "one page not opened yet"
    go(desktop, wait, pages[-1])
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "completed"
    # Inside the package: no other language to switch to, no request out of it.
    assert desktop.execute_script(sco_frame_js(
        "return frame.contentWindow.getComputedStyle(frame.contentWindow.document.querySelector('.switcher')).display")) == "none"
    desktop.switch_to.frame("wrap")
    desktop.switch_to.frame("player")
    screenshot(desktop, "scorm-player")
    desktop.switch_to.default_content()
    record = finish(desktop)
    calls = check_calls(record)
    names = [c[1] for c in calls if c[0] == "LMSSetValue"]
    for needed in ["cmi.core.lesson_status", "cmi.core.lesson_location", "cmi.suspend_data", "cmi.core.session_time", "cmi.core.exit"]:
        assert needed in names
    suspend = record["data"]["cmi.suspend_data"]
    assert suspend.startswith("1;") and len(suspend) < 40, suspend


def test_the_practice_sets_score_and_status_against_the_mastery_score(desktop, lms):
    address, _ = lms
    wait = open_lms(desktop, address)
    go(desktop, wait, "en/practice.html")

    def answer(kind):
        desktop.execute_script(sco_frame_js(
            "var kind = arguments[0]; frame.contentWindow.document.querySelectorAll('.question').forEach(function (q) {"
            " q.querySelector('.choice[data-kind=\"' + kind + '\"] .choice-button').click(); });"), kind)

    answer("bad")
    wait.until(lambda d: d.execute_script("return data['cmi.core.score.raw']") == "0")
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "failed"
    assert desktop.execute_script("return [data['cmi.core.score.min'], data['cmi.core.score.max']]") == ["0", "100"]
    desktop.execute_script(sco_frame_js("frame.contentWindow.document.querySelector('.practice-again').click();"))
    answer("good")
    wait.until(lambda d: d.execute_script("return data['cmi.core.score.raw']") == "100")
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "passed"
    check_calls(finish(desktop))


def test_reopening_restores_the_place_and_the_progress(desktop, lms):
    address, served = lms
    pages = pages_of(served)
    wait = open_lms(desktop, address)
    half = pages[1:len(pages) // 2]
    for key in half:
        go(desktop, wait, key)
    # The last page opened is read to its end: the page's own mark goes to the LMS.
    desktop.execute_script(sco_frame_js("frame.contentWindow.scrollTo(0, frame.contentWindow.document.body.scrollHeight);"))
    wait.until(lambda d: d.execute_script("return data['cmi.suspend_data'].split(';')[2].replace(/0/g, '') !== ''"))
    first = finish(desktop)
    check_calls(first)
    stored = {name: first["data"][name] for name in ("cmi.suspend_data", "cmi.core.lesson_location", "cmi.core.lesson_status")}
    assert stored["cmi.core.lesson_location"] == half[-1]
    stored["cmi.core.entry"] = "resume"

    wait = open_lms(desktop, address, start=stored)
    wait.until(lambda d: d.execute_script(sco_frame_js("return frame.contentWindow.location.href")).endswith(half[-1]))
    # The sidebar of the page reopened marks it read, from suspend_data.
    marked = desktop.execute_script(sco_frame_js(
        "return Array.prototype.map.call(frame.contentWindow.document.querySelectorAll('.nav-read'), function (m) { return m.parentNode.getAttribute('href'); })"))
    assert marked == [half[-1].rsplit("/", 1)[1]]
    for key in pages[len(pages) // 2:]:
        go(desktop, wait, key)
    assert desktop.execute_script("return data['cmi.core.lesson_status']") == "completed", "the pages of the first visit count"
    check_calls(finish(desktop))

"""Headless Chromium (Debian's chromium + chromium-driver) for the browser tests.

Nothing is downloaded at run time: the driver and the browser are the system's.
"""
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Output"
SCREENSHOTS = ROOT / "Tests" / "browser" / "screenshots"
BINARY = pathlib.Path(os.environ.get("HANDBOOK_BINARY", ROOT / ".build" / "debug" / "handbook"))
if not BINARY.is_absolute():
    BINARY = ROOT / BINARY


def _binary(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(f"none of {names} is installed; run scripts/test, which installs them")


def make_driver(width=1280, height=900, language="en-US", javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", f"--window-size={width},{height}", f"--lang={language}"):
        options.add_argument(flag)
    prefs = {"intl.accept_languages": language}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_binary("chromedriver")), options=options)
    # The copy button writes to the real clipboard; the tests read it back.
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    # --window-size sets the outer window; make the page's own width exact.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


@pytest.fixture(scope="session")
def desktop():
    driver = make_driver(1280)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def phone():
    driver = make_driver(390, 844)
    yield driver
    driver.quit()


def url(path):
    return (OUTPUT / path).as_uri()


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
    driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900 if width >= 600 else 844, "deviceScaleFactor": 1,
                            "mobile": width < 600})


def set_color_scheme(driver, scheme):
    """Emulates the reader's light or dark setting (prefers-color-scheme)."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve_is_available():
    """True when this handbook binary has a 'serve' command (issue 3).

    'handbook serve --help' alone is not enough: without the command, the
    argument parser prints the top-level help and still exits with 0.
    """
    if not BINARY.exists():
        return False, f"{BINARY} is not built"
    result = subprocess.run([str(BINARY), "serve", "--help"], capture_output=True, text=True, timeout=30)
    if result.returncode != 0 or "handbook serve" not in result.stdout:
        return False, f"{BINARY.name} has no 'serve' command yet, so the served variants are skipped (the file:// variants ran)"
    return True, ""


@pytest.fixture(scope="session")
def server():
    """Runs 'handbook serve --port <free port>' from the project folder; yields the site's address."""
    available, reason = _serve_is_available()
    if not available:
        pytest.skip(reason)
    port = _free_port()
    log = open(ROOT / ".build" / "serve-test.log", "w")
    process = subprocess.Popen([str(BINARY), "serve", "--port", str(port)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    address = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"'handbook serve --port {port}' exited with {process.returncode}; see .build/serve-test.log")
        try:
            with urllib.request.urlopen(address + "en/index.html", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.terminate()
            pytest.fail(f"'handbook serve --port {port}' did not answer within 60 seconds")
        time.sleep(0.25)
    yield address
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(params=["file", "served"])
def site(request):
    """The address of a page of the site, from disk (file://) or from 'handbook serve'."""
    if request.param == "file":
        return url
    base = request.getfixturevalue("server")
    return lambda path: base + path

"""Headless Chromium (Debian's chromium + chromium-driver) for the browser tests.

Nothing is downloaded at run time: the driver and the browser are the system's.
"""
import pathlib
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Output"
SCREENSHOTS = ROOT / "Tests" / "browser" / "screenshots"


def _binary(*names):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.fail(f"none of {names} is installed; run scripts/test, which installs them")


def make_driver(width=1280, height=900, language="en-US"):
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", f"--window-size={width},{height}", f"--lang={language}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service(_binary("chromedriver")), options=options)
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
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": width < 600})
    driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900 if width >= 600 else 844, "deviceScaleFactor": 1,
                            "mobile": width < 600})

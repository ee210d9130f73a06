#!/usr/bin/python3
"""The web page in headless Chromium against a real byline-serve: type a query, check the hits
and their highlights, click a facet value, check the filter, page, open an article, and save
screenshots (desktop and phone width).

Usage: browser_test.py INDEX_BIN SERVE_BIN SAMPLE_CORPUS SCREENSHOT_DIR
"""
import pathlib
import shutil
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from serve_util import Server  # noqa: E402


def browser():
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        sys.exit("browser_test: chromium and chromedriver are needed (scripts/setup.sh installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def main():
    index_bin, serve_bin, corpus, shots = sys.argv[1:5]
    shots = pathlib.Path(shots)
    shots.mkdir(parents=True, exist_ok=True)
    server = Server(index_bin, serve_bin, corpus)
    chrome = browser()
    wait = WebDriverWait(chrome, 20)
    summary = lambda: chrome.find_element(By.ID, "summary").text  # noqa: E731

    def click(css):
        # A popstate can render the same results twice; an element found in the first
        # rendering is then stale, so find it again until the click lands.
        def attempt(c):
            try:
                c.find_element(By.CSS_SELECTOR, css).click()
                return True
            except StaleElementReferenceException:
                return False
        wait.until(attempt)

    def retry_stale(step):
        # Same reason as click(): run a find-read-click step again on a fresh rendering.
        for _ in range(20):
            try:
                return step(chrome)
            except StaleElementReferenceException:
                time.sleep(0.1)
        return step(chrome)

    try:
        chrome.get(server.url + "/")
        wait.until(lambda c: "of 5" in summary())  # the landing page lists every article
        box = chrome.find_element(By.ID, "q")
        box.clear()
        box.send_keys("witkoff", Keys.ENTER)
        wait.until(lambda c: "q=witkoff" in c.current_url and "Articles 1–5 of 5" in summary())
        hits = chrome.find_elements(By.CSS_SELECTOR, "#hits > li")
        assert len(hits) == 5, f"{len(hits)} hits"
        marks = chrome.find_elements(By.CSS_SELECTOR, "#hits mark")
        assert marks and all(m.text.lower().startswith("witkoff") for m in marks), \
            [m.text for m in marks]
        # The publication-date histogram is shown (3 of the 5 articles are dated).
        assert chrome.find_element(By.ID, "histogram").get_attribute("hidden") is None
        bars = chrome.find_elements(By.CSS_SELECTOR, "#bars .bar")
        assert bars, "no histogram bars"
        # People over time: a row of bars per person under the histogram, as many bars as it.
        trends = chrome.find_elements(By.CSS_SELECTOR, "#trends .trend")
        assert trends, "no trends"
        assert len(trends[0].find_elements(By.CSS_SELECTOR, ".mini-bar")) == len(bars)

        # Click a person with fewer than all articles; the results narrow to them.
        def click_person(c):
            people = c.find_elements(By.CSS_SELECTOR, "ul[data-facet=person] button")
            assert people, "no person facet"
            target = next(b for b in people
                          if int(b.find_element(By.CLASS_NAME, "count").text) < 5)
            picked = (target.find_element(By.CLASS_NAME, "value").text,
                      int(target.find_element(By.CLASS_NAME, "count").text))
            target.click()
            return picked
        name, count = retry_stale(click_person)
        wait.until(lambda c: "person=" in c.current_url and f"of {count}" in summary())
        chips = [c.text for c in chrome.find_elements(By.CSS_SELECTOR, "#filters .chip")]
        assert any(name in chip for chip in chips), chips
        pressed = chrome.find_elements(By.CSS_SELECTOR,
                                       "ul[data-facet=person] button[aria-pressed=true]")
        assert [p.find_element(By.CLASS_NAME, "value").text for p in pressed] == [name]
        assert len(chrome.find_elements(By.CSS_SELECTOR, "#hits > li")) == count
        # Under a person filter: who is named in the same sentence, without that person.
        named = [n.text for n in chrome.find_elements(
            By.CSS_SELECTOR, "ul[data-facet=co_person] button .value")]
        assert named and name not in named, (name, named)
        chrome.save_screenshot(str(shots / "web-desktop.png"))

        # The back button returns to the unfiltered results.
        chrome.back()
        wait.until(lambda c: "Articles 1–5 of 5" in summary())

        # A histogram bar filters to its period: as many articles as its label says.
        def click_bar(c):
            bar = next(b for b in c.find_elements(By.CSS_SELECTOR, "#bars .bar")
                       if not b.get_attribute("aria-label").endswith(": 0 articles"))
            label = bar.get_attribute("aria-label")
            bar.click()
            return label
        label = retry_stale(click_bar)
        period, dated = label.split(": ")
        dated = int(dated.split()[0])
        assert dated < 5, label
        wait.until(lambda c: f"since={period}" in c.current_url and f"of {dated}" in summary())
        chrome.back()
        wait.until(lambda c: "Articles 1–5 of 5" in summary())

        # An article opens in a dialog with its entities.
        click("#hits .title-link")
        wait.until(lambda c: c.find_element(By.ID, "article").get_attribute("open") is not None)
        assert chrome.find_elements(By.CSS_SELECTOR, "#article-entities button")
        assert len(chrome.find_element(By.ID, "article-body").text) > 500
        opened = chrome.find_element(By.ID, "article-title").text
        # "More like this" ranks the other articles by likeness to this one.
        click("#more-like-this")
        wait.until(lambda c: "like=" in c.current_url and "Articles 1–" in summary())
        titles = [t.text for t in chrome.find_elements(By.CSS_SELECTOR, "#hits .title-link")]
        assert titles and opened not in titles, (opened, titles)
        chrome.back()
        wait.until(lambda c: "like=" not in c.current_url)
        click("#hits .title-link")
        wait.until(lambda c: c.find_element(By.ID, "article").get_attribute("open") is not None)
        click("#article .close")

        # "Same story once": the checkbox folds near-duplicates, kept in the address bar.
        click("#collapse")
        wait.until(lambda c: "collapse=1" in c.current_url and "Stories 1–5 of 5" in summary())
        assert "(5 articles)" in summary(), summary()
        chrome.refresh()
        wait.until(lambda c: "Stories 1–" in summary())
        assert chrome.find_element(By.ID, "collapse").is_selected()
        click("#collapse")
        wait.until(lambda c: "collapse=1" not in c.current_url and "Articles 1–5 of 5" in summary())

        # A misspelt word: "Did you mean" links to the spelling the articles use.
        box = chrome.find_element(By.ID, "q")
        box.clear()
        box.send_keys("kremllin", Keys.ENTER)
        wait.until(lambda c: c.find_elements(By.CSS_SELECTOR, "#suggestion a"))
        click("#suggestion a")
        wait.until(lambda c: c.find_element(By.ID, "q").get_attribute("value") == "kremlin")
        wait.until(lambda c: "Articles 1–" in summary())

        # A syntax error is shown, not thrown.
        box = chrome.find_element(By.ID, "q")
        box.clear()
        box.send_keys('"unclosed', Keys.ENTER)
        wait.until(lambda c: "closing" in summary())

        # Phone width: nothing wider than the screen.
        chrome.set_window_size(390, 844)
        chrome.get(server.url + "/?q=ukraine")
        wait.until(lambda c: "Articles 1–" in summary())
        overflow = chrome.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than a phone"
        chrome.save_screenshot(str(shots / "web-phone.png"))
    finally:
        chrome.quit()
        server.stop()
    print(f"browser_test: passed; screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

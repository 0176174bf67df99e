"""法律检索: instant results as the user types, the citation hit first and marked 精确引用, highlighted snippets, the
article view with its citations as links both ways."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import BrowserTestCase, fill, go, sign_in, sign_out, wait, wait_for_title


def hits(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#knowledge-results .law-hit")


class KnowledgeTests(BrowserTestCase):
    def test_citation_search_article_and_citing_links(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        go(driver, "#/knowledge")
        wait_for_title(driver, "法律检索")
        box = wait(driver, lambda d: d.find_elements(By.ID, "knowledge-q")).pop()
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, "label[for=knowledge-q]").get_attribute("textContent"), "检索词")

        # Typing is enough: results come without pressing Enter.
        box.send_keys("刑法第264条")
        first = wait(driver, lambda d: (hits(d) or [None])[0] if hits(d) and hits(d)[0].get_attribute("data-article") == "264" else None,
                     "刑法第264条 did not come first")
        self.assertEqual(first.get_attribute("data-match"), "citation")
        self.assertIn("第二百六十四条", first.text)
        self.assertIn("中华人民共和国刑法", first.text)
        self.assertEqual(first.find_element(By.CSS_SELECTOR, ".exact-tag").text, "精确引用")
        self.assertIn("侵犯财产罪", first.find_element(By.CSS_SELECTOR, ".heading-path").text)
        self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, "#knowledge-results .exact-tag")), 1, "more than one 精确引用")
        self.assertIn("q=", driver.execute_script("return location.hash"))

        # Words: the snippet marks them (built from the server's UTF-16 ranges).
        fill(box, "盗窃 数额较大")
        wait(driver, lambda d: hits(d) and hits(d)[0].get_attribute("data-match") != "citation", "word search did not replace the results")
        marks = [m.text for m in hits(driver)[0].find_elements(By.CSS_SELECTOR, "mark")]
        self.assertIn("盗窃", marks)
        self.assertIn("数额较大", marks)
        # The validity filter narrows (nothing in the shipped laws is expired) and says so.
        Select(driver.find_element(By.ID, "knowledge-validity")).select_by_value("expired")
        wait(driver, lambda d: "没有找到" in d.find_element(By.ID, "knowledge-results").text, "expired filter not applied")
        Select(driver.find_element(By.ID, "knowledge-validity")).select_by_value("")
        fill(box, "刑法第264条")
        first = wait(driver, lambda d: hits(d)[0] if hits(d) and hits(d)[0].get_attribute("data-match") == "citation" else None)

        # The article view: full text, and the articles citing it.
        first.find_element(By.CSS_SELECTOR, "a.law-hit-link").click()
        wait_for_title(driver, "刑法 第二百六十四条")
        text = driver.find_element(By.ID, "law-article-text").text
        self.assertIn("盗窃公私财物，数额较大的", text)
        cited_by = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#law-cited-by li.law-ref"), "no 被引用 list")
        self.assertIn("被引用（", driver.find_element(By.ID, "cited-by-title").text)
        citing = next(li for li in cited_by if li.get_attribute("data-article") == "253")

        # Follow a citing article (刑法第二百五十三条), whose text cites 第二百六十四条 as a link back.
        citing.find_element(By.CSS_SELECTOR, "a.law-ref-link").click()
        wait_for_title(driver, "刑法 第二百五十三条")
        link = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#law-article-text a.citation-link"), "citation not linked in the text").pop()
        self.assertEqual(link.text, "第二百六十四条")
        self.assertEqual(link.get_attribute("data-article"), "264")
        cites = driver.find_elements(By.CSS_SELECTOR, "#law-cites li.law-ref")
        self.assertEqual([li.get_attribute("data-article") for li in cites], ["264"])
        link.click()
        wait_for_title(driver, "刑法 第二百六十四条")

        # Back to the results as they were.
        driver.find_element(By.PARTIAL_LINK_TEXT, "返回检索结果").click()
        wait_for_title(driver, "法律检索")
        try:
            wait(driver, lambda d: d.find_element(By.ID, "knowledge-q").get_attribute("value") == "刑法第264条")
        except Exception:
            self.fail(f"search box holds {driver.find_element(By.ID, 'knowledge-q').get_attribute('value')!r} at {driver.current_url}")
        wait(driver, lambda d: hits(d), "results not shown again")
        sign_out(driver)

    def test_unknown_article_and_empty_results(self):
        driver = self.driver
        sign_in(driver, "clerk")
        go(driver, "#/knowledge/path-7cc7ee275489f141542d95eab1d97bbc/9999")
        wait(driver, lambda d: "没有找到该法条" in d.find_element(By.CSS_SELECTOR, "main").text)
        go(driver, "#/knowledge?q=" + "量子纠缠")
        wait(driver, lambda d: "没有找到与" in d.find_element(By.ID, "knowledge-results").text, "no empty state")
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

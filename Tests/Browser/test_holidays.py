"""节假日设置: the administrator sees the 2026 arrangement with its source, enters a new year, and the server's
objection (a 调休 day that is a weekday anyway) is shown next to the working days."""
import datetime
import random
import unittest

from selenium.webdriver.common.by import By

from support import (BrowserTestCase, api, fill, go, open_dialog, set_value, sign_in, sign_out, wait, wait_dialog_closed,
                     wait_for_title, wait_toast)


class HolidayTests(BrowserTestCase):
    def test_enter_a_year_and_see_the_servers_objection(self):
        driver = self.driver
        sign_in(driver, "admin")
        go(driver, "#/admin/holidays")
        wait_for_title(driver, "节假日设置")
        card = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".holiday-year[data-year='2026']"), "2026 not shown").pop()
        self.assertIn("国务院办公厅关于2026年部分节假日安排的通知", card.text)
        self.assertIn("春节", card.text)
        self.assertIn("2026-02-14", card.text)  # a 调休 working day

        status, answer = api(driver, "GET", "/api/holidays")
        taken = {item["year"] for item in answer["items"]}
        year = random.choice([y for y in range(2060, 2100) if y not in taken])
        monday = next(datetime.date(year, 1, d) for d in range(1, 8) if datetime.date(year, 1, d).weekday() == 0)

        driver.find_element(By.ID, "add-holiday-year").click()
        dialog = open_dialog(driver)
        fill(driver.find_element(By.ID, "holiday-year"), str(year))
        driver.find_element(By.ID, "holiday-add").click()
        name, first, last = dialog.find_elements(By.CSS_SELECTOR, "input[data-row='0']")
        self.assertEqual(driver.switch_to.active_element, name, "focus not in the new row")
        fill(name, "元旦")
        set_value(driver, first, f"{year}-01-01")
        set_value(driver, last, f"{year}-01-01")
        driver.find_element(By.ID, "working-day-add").click()
        set_value(driver, dialog.find_element(By.CSS_SELECTOR, "input[data-key='date']"), monday.isoformat())
        # 依据 is required (checked here before sending).
        driver.find_element(By.ID, "holiday-submit").click()
        self.assertIn("请填写依据", dialog.text)
        fill(driver.find_element(By.ID, "holiday-source"), f"国务院办公厅关于{year}年部分节假日安排的通知（测试）")
        driver.find_element(By.ID, "holiday-submit").click()
        error = wait(driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, "dialog[open] .rows-field .field-error")
                                             if e.is_displayed()), None), "server objection not shown")
        self.assertIn("本来就是工作日", error.text)
        self.assertIn("调休上班日", error.find_element(By.XPATH, "..").text)

        # Without the wrong 调休 day the year is saved.
        button = next(b for b in dialog.find_elements(By.CSS_SELECTOR, "button") if (b.get_attribute("aria-label") or "").startswith("删除调休上班日"))
        button.click()
        driver.find_element(By.ID, "holiday-submit").click()
        wait_dialog_closed(driver)
        wait_toast(driver, f"已保存 {year} 年节假日安排")
        card = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".holiday-year[data-year='{year}']"), "new year not listed").pop()
        self.assertIn("元旦", card.text)
        self.assertIn("无调休上班日", card.text)
        status, answer = api(driver, "GET", "/api/holidays")
        saved = next(item for item in answer["items"] if item["year"] == year)
        self.assertEqual(saved["holidays"], [{"name": "元旦", "first": f"{year}-01-01", "last": f"{year}-01-01"}])
        sign_out(driver)

    def test_holidays_need_calendar_manage(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        go(driver, "#/admin/holidays")
        wait(driver, lambda d: d.find_elements(By.XPATH, "//*[contains(@class,'state-title')][text()='无权访问此页面']"), "prosecutor reached 节假日设置")
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

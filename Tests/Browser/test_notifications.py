"""The bell: deadline reminders for the prosecutor (sent at server start), a new one arriving live over the event
stream without disturbing what the user is typing, the dropdown linking to the case, 标为已读 and 全部已读."""
import unittest

from selenium.webdriver.common.by import By

from support import (BrowserTestCase, api, create_due_soon_case, go, sign_in, sign_out, unique, wait, wait_for_title,
                     wait_toast)


def badge_count(driver):
    """The number on the bell, 0 when the badge is hidden."""
    return driver.execute_script("""
        const badge = document.querySelector('#notifications-button .badge');
        return badge && !badge.hidden ? Number(badge.textContent.replace('+', '')) : 0;
    """)


class NotificationTests(BrowserTestCase):
    def test_deadline_reminders_live_update_and_read_all(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        status, inbox = api(driver, "GET", "/api/notifications")
        self.assertEqual(status, 200)
        self.assertTrue(any(n["kind"] == "deadline" for n in inbox["items"]), "no deadline reminder for the prosecutor")
        wait(driver, lambda d: badge_count(d) == inbox["unread"], f"bell does not show {inbox['unread']} unread")
        bell = driver.find_element(By.ID, "notifications-button")
        self.assertEqual(bell.get_attribute("aria-label"), f"通知，{inbox['unread']} 条未读")

        # The user is typing in 法律检索 when a new reminder arrives: the bell counts it, the text box keeps its text and focus.
        go(driver, "#/knowledge")
        wait_for_title(driver, "法律检索")
        box = wait(driver, lambda d: d.find_elements(By.ID, "knowledge-q")).pop()
        box.click()
        box.send_keys("取保候审")
        before = badge_count(driver)
        name = f"孙{unique('')[:6]}盗窃案"
        # 审查逮捕 of a detained suspect due in two days: the team is reminded as soon as the detention is entered.
        created = create_due_soon_case(driver, name)
        self.assertEqual([(d["kind"], d["status"], d["daysLeft"]) for d in created["deadlines"]], [("arrestReview", "dueSoon", 2)])
        wait(driver, lambda d: badge_count(d) >= before + 1, "the new reminder did not reach the bell without reloading")
        self.assertEqual(driver.find_element(By.ID, "knowledge-q").get_attribute("value"), "取保候审")
        self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "knowledge-q", "the live update took the focus")

        # The dropdown lists it first, linking to the case.
        driver.find_element(By.ID, "notifications-button").click()
        panel = wait(driver, lambda d: d.find_element(By.ID, "notifications") if d.find_element(By.ID, "notifications").is_displayed() else None)
        item = wait(driver, lambda d: next((li for li in d.find_elements(By.CSS_SELECTOR, "#notifications li.notice") if name in li.text), None),
                    "new reminder not in the dropdown")
        self.assertIn("unread", item.get_attribute("class"))
        self.assertEqual(item.get_attribute("data-kind"), "deadline")
        self.assertIn("notice-warning", item.get_attribute("class"))
        self.assertIn("审查逮捕期限", item.text)
        link = item.find_element(By.CSS_SELECTOR, "a.notice-title")
        self.assertTrue(link.get_attribute("href").endswith(f"#/cases/{created['summary']['id']}"))
        deadline_items = [li for li in panel.find_elements(By.CSS_SELECTOR, "li.notice") if li.get_attribute("data-kind") == "deadline"]
        self.assertTrue(deadline_items)

        # 标为已读 on one item, then following its link opens the case.
        count = badge_count(driver)
        item.find_element(By.CSS_SELECTOR, ".notice-read").click()
        wait(driver, lambda d: badge_count(d) == count - 1, "标为已读 did not lower the count")
        link = wait(driver, lambda d: next((li for li in d.find_elements(By.CSS_SELECTOR, "#notifications li.notice") if name in li.text), None))
        self.assertNotIn("unread", link.get_attribute("class"))
        link.find_element(By.CSS_SELECTOR, "a.notice-title").click()
        wait_for_title(driver, name)
        self.assertFalse(driver.find_element(By.ID, "notifications").is_displayed(), "dropdown stayed open")

        # 全部已读 clears the count, here and on the server.
        if badge_count(driver) == 0:  # a rerun on the same server may have nothing unread left; add one reminder
            create_due_soon_case(driver, f"周{unique('')[:6]}盗窃案")
            wait(driver, lambda d: badge_count(d) > 0)
        driver.find_element(By.ID, "notifications-button").click()
        read_all = wait(driver, lambda d: d.find_element(By.ID, "notifications-read-all") if d.find_element(By.ID, "notifications-read-all").is_displayed() else None)
        read_all.click()
        wait_toast(driver, "全部通知标为已读")
        wait(driver, lambda d: badge_count(d) == 0, "全部已读 left a count on the bell")
        self.assertEqual(driver.find_element(By.ID, "notifications-button").get_attribute("aria-label"), "通知，0 条未读")
        self.assertFalse(driver.find_elements(By.CSS_SELECTOR, "#notifications li.notice.unread"))
        status, inbox = api(driver, "GET", "/api/notifications")
        self.assertEqual(inbox["unread"], 0)
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

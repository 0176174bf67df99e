"""用户管理: the administrator creates a user through the dialog and finds them in the list, 身份证号 masked."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from support import BrowserTestCase, api, citizen_id, fill, sign_in, sign_out, unique, wait, wait_for_title


class UserManagementTests(BrowserTestCase):
    def test_create_user_through_dialog_and_find_in_list(self):
        driver = self.driver
        sign_in(driver, "admin")
        driver.execute_script("location.hash = '#/admin/users'")
        wait_for_title(driver, "用户管理")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr[data-user-id]"), "user list empty")

        driver.find_element(By.ID, "create-user").click()
        dialog = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]")).pop()
        self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "new-username", "focus not in the dialog")

        # Submitting empty shows required-field errors next to the fields and sends nothing.
        driver.find_element(By.ID, "create-user-submit").click()
        self.assertEqual(driver.find_element(By.ID, "new-username").get_attribute("aria-invalid"), "true")
        self.assertIn("请填写用户名", dialog.text)

        # A bad 身份证号 is caught on blur.
        fill(driver.find_element(By.ID, "new-citizen-id"), "320106199003071230")
        driver.find_element(By.ID, "new-phone").click()
        self.assertIn("校验位不正确", dialog.text)

        username = unique("zhang.")
        number = citizen_id(birth="19880512", sequence="358")
        fill(driver.find_element(By.ID, "new-username"), username)
        fill(driver.find_element(By.ID, "new-display-name"), "张测试")
        fill(driver.find_element(By.ID, "new-password"), "Secure#2026x")
        fill(driver.find_element(By.ID, "new-citizen-id"), number)
        fill(driver.find_element(By.ID, "new-phone"), "13912345678")
        organisation = Select(driver.find_element(By.ID, "new-organisation"))
        wait(driver, lambda d: len(organisation.options) > 1, "organisations did not load")
        basic = next(o for o in organisation.options if "鼓楼区人民检察院" in o.text)
        organisation.select_by_value(basic.get_attribute("value"))
        Select(driver.find_element(By.ID, "new-role")).select_by_value("clerk")
        driver.find_element(By.ID, "create-user-submit").click()

        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"), "dialog stayed open")
        toast = wait(driver, lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".toast") if "已创建用户" in t.text), None))
        self.assertIn("张测试", toast.text)

        # Find the new user with the search box.
        search = driver.find_element(By.ID, "user-search")
        fill(search, username)
        search.send_keys(Keys.ENTER)
        row = wait(driver, lambda d: next((r for r in d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr[data-username]")
                                           if r.get_attribute("data-username") == username), None), "new user not in list")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr[data-username]")) == 1)
        self.assertIn("共 1 条", driver.find_element(By.CSS_SELECTOR, ".pagination").text)
        masked = row.find_element(By.CSS_SELECTOR, "td.citizen-id").text
        self.assertNotEqual(masked, number)
        self.assertNotIn(number, driver.find_element(By.ID, "users-table").text)
        self.assertTrue(masked.startswith(number[:4]) and masked.endswith(number[-4:]) and "*" in masked, masked)
        self.assertIn("书记员", row.text)

        # The detail page reveals the full number on an audited click.
        row.find_element(By.LINK_TEXT, username).click()
        wait_for_title(driver, "张测试")
        self.assertEqual(driver.find_element(By.ID, "citizen-id-value").text, masked)
        driver.find_element(By.ID, "reveal-citizen-id").click()
        wait(driver, lambda d: d.find_element(By.ID, "citizen-id-value").text == number, "full number not revealed")
        sign_out(driver)

        # The auditor sees the reveal in the audit log.
        sign_in(driver, "auditor")
        status, events = api(driver, "GET", "/api/audit-events?action=user.revealCitizenId&pageSize=5")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(events["total"], 1)
        driver.execute_script("location.hash = '#/admin/audit'")
        wait_for_title(driver, "审计日志")
        wait(driver, lambda d: "查看完整身份证号" in d.find_element(By.ID, "audit-table").text, "reveal not in audit log")
        sign_out(driver)

    def test_dialog_keeps_focus_and_closes_on_escape(self):
        driver = self.driver
        sign_in(driver, "admin")
        driver.execute_script("location.hash = '#/admin/users'")
        wait_for_title(driver, "用户管理")
        opener = wait(driver, lambda d: d.find_elements(By.ID, "create-user")).pop()
        opener.click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))
        # Tab through more controls than the dialog has: focus never leaves it.
        for _ in range(14):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            self.assertTrue(driver.execute_script("return !!document.activeElement.closest('dialog[open]')"), "focus left the dialog")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"), "Escape did not close the dialog")
        self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "create-user", "focus did not return to the opener")
        sign_out(driver)

    def test_filters_and_empty_state(self):
        driver = self.driver
        sign_in(driver, "admin")
        driver.execute_script("location.hash = '#/admin/users'")
        wait_for_title(driver, "用户管理")
        search = wait(driver, lambda d: d.find_elements(By.ID, "user-search")).pop()
        fill(search, "没有这个人")
        search.send_keys(Keys.ENTER)
        wait(driver, lambda d: "没有符合条件的用户" in d.find_element(By.ID, "users-table").text, "no empty state")
        driver.find_element(By.ID, "user-filter-reset").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr[data-user-id]"), "reset did not reload")
        Select(driver.find_element(By.ID, "user-filter-role")).select_by_value("judge")
        wait(driver, lambda d: [r.get_attribute("data-username") for r in d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr[data-username]")] == ["judge"],
             "role filter did not narrow the list to the judge")
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

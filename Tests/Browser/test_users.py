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

    def test_row_and_detail_actions(self):
        """停用/启用, 重置密码, 强制下线, edit, add and remove a membership; the user then changes their own password."""
        driver = self.driver
        username = unique("li.")
        sign_in(driver, "admin")
        status, organisations = api(driver, "GET", "/api/organisations")
        basic = next(o for o in organisations["items"] if o["kind"] == "procuratorate" and o["level"] == "basic")
        department = next(o for o in organisations["items"] if o["kind"] == "department")
        status, user = api(driver, "POST", "/api/users", {
            "username": username, "displayName": "李操作", "password": "Start#2026a",
            "memberships": [{"organisationId": basic["id"], "role": "prosecutor"}],
        })
        self.assertEqual(status, 201, user)

        def confirm(button_text):
            dialog = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]")).pop()
            next(b for b in dialog.find_elements(By.CSS_SELECTOR, ".dialog-footer button") if b.text == button_text).click()
            wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"), f"{button_text} dialog stayed open")

        def toast_with(text):
            wait(driver, lambda d: any(text in t.text for t in d.find_elements(By.CSS_SELECTOR, ".toast")), f"no toast {text!r}")

        driver.execute_script("location.hash = arguments[0]", f"#/admin/users/{user['id']}")
        wait_for_title(driver, "李操作")

        # 停用 asks first, then the status changes; 启用 brings it back.
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".card-header .btn") if b.text == "停用").click()
        confirm("停用")
        wait(driver, lambda d: "已停用" in d.find_element(By.CSS_SELECTOR, ".profile-meta").text)
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".card-header .btn") if b.text == "启用").click()
        wait(driver, lambda d: "正常" in d.find_element(By.CSS_SELECTOR, ".profile-meta").text)

        # 编辑: name and phone.
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".card-header .btn") if b.text == "编辑").click()
        wait(driver, lambda d: d.find_elements(By.ID, "edit-display-name"))
        fill(driver.find_element(By.ID, "edit-display-name"), "李改名")
        fill(driver.find_element(By.ID, "edit-phone"), "025-83451234")
        confirm("保存")
        wait_for_title(driver, "李改名")
        self.assertRegex(driver.find_element(By.CSS_SELECTOR, ".descriptions").text, r"025\*+1234")  # masked

        # 添加任职 then 移除 it.
        Select(driver.find_element(By.ID, "membership-organisation")).select_by_value(department["id"])
        Select(driver.find_element(By.ID, "membership-role")).select_by_value("clerk")
        driver.find_element(By.ID, "add-membership").click()
        wait(driver, lambda d: "任职（2）" in d.find_element(By.ID, "memberships-title").text, "membership not added")
        remove = next(b for b in driver.find_elements(By.CSS_SELECTOR, "button.btn-link.danger[aria-label]") if "书记员" in b.get_attribute("aria-label"))
        remove.click()
        confirm("移除")
        wait(driver, lambda d: "任职（1）" in d.find_element(By.ID, "memberships-title").text, "membership not removed")

        # 重置密码 (validated like the server: three classes) and 强制下线.
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".card-header .btn") if "重置密码" in b.text).click()
        dialog = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]")).pop()
        fields = dialog.find_elements(By.CSS_SELECTOR, "input[type=password]")
        fill(fields[0], "weakpass")
        fill(fields[1], "weakpass")
        next(b for b in dialog.find_elements(By.CSS_SELECTOR, ".dialog-footer button") if b.text == "重置密码").click()
        self.assertIn("至少三类", dialog.text)
        fill(fields[0], "Reset#2026b")
        fill(fields[1], "Reset#2026b")
        confirm("重置密码")
        toast_with("已重置")
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".card-header .btn") if "强制下线" in b.text).click()
        confirm("强制下线")
        toast_with("下线")
        sign_out(driver)

        # The user signs in with the reset password and changes it in 个人设置.
        sign_in(driver, username, "Reset#2026b")
        driver.execute_script("location.hash = '#/settings'")
        wait_for_title(driver, "个人设置")
        fill(driver.find_element(By.ID, "current-password"), "Wrong#2026c")
        fill(driver.find_element(By.ID, "new-password"), "Mine#2026d")
        fill(driver.find_element(By.ID, "confirm-password"), "Mine#2026d")
        driver.find_element(By.ID, "change-password").click()
        wait(driver, lambda d: d.find_element(By.ID, "current-password").get_attribute("aria-invalid") == "true",
             "wrong current password not shown at the field")
        fill(driver.find_element(By.ID, "current-password"), "Reset#2026b")
        driver.find_element(By.ID, "change-password").click()
        toast_with("密码已修改")
        sign_out(driver)
        sign_in(driver, username, "Mine#2026d")
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

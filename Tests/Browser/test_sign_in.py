"""Sign-in errors are shown on the form; a session that ends sends the user back to sign-in with a notice."""
import unittest

from selenium.webdriver.common.by import By

from support import BrowserTestCase, api, on_sign_in_page, open_app, sign_in, submit_credentials, wait, wait_for_title


class SignInTests(BrowserTestCase):
    def test_wrong_password_is_refused_on_the_form(self):
        open_app(self.driver, "#/sign-in")
        submit_credentials(self.driver, "clerk", "NotThePassword1!")
        alert = wait(self.driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, ".sign-in-panel .alert-error")
                                                  if e.is_displayed() and e.text), None), "no error shown")
        self.assertIn("用户名或密码不正确", alert.text)
        self.assertTrue(on_sign_in_page(self.driver))
        status, _ = api(self.driver, "GET", "/api/auth/session")
        self.assertEqual(status, 401)
        # The button is usable again for the next try.
        self.assertTrue(self.driver.find_element(By.ID, "sign-in-submit").is_enabled())

    def test_empty_fields_are_flagged_before_sending(self):
        open_app(self.driver, "#/sign-in")
        # The form appears once the app has asked the server whether a session exists: wait for it, not for the shell.
        submit = wait(self.driver, lambda d: d.find_elements(By.ID, "sign-in-submit"), "sign-in form missing")[0]
        submit.click()
        username = self.driver.find_element(By.ID, "username")
        self.assertEqual(username.get_attribute("aria-invalid"), "true")
        self.assertIn("请输入用户名", self.driver.find_element(By.CSS_SELECTOR, ".sign-in-panel").text)

    def test_session_ended_elsewhere_returns_to_sign_in_with_notice(self):
        sign_in(self.driver, "deputy")
        # End the session behind the page's back, then navigate: the page's next request gets 401.
        status, _ = api(self.driver, "POST", "/api/auth/sign-out", {})
        self.assertEqual(status, 204)
        self.driver.execute_script("location.hash = '#/admin/users'")
        wait(self.driver, on_sign_in_page, "401 did not return to sign-in")
        notice = wait(self.driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, ".sign-in-panel .alert")
                                                   if e.is_displayed() and e.text), None), "no expiry notice")
        self.assertIn("登录已过期，请重新登录。", notice.text)
        # Signing in again goes back to where the user was going.
        submit_credentials(self.driver, "deputy")
        wait_for_title(self.driver, "用户管理")


if __name__ == "__main__":
    unittest.main()

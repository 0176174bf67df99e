"""Each demo role signs in, sees exactly the navigation its permissions allow, and signs out for good."""
import unittest

from selenium.webdriver.common.by import By

from support import EXPECTED_NAVIGATION, BrowserTestCase, api, navigation, on_sign_in_page, open_app, sign_in, sign_out, wait


class NavigationByRoleTests(BrowserTestCase):
    def test_each_role_sees_its_navigation_and_signs_out(self):
        for username, expected in EXPECTED_NAVIGATION.items():
            with self.subTest(role=username):
                sign_in(self.driver, username)
                self.assertEqual(navigation(self.driver), expected)
                # The session the page holds agrees with what the server says.
                status, session = api(self.driver, "GET", "/api/auth/session")
                self.assertEqual(status, 200)
                self.assertEqual(session["user"]["username"], username)
                # Every navigation link leads to a page that exists (no 页面不存在 / 无权访问).
                for link in [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "#sidenav a.nav-link")]:
                    self.driver.execute_script("location.hash = arguments[0]", link.split("#", 1)[1])
                    wait(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
                    self.assertFalse(self.driver.find_elements(By.XPATH, "//*[contains(@class,'state-title')][text()='页面不存在' or text()='无权访问此页面']"),
                                     f"{username}: {link} shows an error page")
                self.driver.execute_script("location.hash = '#/'")
                # The terminal's page has its own frame; the user menu returns with the internal one.
                wait(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".user-button"), f"{username}: no user menu on 工作台")
                sign_out(self.driver)
                self.assertTrue(on_sign_in_page(self.driver))
                status, _ = api(self.driver, "GET", "/api/auth/session")
                self.assertEqual(status, 401, f"{username}: session still alive after sign-out")
                # Reloading does not bring the user back in.
                open_app(self.driver, "#/")
                wait(self.driver, on_sign_in_page, "reload after sign-out did not stay on sign-in")

    def test_page_outside_the_roles_permissions_is_refused(self):
        sign_in(self.driver, "prosecutor")
        self.driver.execute_script("location.hash = '#/admin/users'")
        wait(self.driver, lambda d: d.find_elements(By.XPATH, "//*[contains(@class,'state-title')][text()='无权访问此页面']"),
             "prosecutor reached 用户管理")
        sign_out(self.driver)


if __name__ == "__main__":
    unittest.main()

"""Screenshots of each main page at 1366×768 and 390×844, written to a folder and checked not to be blank."""
import os
import unittest

from selenium.webdriver.common.by import By

from support import (DESKTOP, PHONE, BrowserTestCase, open_app, png_colours, screenshot_dir, set_viewport, sign_in,
                     sign_out, wait, wait_for_title)

# (who, hash, page title, file name); who None = signed out.
PAGES = [
    (None, "#/sign-in", "登录检务云", "sign-in"),
    ("admin", "#/", "工作台", "dashboard"),
    ("admin", "#/admin/users", "用户管理", "users"),
    ("admin", "#/admin/organisations", "组织机构", "organisations"),
    ("admin", "#/settings", "个人设置", "settings"),
    ("auditor", "#/admin/audit", "审计日志", "audit"),
    ("admin", "#/status", "系统状态", "status"),
]


def content_loaded(driver):
    """The page has rendered its data: no skeletons, no busy tables, no spinners left."""
    return driver.execute_script("""
        return !document.querySelector('.skeleton, [aria-busy="true"], main .spinner, .boot');
    """)


class ScreenshotTests(BrowserTestCase):
    def test_main_pages_render_at_desktop_and_phone_sizes(self):
        folder = screenshot_dir()
        driver = self.driver
        signed_in_as = None
        for who, hash_path, title, name in PAGES:
            if who != signed_in_as:
                set_viewport(driver, DESKTOP)
                if signed_in_as:
                    open_app(driver, "#/")
                    sign_out(driver)
                if who:
                    sign_in(driver, who)
                signed_in_as = who
            for size in (DESKTOP, PHONE):
                with self.subTest(page=name, size=size):
                    set_viewport(driver, size)
                    open_app(driver, hash_path)
                    if who is None:
                        wait(driver, lambda d: d.find_elements(By.ID, "sign-in-title"))
                    else:
                        wait_for_title(driver, title)
                    wait(driver, content_loaded, f"{name} did not finish loading")
                    # The page fits the viewport's width: nothing forces horizontal scrolling of the whole page.
                    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                    self.assertLessEqual(overflow, 1, f"{name} at {size[0]} px scrolls sideways by {overflow} px")
                    path = os.path.join(folder, f"{name}-{size[0]}x{size[1]}.png")
                    png = driver.get_screenshot_as_png()
                    with open(path, "wb") as file:
                        file.write(png)
                    self.assertGreater(png_colours(png), 8, f"{path} looks blank")
        set_viewport(driver, DESKTOP)
        if signed_in_as:
            open_app(driver, "#/")
            sign_out(driver)
        print(f"\nscreenshots: {folder}")

    def test_phone_navigation_is_a_drawer(self):
        driver = self.driver
        sign_in(driver, "admin")
        set_viewport(driver, PHONE)
        open_app(driver, "#/")
        wait_for_title(driver, "工作台")
        nav = driver.find_element(By.ID, "sidenav")
        self.assertFalse(nav.is_displayed(), "navigation visible before opening the drawer")
        toggle = driver.find_element(By.CSS_SELECTOR, ".nav-toggle")
        self.assertEqual(toggle.get_attribute("aria-expanded"), "false")
        toggle.click()
        wait(driver, lambda d: d.find_element(By.ID, "sidenav").is_displayed(), "drawer did not open")
        self.assertEqual(toggle.get_attribute("aria-expanded"), "true")
        link = wait(driver, lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, "#sidenav a.nav-link")
                                            if a.text == "用户管理" and a.is_displayed()), None))
        link.click()
        wait_for_title(driver, "用户管理")
        wait(driver, lambda d: not d.find_element(By.ID, "sidenav").is_displayed(), "drawer stayed open after navigating")
        set_viewport(driver, DESKTOP)
        open_app(driver, "#/")
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

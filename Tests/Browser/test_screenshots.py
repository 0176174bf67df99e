"""Screenshots of each main page at 1366×768 and 390×844, written to a folder and checked not to be blank."""
import os
import unittest

from selenium.webdriver.common.by import By

from support import (DESKTOP, PHONE, BrowserTestCase, api, minimal_pdf, open_app, png_colours, screenshot_dir, set_viewport,
                     sign_in, sign_out, wait, wait_for_title)


def urgent_case(driver):
    """The most overdue case the prosecutor handles, with a PDF in its dossier (uploaded once)."""
    status, answer = api(driver, "GET", "/api/cases?deadline=attention&pageSize=1")
    assert status == 200 and answer["items"], answer
    case = answer["items"][0]
    status, files = api(driver, "GET", f"/api/cases/{case['id']}/files")
    if not files["items"]:
        status = driver.execute_async_script("""
            const [url, bytes, done] = arguments;
            fetch('/api/auth/session').then((r) => r.json()).then((session) => fetch(url, {
              method: 'POST', headers: { 'Content-Type': 'application/pdf', 'X-CSRF-Token': session.csrfToken },
              body: new Uint8Array(bytes),
            })).then((r) => done(r.status)).catch((e) => done(String(e)));
        """, f"/api/cases/{case['id']}/files?title=%E6%8F%90%E8%AF%B7%E6%89%B9%E5%87%86%E9%80%AE%E6%8D%95%E4%B9%A6&volume=1",
            list(minimal_pdf("Jianwu")))
        assert status == 201, status
    return case


def case_page(tab=""):
    def resolve(driver):
        case = urgent_case(driver)
        return f"#/cases/{case['id']}{f'?tab={tab}' if tab else ''}", case["name"]
    return resolve


def lawyer_case(driver):
    status, answer = api(driver, "GET", "/api/cases?pageSize=1")
    return f"#/cases/{answer['items'][0]['id']}", answer["items"][0]["name"]


def click(selector, then):
    """A preparation step: click `selector`, then wait until the CSS selector `then` matches a displayed element."""
    def prepare(driver):
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, selector)).pop().click()
        wait(driver, lambda d: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, then)), f"{then} not shown")
    return prepare


def preview_first_file(driver):
    click("#dossier-list .file-preview-button", "#file-preview .pdf-card, #file-preview img, #file-preview iframe")(driver)


# (who, hash or function(driver) → (hash, title), page title, file name, preparation); who None = signed out.
PAGES = [
    (None, "#/sign-in", "登录检务云", "sign-in", None),
    ("admin", "#/", "工作台", "dashboard", None),
    ("admin", "#/admin/users", "用户管理", "users", None),
    ("admin", "#/admin/organisations", "组织机构", "organisations", None),
    ("admin", "#/settings", "个人设置", "settings", None),
    ("admin", "#/admin/holidays", "节假日设置", "holidays", None),
    ("auditor", "#/admin/audit", "审计日志", "audit", None),
    ("admin", "#/status", "系统状态", "status", None),
    ("prosecutor", "#/", "工作台", "dashboard-prosecutor", None),
    ("prosecutor", "#/cases", "案件列表", "cases", None),
    ("prosecutor", "#/cases", "案件列表", "case-create", click("#create-case", "dialog[open] #case-charges")),
    ("prosecutor", "#/cases/attention", "临期/超期", "case-attention", None),
    ("prosecutor", case_page(), None, "case", None),
    ("prosecutor", case_page("deadlines"), None, "case-deadlines", None),
    ("prosecutor", case_page("persons"), None, "case-persons", None),
    ("prosecutor", case_page("files"), None, "case-files", preview_first_file),
    ("prosecutor", case_page("timeline"), None, "case-timeline", None),
    ("prosecutor", case_page("assistant"), None, "case-assistant", click("#assist-run", "#assist-recommendation")),
    ("prosecutor", "#/", "工作台", "notifications", click("#notifications-button", "#notifications li.notice, #notifications .state")),
    ("prosecutor", "#/knowledge?q=%E7%9B%97%E7%AA%83%20%E6%95%B0%E9%A2%9D%E8%BE%83%E5%A4%A7", "法律检索", "knowledge", None),
    ("prosecutor", "#/knowledge/path-7cc7ee275489f141542d95eab1d97bbc/264", "刑法 第二百六十四条", "law-article", None),
    ("lawyer", lawyer_case, None, "case-lawyer", None),
]


def content_loaded(driver):
    """The page has rendered its data: no skeletons, no busy tables, no spinners left."""
    return driver.execute_script("""
        const body = document.querySelector('main .page-body, main.public-main');
        return Boolean(body && body.childElementCount)
          && !document.querySelector('.skeleton, [aria-busy="true"], main .spinner, .boot, .popover:not([hidden]) .spinner');
    """)


class ScreenshotTests(BrowserTestCase):
    def test_main_pages_render_at_desktop_and_phone_sizes(self):
        folder = screenshot_dir()
        driver = self.driver
        signed_in_as = None
        for who, target, title, name, prepare in PAGES:
            if who != signed_in_as:
                set_viewport(driver, DESKTOP)
                if signed_in_as:
                    open_app(driver, "#/")
                    sign_out(driver)
                if who:
                    sign_in(driver, who)
                signed_in_as = who
            hash_path = target
            if callable(target):
                hash_path, title = target(driver)
            for size in (DESKTOP, PHONE):
                with self.subTest(page=name, size=size):
                    set_viewport(driver, size)
                    open_app(driver, hash_path)
                    if who is None:
                        wait(driver, lambda d: d.find_elements(By.ID, "sign-in-title"))
                    else:
                        wait_for_title(driver, title)
                    wait(driver, content_loaded, f"{name} did not finish loading")
                    if prepare:
                        prepare(driver)
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

"""组织机构: the administrator creates a department with a TOTP-required role and finds it in the tree."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import BrowserTestCase, api, fill, sign_in, sign_out, unique, wait, wait_for_title


class OrganisationTests(BrowserTestCase):
    def test_create_department_with_totp_role(self):
        driver = self.driver
        sign_in(driver, "admin")
        driver.execute_script("location.hash = '#/admin/organisations'")
        wait_for_title(driver, "组织机构")
        parent_button = wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, ".org-label")
                                                     if b.text.startswith("南京市鼓楼区人民检察院")), None), "鼓楼区院 not in the tree")
        parent_button.click()
        wait(driver, lambda d: d.find_element(By.ID, "org-detail-title").text == "南京市鼓楼区人民检察院")
        next(b for b in driver.find_elements(By.CSS_SELECTOR, ".org-detail button") if "新建下级机构" in b.text).click()
        dialog = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]")).pop()
        # The parent is preselected and the kind defaults to 内设部门 under a procuratorate.
        self.assertEqual(Select(driver.find_element(By.ID, "org-kind")).first_selected_option.text, "内设部门")
        self.assertIn("南京市鼓楼区人民检察院", Select(driver.find_element(By.ID, "org-parent")).first_selected_option.text)
        name = unique("第九检察部")
        fill(driver.find_element(By.ID, "org-name"), name)
        next(label for label in dialog.find_elements(By.CSS_SELECTOR, ".checkbox") if label.text == "检察官").click()
        driver.find_element(By.ID, "org-submit").click()
        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"), "dialog stayed open")
        wait(driver, lambda d: d.find_element(By.ID, "org-detail-title").text == name, "new organisation not selected")
        detail = driver.find_element(By.CSS_SELECTOR, ".org-detail").text
        self.assertIn("内设部门", detail)
        self.assertIn("检察官", detail)
        self.assertTrue(any(b.text.startswith(name) for b in driver.find_elements(By.CSS_SELECTOR, ".org-label")))
        status, answer = api(driver, "GET", "/api/organisations")
        created = next(o for o in answer["items"] if o["name"] == name)
        self.assertEqual(created["kind"], "department")
        self.assertEqual(created["totpRoles"], ["prosecutor"])
        sign_out(driver)

    def test_law_firm_needs_a_valid_credit_code(self):
        driver = self.driver
        sign_in(driver, "admin")
        driver.execute_script("location.hash = '#/admin/organisations'")
        wait_for_title(driver, "组织机构")
        wait(driver, lambda d: d.find_elements(By.ID, "create-organisation")).pop().click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"))
        Select(driver.find_element(By.ID, "org-kind")).select_by_value("lawFirm")
        credit = driver.find_element(By.ID, "org-credit-code")
        self.assertTrue(credit.is_displayed())
        self.assertFalse(driver.find_element(By.ID, "org-abbreviation").is_displayed())
        fill(credit, "91320100MA1MXXXX0Z")
        driver.find_element(By.ID, "org-name").click()
        wait(driver, lambda d: d.find_element(By.ID, "org-credit-code").get_attribute("aria-invalid") == "true", "bad credit code accepted")
        self.assertIn("统一社会信用代码", driver.find_element(By.CSS_SELECTOR, "dialog[open]").text)
        driver.find_element(By.CSS_SELECTOR, "dialog[open] .dialog-close").click()
        wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"))
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

"""A user turns on the 动态验证码 in 个人设置 and then signs in with password + a TOTP code computed here."""
import re
import time
import unittest

from selenium.webdriver.common.by import By

from support import (BrowserTestCase, api, citizen_id, fill, on_sign_in_page, sign_in, sign_out, submit_credentials,
                     totp, unique, wait, wait_for_title)

PASSWORD = "Totp#Check2026"


class TOTPTests(BrowserTestCase):
    def test_enable_totp_in_settings_then_sign_in_with_code(self):
        driver = self.driver
        username = unique("totp.")
        # The administrator creates the account (through the API from the admin's page).
        sign_in(driver, "admin")
        status, organisations = api(driver, "GET", "/api/organisations")
        self.assertEqual(status, 200)
        procuratorate = next(o for o in organisations["items"] if o["kind"] == "procuratorate" and o["level"] == "basic")
        status, created = api(driver, "POST", "/api/users", {
            "username": username, "displayName": "动态码测试", "password": PASSWORD, "citizenId": citizen_id(sequence="417"),
            "memberships": [{"organisationId": procuratorate["id"], "role": "prosecutor"}],
        })
        self.assertEqual(status, 201, created)
        sign_out(driver)

        # The user enables TOTP in 个人设置.
        sign_in(driver, username, PASSWORD)
        driver.execute_script("location.hash = '#/settings'")
        wait_for_title(driver, "个人设置")
        wait(driver, lambda d: d.find_elements(By.ID, "totp-start")).pop().click()
        secret_element = wait(driver, lambda d: d.find_elements(By.ID, "totp-secret")).pop()
        secret = secret_element.text.replace(" ", "")
        self.assertRegex(secret, r"^[A-Z2-7]{16,}$")
        uri = driver.find_element(By.ID, "totp-uri").get_attribute("textContent")
        self.assertIn(f"secret={secret}", uri)
        self.assertTrue(uri.startswith("otpauth://totp/"))
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, ".qr svg[role=img]"), "no QR code drawn")
        now = time.time()
        fill(driver.find_element(By.ID, "totp-confirm-code"), totp(secret, now))
        driver.find_element(By.ID, "totp-confirm").click()
        wait(driver, lambda d: "已启用" in d.find_element(By.ID, "totp-card").text, "TOTP not shown as enabled")
        status, session = api(driver, "GET", "/api/auth/session")
        self.assertTrue(session["user"]["totpEnabled"])
        sign_out(driver)

        # Password alone is not enough any more; the second step asks for the code.
        submit_credentials(driver, username, PASSWORD)
        code_input = wait(driver, lambda d: d.find_elements(By.ID, "totp-code")).pop()
        self.assertTrue(on_sign_in_page(driver))
        status, _ = api(driver, "GET", "/api/auth/session")
        self.assertEqual(status, 401, "signed in before the TOTP step")

        # A wrong code is refused next to the field.
        fill(code_input, "000000" if totp(secret, now + 30) != "000000" else "111111")
        wait(driver, lambda d: d.find_element(By.ID, "totp-code").get_attribute("aria-invalid") == "true", "wrong code accepted")
        self.assertIn("动态验证码不正确", driver.find_element(By.CSS_SELECTOR, ".sign-in-panel").text)

        # The code of the next 30-second step: the server refuses steps at or before the one used to confirm, and
        # accepts one step of drift, so this code is valid whenever this line runs.
        fill(driver.find_element(By.ID, "totp-code"), totp(secret, now + 30))
        wait_for_title(driver, "工作台")
        self.assertIn("动态码测试", driver.find_element(By.CSS_SELECTOR, ".welcome").text)
        self.assertTrue(re.search(r"动态验证码\s*已启用", driver.find_element(By.CSS_SELECTOR, ".welcome-stats").text))
        sign_out(driver)

    def test_organisation_rule_makes_new_user_enrol_at_sign_in(self):
        """An organisation that requires TOTP for a role: the user's first sign-in enrols (state totpEnrollmentRequired)."""
        driver = self.driver
        username = unique("enrol.")
        sign_in(driver, "admin")
        status, organisations = api(driver, "GET", "/api/organisations")
        parent = next(o for o in organisations["items"] if o["kind"] == "procuratorate" and o["level"] == "basic")
        status, department = api(driver, "POST", "/api/organisations",
                                 {"parentId": parent["id"], "kind": "department", "name": unique("案件管理部")})
        self.assertEqual(status, 201, department)
        status, department = api(driver, "PATCH", f"/api/organisations/{department['id']}", {"totpRoles": ["clerk"]})
        self.assertEqual(status, 200, department)
        status, created = api(driver, "POST", "/api/users", {
            "username": username, "displayName": "首次登录", "password": PASSWORD,
            "memberships": [{"organisationId": department["id"], "role": "clerk"}],
        })
        self.assertEqual(status, 201, created)
        sign_out(driver)

        submit_credentials(driver, username, PASSWORD)
        secret_element = wait(driver, lambda d: d.find_elements(By.ID, "enrol-secret")).pop()
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, ".sign-in-enrol svg[role=img]"), "no QR code for enrolment")
        secret = secret_element.text.replace(" ", "")
        fill(driver.find_element(By.ID, "totp-code"), totp(secret))
        wait_for_title(driver, "工作台")
        status, session = api(driver, "GET", "/api/auth/session")
        self.assertEqual(session["user"]["username"], username)
        self.assertTrue(session["user"]["totpEnabled"])
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

"""Cases: a prosecutor registers a case and puts a detained suspect in it, the dossier takes a real PDF and refuses a
PNG declared as PDF, 临期/超期 leads with overdue cases, and a lawyer sees only bound cases, read-only."""
import datetime
import re
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from support import (BrowserTestCase, api, button_with_text, citizen_id, create_case_via_api, fetch_from_page, fill, go,
                     minimal_pdf, minimal_png, open_dialog, set_value, shanghai_today, sign_in, sign_out, temp_file, unique,
                     wait, wait_dialog_closed, wait_for_title, wait_toast)


def open_tab(driver, label):
    tab = wait(driver, lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, "[role=tab]") if t.text.startswith(label)), None),
               f"no tab {label}")
    tab.click()
    wait(driver, lambda d: tab.get_attribute("aria-selected") == "true")
    return driver.find_element(By.ID, tab.get_attribute("aria-controls"))


class CaseWorkTests(BrowserTestCase):
    def test_prosecutor_registers_case_with_detained_suspect(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        go(driver, "#/cases")
        wait_for_title(driver, "案件列表")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]"), "case list empty")

        driver.find_element(By.ID, "create-case").click()
        dialog = open_dialog(driver)
        self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "case-name", "focus not on the first field")
        # Nothing filled in: the required fields say so and nothing is sent.
        driver.find_element(By.ID, "create-case-submit").click()
        self.assertIn("请填写案件名称", dialog.text)
        self.assertIn("请至少选择一个罪名", dialog.text)

        name = f"王{unique('')[:6]}盗窃案"
        received = shanghai_today() - datetime.timedelta(days=1)
        fill(driver.find_element(By.ID, "case-name"), name)
        Select(driver.find_element(By.ID, "case-stage")).select_by_value("arrestReview")
        set_value(driver, driver.find_element(By.ID, "case-received-on"), received.isoformat())
        # 罪名: search the catalogue and pick 盗窃罪 with the keyboard-friendly list.
        charges = driver.find_element(By.ID, "case-charges")
        charges.click()
        charges.send_keys("盗窃")
        option = wait(driver, lambda d: next((o for o in d.find_elements(By.CSS_SELECTOR, "#case-charges-list [role=option]")
                                              if o.get_attribute("data-value") == "盗窃罪"), None), "盗窃罪 not offered")
        option.click()
        self.assertEqual(option.get_attribute("aria-selected"), "true")
        charges.send_keys(Keys.ESCAPE)
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "dialog[open]"), "Escape in the charge list closed the dialog")
        self.assertIn("盗窃罪", driver.find_element(By.CSS_SELECTOR, ".multi-select-tags").text)
        fill(driver.find_element(By.ID, "case-facts"), "2026年11月，犯罪嫌疑人在南京市鼓楼区某商场窃取他人手机一部，价值人民币四千元。")
        driver.find_element(By.ID, "create-case-submit").click()

        # The new case's page opens.
        wait_dialog_closed(driver)
        wait_for_title(driver, name)
        wait_toast(driver, "已受理案件")
        case_id = driver.execute_script("return location.hash.split('/')[2].split('?')[0]")
        case_number = driver.find_element(By.ID, "case-number").text
        self.assertRegex(case_number, r"^宁鼓检刑捕〔\d{4}〕\d+号$")

        # A suspect, then 刑事拘留 at 南京市看守所 from the day the case was received.
        panel = open_tab(driver, "诉讼参与人")
        panel.find_element(By.ID, "add-person").click()
        dialog = open_dialog(driver)
        fill(driver.find_element(By.ID, "person-name"), "王某")
        fill(driver.find_element(By.ID, "person-citizen-id"), citizen_id(birth="19920415", sequence="271"))
        Select(driver.find_element(By.ID, "person-gender")).select_by_value("男")
        driver.find_element(By.ID, "person-submit").click()
        wait_dialog_closed(driver)
        person = wait(driver, lambda d: next((p for p in d.find_elements(By.CSS_SELECTOR, "#case-persons .person") if "王某" in p.text), None),
                      "suspect not listed")
        self.assertRegex(person.text, r"\d{4}\*+\d{3}[\dX]")  # 身份证号 masked
        person.find_element(By.CSS_SELECTOR, ".add-measure").click()
        dialog = open_dialog(driver)
        Select(driver.find_element(By.ID, "measure-kind")).select_by_value("criminalDetention")
        place = Select(driver.find_element(By.ID, "measure-place"))
        wait(driver, lambda d: any(o.text == "南京市看守所" for o in place.options), "detention centres not offered")
        place.select_by_visible_text("南京市看守所")
        set_value(driver, driver.find_element(By.ID, "measure-starts-on"), received.isoformat())
        driver.find_element(By.ID, "measure-submit").click()
        wait_dialog_closed(driver)
        wait_toast(driver, "刑事拘留")
        measure = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#case-persons tr[data-kind=criminalDetention]"), "measure not listed").pop()
        self.assertIn("南京市看守所", measure.text)
        self.assertIn("在押", driver.find_element(By.CSS_SELECTOR, ".case-header").text)

        # 审查逮捕 of a detained suspect: 7 days after 受理 (刑事诉讼法第九十一条), shown with its article and explanation.
        due = (received + datetime.timedelta(days=7)).isoformat()
        panel = open_tab(driver, "办案期限")
        item = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#case-deadlines li[data-kind=arrestReview]"), "no arrest-review deadline").pop()
        self.assertEqual(item.get_attribute("data-due"), due)
        self.assertIn(due, item.text)
        self.assertIn("刑事诉讼法第九十一条", item.text)
        self.assertIn("七日以内", item.text)
        self.assertIn("还剩", item.find_element(By.CSS_SELECTOR, ".deadline-tag").text)
        self.assertIn(due, driver.find_element(By.ID, "case-next-deadline").text)
        status, detail = api(driver, "GET", f"/api/cases/{case_id}")
        self.assertEqual(status, 200)
        self.assertEqual(detail["deadlines"][0]["dueOn"], due)

        # The case is in the list, found by its name.
        go(driver, "#/cases")
        wait_for_title(driver, "案件列表")
        search = wait(driver, lambda d: d.find_elements(By.ID, "case-search")).pop()
        fill(search, name)
        search.send_keys(Keys.ENTER)
        row = wait(driver, lambda d: next((r for r in d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]")
                                           if r.get_attribute("data-case-id") == case_id), None), "new case not in the list")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]")) == 1)
        self.assertIn(case_number, row.text)
        self.assertIn("在押", row.text)
        self.assertIn("还剩", row.text)
        self.assertIn("共 1 条", driver.find_element(By.CSS_SELECTOR, ".pagination").text)
        sign_out(driver)

    def test_dossier_upload_preview_and_type_check(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        detail = create_case_via_api(driver, f"赵{unique('')[:6]}诈骗案", (shanghai_today() - datetime.timedelta(days=2)).isoformat(), charges=("诈骗罪",))
        case_id = detail["summary"]["id"]
        go(driver, f"#/cases/{case_id}?tab=files")
        wait_for_title(driver, detail["summary"]["name"])
        wait(driver, lambda d: d.find_elements(By.ID, "file-upload"), "no upload form")
        self.assertIn("卷宗中还没有材料", driver.find_element(By.CSS_SELECTOR, ".tab-panel:not([hidden])").text)

        # A real PDF, made here.
        pdf = minimal_pdf("Jianwu dossier")
        driver.find_element(By.ID, "file-input").send_keys(temp_file("提请批准逮捕书.pdf", pdf))
        wait(driver, lambda d: d.find_element(By.ID, "file-title").get_attribute("value") == "提请批准逮捕书", "title not taken from the file name")
        set_value(driver, driver.find_element(By.ID, "file-volume"), "1")
        driver.find_element(By.ID, "file-upload").click()
        wait_toast(driver, "已上传")
        row = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#dossier-list tr[data-file-id]"), "file not listed").pop()
        status, files = api(driver, "GET", f"/api/cases/{case_id}/files")
        self.assertEqual(status, 200)
        self.assertEqual(len(files["items"]), 1)
        stored = files["items"][0]
        self.assertEqual(stored["byteCount"], len(pdf))
        self.assertEqual(stored["contentType"], "application/pdf")
        self.assertIn(stored["sm3"][:12], row.text)

        # The preview (opened after the upload) reads the file: 200, application/pdf, SM3 and size shown.
        preview = wait(driver, lambda d: d.find_element(By.ID, "file-preview") if d.find_element(By.ID, "file-preview").get_attribute("data-status") else None,
                       "preview did not load the file")
        self.assertEqual(preview.get_attribute("data-status"), "200")
        self.assertEqual(preview.get_attribute("data-content-type"), "application/pdf")
        self.assertEqual(driver.find_element(By.ID, "preview-sm3").text, stored["sm3"])
        self.assertIn(f"{len(pdf):,} 字节", preview.text)
        # Framed in the page when the server allows it (X-Frame-Options: SAMEORIGIN), else a card with the page count.
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#file-preview iframe") or "共 1 页" in d.find_element(By.ID, "file-preview").text,
             "neither the framed PDF nor its page count shown")
        self.assertIn("一致", driver.find_element(By.ID, "preview-integrity").text)
        open_url = driver.find_element(By.ID, "preview-open").get_attribute("href")
        status, content_type, size = fetch_from_page(driver, open_url)
        self.assertEqual((status, content_type.split(";")[0], size), (200, "application/pdf", len(pdf)))
        download = driver.find_element(By.ID, "preview-download").get_attribute("href")
        self.assertTrue(download.endswith("?download=1"), download)
        frames = driver.find_elements(By.CSS_SELECTOR, "#file-preview iframe")
        for frame in frames:  # only when the server allows framing (see case-dossier.js)
            self.assertEqual(fetch_from_page(driver, frame.get_attribute("src"))[:2], (200, "application/pdf"))

        # A PNG declared as PDF (its name says .pdf) is refused with the server's message next to the file field.
        driver.find_element(By.ID, "file-input").send_keys(temp_file("伪装的材料.pdf", minimal_png()))
        driver.find_element(By.ID, "file-upload").click()
        error = wait(driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, ".upload-form .field-error") if e.is_displayed()), None),
                     "no error at the file field")
        self.assertIn("PNG", error.text)
        self.assertIn("与声明的类型（application/pdf）不符", error.text)
        status, files = api(driver, "GET", f"/api/cases/{case_id}/files")
        self.assertEqual(len(files["items"]), 1, "the disguised PNG was stored")

        # A real PNG is accepted and previewed as an image in the page.
        fill(driver.find_element(By.ID, "file-title"), "现场照片")
        driver.find_element(By.ID, "file-input").send_keys(temp_file("现场照片.png", minimal_png()))
        driver.find_element(By.ID, "file-upload").click()
        wait_toast(driver, "已上传“现场照片”")
        image = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#file-preview img.preview-image"), "image not previewed").pop()
        wait(driver, lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 24, "image did not load")

        # 下移 the PDF below the photo.
        button = driver.find_element(By.CSS_SELECTOR, "#dossier-list button[aria-label='下移 提请批准逮捕书']")
        button.click()
        wait(driver, lambda d: [r.find_element(By.CSS_SELECTOR, ".file-title").text for r in d.find_elements(By.CSS_SELECTOR, "#dossier-list tr[data-file-id]")]
             == ["现场照片", "提请批准逮捕书"], "file did not move down")
        sign_out(driver)

    def test_attention_list_puts_overdue_cases_first(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        go(driver, "#/cases/attention")
        wait_for_title(driver, "临期/超期")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]"), "attention list empty")
        statuses = [r.get_attribute("data-status") for r in driver.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]")]
        self.assertIn("overdue", statuses, "the demo world has overdue cases")
        self.assertTrue(set(statuses) <= {"overdue", "dueToday", "dueSoon"}, statuses)
        first_other = next((i for i, s in enumerate(statuses) if s != "overdue"), len(statuses))
        self.assertEqual(statuses[:first_other], ["overdue"] * first_other)
        self.assertNotIn("overdue", statuses[first_other:], f"an overdue case after a non-overdue one: {statuses}")
        # Overdue rows are marked in red and say how long ago the deadline passed.
        first = driver.find_element(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]")
        self.assertIn("row-overdue", first.get_attribute("class"))
        tag = first.find_element(By.CSS_SELECTOR, ".deadline-tag")
        self.assertRegex(tag.text, r"^超期 \d+ 天$")
        self.assertIn("tag-danger", tag.get_attribute("class"))
        # The same list as the server's, which counts all of them.
        status, answer = api(driver, "GET", "/api/cases?deadline=attention&pageSize=100")
        self.assertEqual(status, 200)
        self.assertEqual(statuses, [(c.get("nextDeadline") or {}).get("status") for c in answer["items"]][:len(statuses)])
        self.assertIn(f"共 {answer['total']} 件", driver.find_element(By.CSS_SELECTOR, ".toolbar").text)
        # The filter bar of the full list offers the same view.
        go(driver, "#/cases?deadline=overdue")
        wait_for_title(driver, "案件列表")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]"))
        self.assertEqual({r.get_attribute("data-status") for r in driver.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]")}, {"overdue"})
        sign_out(driver)

    def test_lawyer_sees_bound_case_read_only(self):
        driver = self.driver
        # A case the lawyer is not bound to.
        sign_in(driver, "prosecutor")
        unbound = create_case_via_api(driver, f"钱{unique('')[:6]}抢夺案", (shanghai_today() - datetime.timedelta(days=1)).isoformat(), charges=("抢夺罪",))
        sign_out(driver)

        sign_in(driver, "lawyer")
        go(driver, "#/cases")
        wait_for_title(driver, "案件列表")
        rows = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#cases-table tbody tr[data-case-id]"), "lawyer sees no case")
        status, answer = api(driver, "GET", "/api/cases?pageSize=100")
        self.assertEqual(status, 200)
        self.assertEqual(len(rows), min(answer["total"], 20))
        self.assertNotIn(unbound["summary"]["id"], [r.get_attribute("data-case-id") for r in rows])
        self.assertFalse(driver.find_elements(By.ID, "create-case"), "lawyer offered 新建案件")

        # A bound case: every part readable, nothing editable.
        rows[0].find_element(By.CSS_SELECTOR, "td.case-number a").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".case-header #case-number"), "case page did not open")
        for label in ["基本信息", "办案期限", "诉讼参与人", "流程", "时间线", "电子卷宗", "办案组", "律师"]:
            panel = open_tab(driver, label)
            wait(driver, lambda d: panel.find_elements(By.CSS_SELECTOR, ".panel-header"))
            # Reading is allowed (预览 a dossier file); nothing that changes the case may be offered.
            editing = [e.text or e.get_attribute("aria-label") or e.tag_name
                       for e in panel.find_elements(By.CSS_SELECTOR, "button:not(.file-preview-button), form, input, select, textarea")
                       if e.is_displayed()]
            self.assertEqual(editing, [], f"{label}: a lawyer is offered {editing}")
        self.assertTrue(driver.find_elements(By.CSS_SELECTOR, "#case-persons .person"), "persons not shown to the lawyer")
        self.assertIn("没有办理权限", open_tab(driver, "流程").text)

        # An unbound case: refused, as if it did not exist.
        go(driver, f"#/cases/{unbound['summary']['id']}")
        wait(driver, lambda d: "案件不存在或您无权查看" in d.find_element(By.CSS_SELECTOR, "main").text, "unbound case not refused")
        status, _ = api(driver, "GET", f"/api/cases/{unbound['summary']['id']}")
        self.assertEqual(status, 404)
        go(driver, "#/cases?q=" + unbound["summary"]["name"])
        wait(driver, lambda d: "没有符合条件的案件" in d.find_element(By.ID, "cases-table").text, "unbound case found by its name")
        sign_out(driver)


if __name__ == "__main__":
    unittest.main()

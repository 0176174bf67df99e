"""远程提讯 without Janus (the harness starts jianwu with --no-janus): the prosecutor books through the case page's
dialog, the detention officer confirms on the calendar, both calendars show it; a session in its window shows the plain
视频服务暂不可用 message while the transcript autosaves (and a stale save offers the latest version); the terminal
admits nothing twice, shows the transcript read-only, then takes a signature on every page and the fingerprint; the
prosecutor's interrogator signature seals the PDF, shown with its SM3. Screenshots at 1366×768 and 390×844."""
import datetime
import http.cookiejar
import json
import os
import random
import time
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import (BASE_URL, DESKTOP, PASSWORD, PHONE, BrowserTestCase, api, draw_on, go, navigation, open_app, open_dialog, png_colours, screenshot_dir,
                     set_value, set_viewport, shanghai_today, sign_in, unique, wait, wait_dialog_closed, wait_for_title,
                     wait_toast)

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
CENTRE_NAME = "南京市看守所"


def held_case(driver):
    """A case of the signed-in prosecutor with a suspect held at the demo detention centre: (case detail, person, centre id)."""
    status, answer = api(driver, "GET", "/api/cases?pageSize=100")
    assert status == 200, answer
    for item in answer["items"]:
        if not item.get("inCustody"):
            continue
        status, detail = api(driver, "GET", f"/api/cases/{item['id']}")
        if status != 200 or detail["summary"]["stage"] in ("indictment", "nonProsecution", "conditionalNonProsecution"):
            continue
        for person in detail["persons"]:
            for measure in person.get("measures", []):
                if person["role"] == "suspect" and measure.get("active") and measure.get("placeName") == CENTRE_NAME:
                    return detail, person, measure["placeId"]
    raise AssertionError("no case with a suspect held at the demo detention centre")


def api_as(username):
    """Another user's API session outside the browser (cookie + CSRF token): call(method, path, body) → (status, JSON)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    token = {}

    def call(method, path, body=None):
        request = urllib.request.Request(BASE_URL + path, method=method, data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        request.add_header("Origin", BASE_URL)
        if "csrf" in token and method != "GET":
            request.add_header("X-CSRF-Token", token["csrf"])
        try:
            with opener.open(request, timeout=30) as response:
                data = response.read()
                return response.status, json.loads(data) if data else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    status, answer = call("POST", "/api/auth/sign-in", {"username": username, "password": PASSWORD})
    assert status == 200, answer
    token["csrf"] = call("GET", "/api/auth/session")[1]["csrfToken"]
    return call


def clear_own_sessions_now(driver):
    """Ends what an earlier, interrupted run left holding the prosecutor now (the server refuses double booking)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    window = {"from": (now - datetime.timedelta(hours=5)).isoformat().replace("+00:00", "Z"),
              "to": (now + datetime.timedelta(hours=5)).isoformat().replace("+00:00", "Z")}
    status, answer = api(driver, "GET", f"/api/remote-sessions?from={window['from']}&to={window['to']}")
    for session in answer.get("items", []) if status == 200 else []:
        actions = {a["action"] for a in session["allowedActions"]}
        for action in ("end", "noShow", "cancel"):
            if action in actions:
                api(driver, "POST", f"/api/remote-sessions/{session['id']}/actions", {"action": action, "reason": "测试前清理"})
                break


def shot(driver, name):
    """Screenshots the page at 1366×768 and 390×844; checks it is not blank and does not scroll sideways."""
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        set_viewport(driver, size)
        time.sleep(0.6)
        data = driver.get_screenshot_as_png()
        with open(os.path.join(screenshot_dir(), f"{name}-{label}.png"), "wb") as file:
            file.write(data)
        assert png_colours(data) > 8, f"{name} at {label} looks blank"
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} at {label} scrolls sideways by {overflow}px"
    set_viewport(driver, DESKTOP)


def click_action(driver, action, confirm_label=None):
    """Clicks a session action button and confirms its dialog."""
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"button[data-action={action}]"), f"no {action} button")[0].click()
    dialog = open_dialog(driver)
    buttons = [b for b in dialog.find_elements(By.CSS_SELECTOR, ".dialog-footer button") if b.text.strip() == confirm_label]
    buttons[0].click()
    wait_dialog_closed(driver)


class RemoteSessionTests(BrowserTestCase):
    def test_book_confirm_and_both_calendars(self):
        driver = self.driver
        sign_in(driver, "prosecutor")
        self.assertEqual(navigation(driver).get("远程办案"), ["远程提讯"])
        detail, person, _ = held_case(driver)
        case_id = detail["summary"]["id"]
        # A day and hour of its own, so runs on the same data do not collide (room, suspect and prosecutor).
        day = shanghai_today() + datetime.timedelta(days=random.randint(3, 40))
        hour = random.randint(9, 15)

        open_app(driver, f"#/cases/{case_id}")
        wait(driver, lambda d: d.find_elements(By.ID, "book-remote-session"), "no 预约远程提讯 on the case page").pop().click()
        dialog = open_dialog(driver)
        # Nothing chosen is refused before sending.
        Select(driver.find_element(By.ID, "booking-person")).select_by_value("")
        driver.find_element(By.ID, "booking-submit").click()
        self.assertIn("请选择犯罪嫌疑人", dialog.text)
        Select(driver.find_element(By.ID, "booking-person")).select_by_value(person["id"])
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#booking-room option")) > 1, "rooms not loaded")
        room = Select(driver.find_element(By.ID, "booking-room"))
        # One of the demo rooms (open 08:30–17:30), not a room open all day that another test added.
        room.select_by_visible_text(next(o.text for o in room.options if "08:30–17:30" in o.text))
        set_value(driver, driver.find_element(By.ID, "booking-date"), day.isoformat())
        # Outside the opening hours (08:30–17:30): flagged at the field.
        set_value(driver, driver.find_element(By.ID, "booking-start"), "07:00")
        set_value(driver, driver.find_element(By.ID, "booking-end"), "07:30")
        driver.find_element(By.ID, "booking-submit").click()
        self.assertIn("开放", driver.find_element(By.ID, "booking-start").find_element(By.XPATH, "..").text)
        set_value(driver, driver.find_element(By.ID, "booking-start"), f"{hour:02d}:00")
        set_value(driver, driver.find_element(By.ID, "booking-end"), f"{hour:02d}:45")
        shot(driver, "remote-booking-dialog")
        driver.find_element(By.ID, "booking-submit").click()
        wait_dialog_closed(driver, "the booking dialog stayed open")
        wait_toast(driver, "已提交远程提讯预约")
        wait(driver, lambda d: d.execute_script("return location.hash").startswith("#/remote-sessions/"), "session page not opened")
        session_id = driver.execute_script("return location.hash").split("/")[-1]
        tag = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".session-header .session-state"), "no state tag")[0]
        self.assertEqual(tag.get_attribute("data-state"), "booked")
        self.assertIn("等待看守所确认", driver.find_element(By.ID, "video-state").text)

        # The prosecutor's calendar shows it, amber (待确认).
        open_app(driver, f"#/remote-sessions?date={day.isoformat()}")
        event = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}']"), "not on the calendar")[0]
        self.assertEqual(event.get_attribute("data-state"), "booked")
        self.assertIn("session-tone-warning", event.get_attribute("class"))

        # The officer confirms from the calendar.
        sign_in(driver, "officer")
        self.assertEqual(navigation(driver).get("远程办案"), ["远程提讯", "提讯终端"])
        open_app(driver, f"#/remote-sessions?date={day.isoformat()}")
        wait_for_title(driver, "远程提讯")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}']"), "not on the officer's calendar")[0].click()
        summary = open_dialog(driver)
        self.assertIn(person["name"], summary.text)
        shot(driver, "remote-session-dialog")
        summary.find_element(By.CSS_SELECTOR, "button[data-action=confirm]").click()
        confirm = wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "dialog[open][role=alertdialog] .dialog-footer button")
                                               if b.text.strip() == "确认预约"), None), "no confirm dialog")
        confirm.click()
        wait_toast(driver, "已确认预约")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open] .session-state[data-state=confirmed]"), "dialog not updated")
        driver.find_element(By.CSS_SELECTOR, "dialog[open] .dialog-close").click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}'][data-state=confirmed]"),
             "the officer's calendar did not update")
        shot(driver, "remote-calendar-officer")

        # And the prosecutor sees it confirmed (blue).
        sign_in(driver, "prosecutor")
        open_app(driver, f"#/remote-sessions?date={day.isoformat()}&view=day")
        event = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}']"), "not on the day view")[0]
        self.assertEqual(event.get_attribute("data-state"), "confirmed")
        self.assertIn("session-tone-progress", event.get_attribute("class"))
        shot(driver, "remote-calendar-prosecutor")
        # The detention centre calls it off elsewhere: the open calendar changes in place (SSE), grey (已取消).
        officer = api_as("officer")
        status, answer = officer("POST", f"/api/remote-sessions/{session_id}/actions", {"action": "cancel", "reason": "谈话室检修"})
        self.assertEqual(status, 200, answer)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}'][data-state=cancelled]"),
             "the calendar did not update live")
        self.assertIn("session-tone-neutral", driver.find_element(By.CSS_SELECTOR, f".session-event[data-session-id='{session_id}']").get_attribute("class"))

    def test_session_without_janus_transcript_terminal_and_signatures(self):
        driver = self.driver
        sign_in(driver, "officer")
        status, me = api(driver, "GET", "/api/auth/session")
        centre = me["memberships"][0]["organisationId"]
        # A room open all day, so a session can be in its window whatever the hour of the run.
        status, room = api(driver, "POST", f"/api/detention-centres/{centre}/rooms",
                           {"name": unique("全天谈话室")[:12], "opensAt": "00:00", "closesAt": "23:59"})
        self.assertEqual(status, 201, room)

        sign_in(driver, "prosecutor")
        clear_own_sessions_now(driver)
        detail, person, _ = held_case(driver)
        now = datetime.datetime.now(SHANGHAI)
        start = (now + datetime.timedelta(minutes=2)).replace(second=0, microsecond=0)
        if start.date() != (start + datetime.timedelta(minutes=20)).date() or start.hour == 23 and start.minute > 38:
            self.skipTest("too close to midnight in Asia/Shanghai for a same-day session")
        end = start + datetime.timedelta(minutes=20)
        status, session = api(driver, "POST", "/api/remote-sessions", {
            "caseId": detail["summary"]["id"], "personId": person["id"], "roomId": room["id"],
            "startsAt": start.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z"),
            "endsAt": end.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z"), "participantIds": []})
        self.assertEqual(status, 201, session)
        sid = session["id"]

        # The officer confirms and admits on the terminal, one task per screen.
        sign_in(driver, "officer")
        open_app(driver, "#/terminal")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f".terminal-card[data-session-id='{sid}']"), "not on today's list")
        self.assertFalse(driver.find_elements(By.ID, "sidenav"), "the terminal shows the internal navigation")
        shot(driver, "terminal-today")
        driver.find_element(By.CSS_SELECTOR, f".terminal-card[data-session-id='{sid}']").click()
        wait(driver, lambda d: d.find_elements(By.ID, "terminal-confirm"), "no 确认预约 screen")[0].click()
        admit = wait(driver, lambda d: d.find_elements(By.ID, "terminal-admit"), "no 提人 screen")[0]
        self.assertFalse(admit.is_enabled(), "提人 before the checks")
        for box in driver.find_elements(By.CSS_SELECTOR, ".terminal-check input"):
            if not box.is_selected():
                box.click()
        shot(driver, "terminal-admit")
        admit.click()
        wait(driver, lambda d: d.find_elements(By.ID, "terminal-banner"), "no video screen after 提人")

        # The prosecutor's page: no Janus → said plainly; the transcript still works.
        sign_in(driver, "prosecutor")
        open_app(driver, f"#/remote-sessions/{sid}")
        status_line = wait(driver, lambda d: next((e for e in d.find_elements(By.ID, "video-status")
                                                   if e.get_attribute("data-state") == "unavailable"), None), "no plain 'video unavailable'")
        self.assertIn("视频服务暂不可用", status_line.text)
        click_action(driver, "start", "开始讯问")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".session-header .session-state[data-state=live]"), "not live")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "button[data-add=question]") and
             d.find_element(By.CSS_SELECTOR, "button[data-add=question]").is_displayed(), "transcript not editable")
        driver.find_element(By.CSS_SELECTOR, "button[data-add=question]").click()
        driver.switch_to.active_element.send_keys("你的姓名？")
        driver.find_element(By.CSS_SELECTOR, "button[data-add=answer]").click()
        driver.switch_to.active_element.send_keys(f"我叫{person['name']}。")
        wait(driver, lambda d: d.find_element(By.ID, "transcript-status").get_attribute("data-state") == "saved"
             and "已保存" in d.find_element(By.ID, "transcript-status").text, "autosave did not happen")
        status, transcript = api(driver, "GET", f"/api/remote-sessions/{sid}/transcript")
        self.assertEqual([t["text"] for t in transcript["turns"]], ["你的姓名？", f"我叫{person['name']}。"])
        shot(driver, "remote-session-page")

        # Someone else saved meanwhile: the next save is refused and the latest version is offered.
        version = transcript["version"]
        status, _ = api(driver, "PUT", f"/api/remote-sessions/{sid}/transcript",
                        {"baseVersion": version, "turns": transcript["turns"] + [{"speaker": "note", "text": "书记员补记。"}]})
        self.assertEqual(status, 200)
        driver.find_elements(By.CSS_SELECTOR, ".turn-input")[1].send_keys("住南京市。")
        wait(driver, lambda d: d.find_element(By.ID, "transcript-conflict").is_displayed(), "no conflict offered")
        driver.find_element(By.ID, "transcript-load-latest").click()
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".turn-input")) == 3
             and d.find_elements(By.CSS_SELECTOR, ".turn-input")[2].get_attribute("value") == "书记员补记。", "latest version not loaded")
        driver.find_element(By.ID, "transcript-history").click()
        history = open_dialog(driver)
        self.assertIn(f"第 {version + 1} 版", history.text)
        history.find_element(By.CSS_SELECTOR, ".dialog-footer button").click()
        wait_dialog_closed(driver)

        # The terminal shows the transcript read-only as it grows.
        sign_in(driver, "officer")
        open_app(driver, f"#/terminal/{sid}")
        wait(driver, lambda d: "书记员补记。" in d.find_element(By.ID, "terminal-transcript").text, "terminal transcript not shown")
        self.assertFalse(driver.find_elements(By.CSS_SELECTOR, "#terminal-transcript textarea"), "the terminal can edit")
        self.assertIn("视频服务暂不可用", driver.find_element(By.ID, "video-status").text)
        shot(driver, "terminal-video")

        # The prosecutor ends it (as an API call here); the terminal turns to signing every page, then the fingerprint.
        sign_in(driver, "prosecutor")
        status, ended = api(driver, "POST", f"/api/remote-sessions/{sid}/actions", {"action": "end"})
        self.assertEqual(status, 200, ended)
        sign_in(driver, "officer")
        open_app(driver, f"#/terminal/{sid}")
        status, pages = api(driver, "GET", f"/api/remote-sessions/{sid}/transcript/pages")
        for page in range(1, len(pages["pages"]) + 1):
            title = wait(driver, lambda d: next((e for e in d.find_elements(By.ID, "sign-page-title") if e.get_attribute("data-page") == str(page)), None),
                         f"no page {page} to sign")
            self.assertIn(f"共 {len(pages['pages'])} 页", title.text)
            submit = driver.find_element(By.ID, "page-sign-submit")
            self.assertFalse(submit.is_enabled(), "signing an empty pad")
            if page == 1:
                shot(driver, "terminal-sign-page")
            draw_on(driver, driver.find_element(By.ID, "page-signature"))
            wait(driver, lambda d: submit.is_enabled(), "drawing did not enable the button")
            submit.click()
        wait(driver, lambda d: d.find_elements(By.ID, "fingerprint-title"), "no fingerprint step")
        draw_on(driver, driver.find_element(By.ID, "fingerprint-pad"), strokes=1)
        driver.find_element(By.ID, "fingerprint-submit").click()
        wait(driver, lambda d: d.find_elements(By.ID, "terminal-done"), "no done screen")
        shot(driver, "terminal-done")

        # The interrogator signs on the prosecutor's page; the PDF is sealed and shown with its SM3.
        sign_in(driver, "prosecutor")
        open_app(driver, f"#/remote-sessions/{sid}")
        pad = wait(driver, lambda d: d.find_elements(By.ID, "sign-interrogator"), "no interrogator signature")[0]
        draw_on(driver, pad)
        driver.find_element(By.ID, "sign-interrogator-submit").click()
        wait_toast(driver, "笔录已签名并签章封存")
        digest = wait(driver, lambda d: d.find_elements(By.ID, "pdf-sm3"), "no SM3 of the sealed PDF")[0]
        self.assertRegex(digest.text, r"^[0-9a-f]{64}$")
        self.assertTrue(driver.find_elements(By.ID, "transcript-pdf"), "no PDF frame")
        status, pages = api(driver, "GET", f"/api/remote-sessions/{sid}/transcript/pages")
        self.assertEqual(pages["sealedDocument"]["sm3"], digest.text)
        shot(driver, "remote-session-sealed")

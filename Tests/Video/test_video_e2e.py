"""远程提讯 end to end with real media (run by scripts/video-e2e.sh inside its network namespace, with jianwu and Janus).

Two headless Chromium instances with fake cameras and microphones: the prosecutor on the session page, the detention
officer on the terminal. Both must decode the other's video; the clerk writes turns that both pages show; Janus is
killed mid-session and both sides must rejoin on their own; the prosecutor ends the session; the terminal signs every
page and the fingerprint, the prosecutor signs as interrogator; the sealed PDF and the recording (ingested a few seconds
after the end) pass `jianwu verify` with the published public key. Prints the time each phase took.
"""
import datetime
import http.cookiejar
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "Browser"))
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

import support  # noqa: E402
from support import draw_on, open_app, sign_in, wait  # noqa: E402

BASE = os.environ.get("JIANWU_URL", "http://127.0.0.1:18400").rstrip("/")
DATA = os.environ.get("JIANWU_DATA_DIR", "")
BINARY = os.environ.get("JIANWU_BINARY", ".build/debug/jianwu")
WORK = os.environ.get("JIANWU_E2E_WORK") or tempfile.mkdtemp()
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
MEDIA_WAIT = 90  # seconds: an upper bound for frames to arrive, not a performance assertion
T0 = time.monotonic()


def mark(label, since):
    now = time.monotonic()
    print(f"timing: {label}: {now - since:.1f} s (at {now - T0:.1f} s)", flush=True)
    return now


class Client:
    """The API as one user (cookie + CSRF token), for setting the scene and for downloads."""

    def __init__(self, username):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = None
        status, answer = self.call("POST", "/api/auth/sign-in", {"username": username, "password": support.PASSWORD})
        assert status == 200, answer
        self.csrf = self.call("GET", "/api/auth/session")[1]["csrfToken"]
        self.me = self.call("GET", "/api/auth/session")[1]

    def call(self, method, path, body=None, raw=False):
        request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        if self.csrf and method != "GET":
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request, timeout=60) as response:
                data = response.read()
                return response.status, (data, dict(response.headers)) if raw else (json.loads(data) if data else None)
        except urllib.error.HTTPError as error:
            data = error.read()
            try:
                return error.code, json.loads(data)
            except ValueError:
                return error.code, data


def media_driver(name):
    options = webdriver.ChromeOptions()
    options.binary_location = support.chromium_binary() or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN", "--no-first-run",
                     "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                     "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns", "--mute-audio",
                     "--disable-extensions", "--password-store=basic", "--window-size=1366,768",
                     "--auto-select-desktop-capture-source=Entire screen", "--enable-usermedia-screen-capturing",
                     f"--user-data-dir={os.path.join(WORK, 'profile-' + name)}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    support.set_viewport(driver, support.DESKTOP)
    return driver


def stage(driver):
    return driver.execute_script("""
        const s = document.getElementById('video-stage');
        const status = document.getElementById('video-status');
        return s ? { frames: Number(s.dataset.framesDecoded || 0), sent: Number(s.dataset.framesSent || 0),
                     feeds: Number(s.dataset.feeds || 0), connects: Number(s.dataset.connects || 0),
                     status: status ? status.dataset.state + ' ' + status.textContent : '' } : null;
    """)


def iso(moment):
    return moment.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


class VideoEndToEnd(unittest.TestCase):
    def setUp(self):
        self.drivers = []

    def tearDown(self):
        for driver in self.drivers:
            try:
                errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
                if errors:
                    print(f"browser console ({len(errors)} errors, first 5):", *errors[:5], sep="\n  ", flush=True)
            except Exception:  # noqa: BLE001 - the browser may be gone already
                pass
            driver.quit()

    def test_interrogation_with_video_signatures_and_sealing(self):
        t = time.monotonic()
        prosecutor = Client("prosecutor")
        officer = Client("officer")
        clerk = Client("clerk")

        # The scene: a case with a suspect held at the demo centre, the clerk on its team, a room open all day,
        # a session starting in a minute (its video opens 15 minutes before the start).
        case_id = person = None
        for item in prosecutor.call("GET", "/api/cases?pageSize=100")[1]["items"]:
            if not item.get("inCustody"):
                continue
            detail = prosecutor.call("GET", f"/api/cases/{item['id']}")[1]
            for candidate in detail["persons"]:
                if candidate["role"] == "suspect" and any(m.get("active") and m.get("placeId") for m in candidate.get("measures", [])):
                    case_id, person = item["id"], candidate
                    break
            if case_id:
                break
        self.assertIsNotNone(case_id, "no case with a suspect in custody")
        status, answer = prosecutor.call("POST", f"/api/cases/{case_id}/team", {"userId": clerk.me["user"]["id"], "duty": "clerk"})
        self.assertIn(status, (200, 201), answer)
        centre = officer.me["memberships"][0]["organisationId"]
        status, room = officer.call("POST", f"/api/detention-centres/{centre}/rooms", {"name": "全天测试谈话室", "opensAt": "00:00", "closesAt": "23:59"})
        self.assertEqual(status, 201, room)
        start = (datetime.datetime.now(SHANGHAI) + datetime.timedelta(minutes=1)).replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
        end = start + datetime.timedelta(minutes=30)
        if start.date() != end.date():
            # Near midnight in Asia/Shanghai: the first slot of tomorrow, whose video opens 15 minutes before.
            start = datetime.datetime.combine(end.date(), datetime.time(0, 0), SHANGHAI)
            end = start + datetime.timedelta(minutes=20)
        status, session = prosecutor.call("POST", "/api/remote-sessions", {
            "caseId": case_id, "personId": person["id"], "roomId": room["id"], "startsAt": iso(start), "endsAt": iso(end),
            "participantIds": [clerk.me["user"]["id"]]})
        self.assertEqual(status, 201, session)
        sid = session["id"]
        status, answer = officer.call("POST", f"/api/remote-sessions/{sid}/actions", {"action": "confirm"})
        self.assertEqual(status, 200, answer)
        t = mark("scene set (case team, room, booking, confirmation)", t)

        # Two browsers: the terminal admits the suspect, the prosecutor's page starts the interrogation.
        terminal = media_driver("terminal")
        self.drivers.append(terminal)
        page = media_driver("prosecutor")
        self.drivers.append(page)
        t = mark("two Chromium instances started", t)
        sign_in(terminal, "officer")
        open_app(terminal, f"#/terminal/{sid}")
        wait(terminal, lambda d: d.find_elements(By.ID, "terminal-admit"), "no 提人 screen")
        for box in terminal.find_elements(By.CSS_SELECTOR, ".terminal-check input"):
            box.click()
        terminal.find_element(By.ID, "terminal-admit").click()
        wait(terminal, lambda d: d.find_elements(By.ID, "video-stage"), "no video on the terminal")
        sign_in(page, "prosecutor")
        open_app(page, f"#/remote-sessions/{sid}")
        start_button = wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, "button[data-action=start]"), "no 开始讯问")[0]
        start_button.click()
        confirm = wait(page, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "dialog[open] .dialog-footer button")
                                             if b.text.strip() == "开始讯问"), None), "no confirmation")
        confirm.click()
        wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, ".session-header .session-state[data-state=live]"), "not live")
        t = mark("signed in, admitted, started", t)

        def both_decode(min_connects=1):
            a, b = stage(page), stage(terminal)
            return bool(a and b and a["frames"] > 0 and b["frames"] > 0 and a["connects"] >= min_connects and b["connects"] >= min_connects)

        try:
            wait(page, lambda d: both_decode(), "no video both ways", timeout=MEDIA_WAIT)
        finally:
            print("prosecutor stage:", stage(page), "\nterminal stage:", stage(terminal), flush=True)
        t = mark("video both ways (framesDecoded > 0 on each side)", t)
        # Connection quality from getStats: bitrate, packet loss and round-trip time once two samples are in.
        wait(page, lambda d: any(level in d.find_element(By.ID, "video-quality").text for level in ("良好", "一般", "较差")),
             "no connection quality shown", timeout=20)
        quality = page.find_element(By.ID, "video-quality").text
        print("prosecutor quality:", quality, flush=True)

        # The clerk writes turns (another user, through the API); both pages show them.
        status, transcript = clerk.call("GET", f"/api/remote-sessions/{sid}/transcript")
        self.assertTrue(transcript["editable"], "the clerk may not write the transcript")
        turns = [{"speaker": "question", "text": "你的姓名、出生日期？"}, {"speaker": "answer", "text": f"我叫{person['name']}。"},
                 {"speaker": "question", "text": "你是否清楚今天讯问的原因？"}, {"speaker": "answer", "text": "清楚。"}]
        status, saved = clerk.call("PUT", f"/api/remote-sessions/{sid}/transcript", {"baseVersion": transcript["version"], "turns": turns})
        self.assertEqual(status, 200, saved)
        wait(terminal, lambda d: "今天讯问的原因" in d.find_element(By.ID, "terminal-transcript").text, "terminal did not show the turns")
        wait(page, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#transcript-turns .turn")) == 4, "prosecutor page did not take the clerk's turns")
        t = mark("clerk's turns shown on both pages", t)

        # 示证: the prosecutor shares a screen as a second publisher; the terminal shows it beside the camera.
        # Headless Chromium picks a screen without asking (--auto-select-desktop-capture-source) where it can capture one;
        # where it cannot, say so and go on: the rest of the session does not depend on it.
        page.find_element(By.ID, "video-share").click()
        try:
            wait(terminal, lambda d: d.find_elements(By.CSS_SELECTOR, "#video-stage .video-tile.screen"), "no 示证 picture", timeout=20)
            print("screen share: the terminal shows the 示证 picture beside the camera", flush=True)
            page.find_element(By.ID, "video-share").click()
            wait(terminal, lambda d: not d.find_elements(By.CSS_SELECTOR, "#video-stage .video-tile.screen"), "示证 picture stayed", timeout=20)
        except Exception as error:  # noqa: BLE001 - reported, not fatal (a capture source is an environment matter)
            print(f"screen share: not checked here ({str(error).strip()[:80]})", flush=True)
        t = mark("示证 (screen share) tried", t)

        # Janus killed mid-session: jianwu restarts it; both sides must notice and rejoin on their own.
        with open(os.path.join(DATA, "janus", "janus.pid")) as file:
            janus_pid = int(file.read().strip())
        os.kill(janus_pid, signal.SIGKILL)
        t = mark("Janus killed", t)
        try:
            wait(page, lambda d: both_decode(min_connects=2), "both sides did not rejoin after Janus was killed", timeout=MEDIA_WAIT)
        finally:
            print("after restart — prosecutor:", stage(page), "\n  terminal:", stage(terminal), flush=True)
        t = mark("both sides rejoined with video after the Janus restart", t)
        time.sleep(3)  # a few seconds of recording after the restart too

        # The end, from the prosecutor's page.
        page.find_element(By.CSS_SELECTOR, "button[data-action=end]").click()
        confirm = wait(page, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, "dialog[open] .dialog-footer button")
                                             if b.text.strip() == "结束讯问"), None), "no end confirmation")
        confirm.click()
        wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, ".session-header .session-state[data-state=ended]"), "not ended")
        ended_at = time.monotonic()
        t = mark("ended", t)

        # The terminal: every page signed, then the fingerprint.
        status, pages = officer.call("GET", f"/api/remote-sessions/{sid}/transcript/pages")
        total = len(pages["pages"])
        for number in range(1, total + 1):
            wait(terminal, lambda d: any(e.get_attribute("data-page") == str(number) for e in d.find_elements(By.ID, "sign-page-title")),
                 f"no page {number} to sign", timeout=30)
            draw_on(terminal, terminal.find_element(By.ID, "page-signature"))
            submit = terminal.find_element(By.ID, "page-sign-submit")
            wait(terminal, lambda d: submit.is_enabled(), "signature did not enable the button")
            submit.click()
        wait(terminal, lambda d: d.find_elements(By.ID, "fingerprint-title"), "no fingerprint step")
        draw_on(terminal, terminal.find_element(By.ID, "fingerprint-pad"), strokes=1)
        terminal.find_element(By.ID, "fingerprint-submit").click()
        wait(terminal, lambda d: d.find_elements(By.ID, "terminal-done"), "no done screen")
        status, pages = officer.call("GET", f"/api/remote-sessions/{sid}/transcript/pages")
        self.assertEqual(sorted(pages["signedPages"]), list(range(1, total + 1)))
        self.assertTrue(pages["fingerprint"])
        t = mark(f"terminal signed {total} page(s) and the fingerprint", t)

        # The interrogator's signature seals the PDF.
        pad = wait(page, lambda d: d.find_elements(By.ID, "sign-interrogator"), "no interrogator pad", timeout=30)[0]
        draw_on(page, pad)
        submit = page.find_element(By.ID, "sign-interrogator-submit")
        wait(page, lambda d: submit.is_enabled(), "signature did not enable the button")
        submit.click()
        pdf_sm3 = wait(page, lambda d: d.find_elements(By.ID, "pdf-sm3"), "no SM3 of the sealed PDF", timeout=30)[0].text
        status, pages = prosecutor.call("GET", f"/api/remote-sessions/{sid}/transcript/pages")
        self.assertEqual(pages["sealedDocument"]["sm3"], pdf_sm3)
        status, sealed_session = prosecutor.call("GET", f"/api/remote-sessions/{sid}")
        self.assertEqual(sealed_session["state"], "sealed")
        t = mark("interrogator signed; PDF sealed", t)

        # The recording: composed and sealed a few seconds after the end; the page plays it with its SM3.
        recording = None
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            status, answer = prosecutor.call("GET", f"/api/remote-sessions/{sid}/recording", raw=True)
            if status == 200:
                recording = answer
                break
            time.sleep(2)
        self.assertIsNotNone(recording, "the recording was never ingested")
        print(f"recording ready {time.monotonic() - ended_at:.1f} s after the end, {len(recording[0])} bytes", flush=True)
        recording_sm3 = wait(page, lambda d: d.find_elements(By.ID, "recording-sm3"), "the page does not show the recording", timeout=150)[0].text
        self.assertEqual(recording_sm3, recording[1].get("X-Content-SM3"))
        t = mark("recording ingested and shown", t)

        # jianwu verify with the published key: the PDF and the recording as downloaded, each with its seal.
        status, key = prosecutor.call("GET", "/api/seal/public-key")
        key_file = os.path.join(WORK, "seal-public.pem")
        with open(key_file, "w") as file:
            file.write(key["pem"])
        status, pdf = prosecutor.call("GET", f"/api/remote-sessions/{sid}/transcript/pdf", raw=True)
        self.assertEqual(status, 200)
        self.assertTrue(pdf[0].startswith(b"%PDF"))
        downloads = {"transcript.pdf": pdf[0], "recording.webm": recording[0]}
        seals = {
            "transcript.pdf": next(os.path.join(DATA, "documents", n) for n in os.listdir(os.path.join(DATA, "documents"))
                                   if n.startswith(sid) and n.endswith(".pdf.seal.json")),
            "recording.webm": os.path.join(DATA, "recordings", f"{sid}.webm.seal.json"),
        }
        for name, data in downloads.items():
            path = os.path.join(WORK, name)
            with open(path, "wb") as file:
                file.write(data)
            result = subprocess.run([BINARY, "verify", path, "--seal", seals[name], "--public-key", key_file], capture_output=True, text=True, timeout=60)
            print(f"jianwu verify {name}: {result.stdout.strip()} (exit {result.returncode})", flush=True)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        if shutil.which("ffprobe"):
            probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", os.path.join(WORK, "recording.webm")],
                                   capture_output=True, text=True, timeout=60)
            print("recording streams:", probe.stdout.split(), flush=True)
            self.assertIn("vp8", probe.stdout)
        mark("verified with the published key", t)
        mark("whole interrogation", T0)


if __name__ == "__main__":
    unittest.main()

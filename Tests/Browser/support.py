"""Shared helpers for the browser tests: headless Chromium through chromium-driver, signing in, reading the
navigation, calling the API from the page (so the page's cookie and CSRF token are used), TOTP codes, PNG checks.

The server under test is at JIANWU_URL (scripts/browser-test.sh starts one on a free port with the demo accounts).
Waits have generous upper bounds only; no test asserts on how long anything takes.
"""
import base64
import hashlib
import hmac
import json
import os
import struct
import tempfile
import time
import unittest
import uuid
import zlib

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("JIANWU_URL", "http://127.0.0.1:8080").rstrip("/")
PASSWORD = "Jianwu@2026"
DESKTOP = (1366, 768)
PHONE = (390, 844)
WAIT = 20  # seconds; an upper bound for the page to get somewhere, not a performance assertion

# What each demo account's navigation shows, derived from the server's role × permission matrix (docs/identity-api.md,
# 三员分立): 案件 for case.read, 知识与辅助 for everyone signed in, 管理 only for an administrative or oversight duty.
CASES = ["案件列表", "临期/超期"]
KNOWLEDGE = ["法律检索"]
REMOTE = ["远程提讯"]
EXPECTED_NAVIGATION = {
    "admin": {"工作台": None, "知识与辅助": KNOWLEDGE, "管理": ["用户管理", "组织机构", "节假日设置"]},
    "auditor": {"工作台": None, "知识与辅助": KNOWLEDGE, "管理": ["用户管理", "组织机构", "审计日志"]},
    "chief": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE, "管理": ["用户管理", "组织机构"]},
    "deputy": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE, "管理": ["用户管理", "组织机构"]},
    "head": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE, "管理": ["用户管理", "组织机构"]},
    "prosecutor": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE},
    "assistant": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE},
    "clerk": {"工作台": None, "案件": CASES, "远程办案": REMOTE, "知识与辅助": KNOWLEDGE},
    "officer": {"工作台": None, "远程办案": ["远程提讯", "提讯终端"], "知识与辅助": KNOWLEDGE},
    "judge": {"工作台": None, "知识与辅助": KNOWLEDGE},
    "lawyer": {"工作台": None, "案件": CASES, "知识与辅助": KNOWLEDGE},
}


def chromium_binary():
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(path):
            return path
    return None


def new_driver(size=DESKTOP):
    options = webdriver.ChromeOptions()
    binary = chromium_binary()
    if binary:
        options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN",
                     "--disable-extensions", "--no-first-run", "--password-store=basic", f"--window-size={size[0]},{size[1]}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    set_viewport(driver, size)
    return driver


def set_viewport(driver, size):
    """Makes the page's viewport exactly width × height CSS pixels (the window size includes browser chrome)."""
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 768,
    })


def wait(driver, condition, message="", timeout=WAIT):
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def open_app(driver, hash_path="#/sign-in"):
    """Loads the app fresh (a real page load, not just a hash change) at `hash_path`."""
    driver.get(f"{BASE_URL}/?load={uuid.uuid4().hex[:8]}{hash_path}")
    wait(driver, lambda d: d.execute_script(
        "return !!document.querySelector('#main') && !document.querySelector('.boot')"), "app did not start")


def page_title(driver):
    return driver.execute_script("return document.querySelector('main h1')?.textContent.trim() ?? ''")


def wait_for_title(driver, title):
    try:
        wait(driver, lambda d: page_title(d) == title)
    except Exception as error:
        raise AssertionError(f"expected page title {title!r}, saw {page_title(driver)!r}") from error


def on_sign_in_page(driver):
    return driver.execute_script("return location.hash").startswith("#/sign-in") and bool(
        driver.find_elements(By.ID, "sign-in-title"))


def fill(element, text):
    element.clear()
    element.send_keys(text)


def submit_credentials(driver, username, password=PASSWORD):
    wait(driver, lambda d: d.find_elements(By.ID, "username"), "sign-in form missing")
    fill(driver.find_element(By.ID, "username"), username)
    fill(driver.find_element(By.ID, "password"), password)
    driver.find_element(By.ID, "sign-in-submit").click()


def sign_in(driver, username, password=PASSWORD):
    """Signs in through the form (from a signed-out browser) and waits for 工作台."""
    driver.delete_all_cookies()
    open_app(driver, "#/sign-in")
    submit_credentials(driver, username, password)
    wait_for_title(driver, "工作台")


def sign_out(driver):
    """Signs out through the user menu."""
    driver.find_element(By.CSS_SELECTOR, ".user-button").click()
    item = wait(driver, lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, "#user-menu [role=menuitem]")
                                        if e.text.strip() == "退出登录" and e.is_displayed()), None), "no 退出登录 item")
    item.click()
    wait(driver, on_sign_in_page, "sign-out did not return to the sign-in page")


def navigation(driver):
    """The navigation as shown: {top-level item or group label: None or [item labels]}."""
    return driver.execute_script("""
        const result = {};
        for (const node of document.querySelectorAll('#sidenav > ul > li')) {
          if (node.classList.contains('nav-group')) {
            const title = node.querySelector('.nav-group-title').textContent.trim();
            result[title] = [...node.querySelectorAll('a.nav-link')].map((a) => a.textContent.trim());
          } else {
            const link = node.querySelector('a.nav-link');
            if (link) result[link.textContent.trim()] = null;
          }
        }
        return result;
    """)


def api(driver, method, path, body=None):
    """Calls the API from inside the page with its cookie and CSRF token; returns (status, parsed JSON or None)."""
    result = driver.execute_async_script("""
        const [method, path, body, done] = arguments;
        (async () => {
          let token = null;
          if (method !== 'GET') {
            const session = await fetch('/api/auth/session', { cache: 'no-store' });
            if (session.ok) token = (await session.json()).csrfToken;
          }
          const headers = { Accept: 'application/json' };
          if (body !== null) headers['Content-Type'] = 'application/json';
          if (token) headers['X-CSRF-Token'] = token;
          const response = await fetch(path, { method, headers, cache: 'no-store', body: body === null ? undefined : JSON.stringify(body) });
          const text = await response.text();
          done({ status: response.status, text });
        })().catch((error) => done({ status: -1, text: String(error) }));
    """, method, path, body)
    text = result["text"]
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = text
    return result["status"], parsed


def totp(secret, at=None, period=30, digits=6):
    """RFC 6238 TOTP (HMAC-SHA1, 30 s steps) for a base32 secret."""
    cleaned = secret.replace(" ", "").upper()
    key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    counter = int((time.time() if at is None else at) // period)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % (10 ** digits)
    return str(value).zfill(digits)


def citizen_id(birth="19900307", region="320106", sequence="123"):
    """A valid 公民身份号码 (GB 11643 check character)."""
    body = region + birth + sequence
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def unique(prefix):
    return f"{prefix}{uuid.uuid4().hex[:8]}"


def screenshot_dir():
    path = os.environ.get("JIANWU_SCREENSHOT_DIR")
    if not path:
        path = tempfile.mkdtemp(prefix="jianwu-screenshots-")
        os.environ["JIANWU_SCREENSHOT_DIR"] = path
    os.makedirs(path, exist_ok=True)
    return path


def png_colours(data, limit=64):
    """Distinct RGB colours in an 8-bit RGB/RGBA PNG (what Chromium writes), counting up to `limit`."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, header, compressed = 8, None, bytearray()
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            compressed += chunk
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG format {header}")
    channels = 3 if colour_type == 2 else 4
    stride = width * channels
    raw = zlib.decompress(bytes(compressed))
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        filter_type = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if filter_type == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif filter_type == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif filter_type == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif filter_type == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        if len(colours) < limit:
            for x in range(0, stride, channels * 7):  # every 7th pixel is plenty to tell a page from a blank
                colours.add(bytes(line[x:x + 3]))
        previous = line
    return len(colours)


class BrowserTestCase(unittest.TestCase):
    """One Chromium per test class; each test starts signed out with a desktop viewport."""
    size = DESKTOP

    @classmethod
    def setUpClass(cls):
        cls.driver = new_driver(cls.size)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        set_viewport(self.driver, self.size)
        self.driver.delete_all_cookies()

    def tearDown(self):
        # Page errors (uncaught exceptions) fail the test: the UI must never break silently.
        errors = [entry["message"] for entry in self.driver.get_log("browser")
                  if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]]
        self.assertEqual(errors, [], "JavaScript errors in the page")


# Helpers for the case, knowledge and notification tests.

def go(driver, hash_path):
    """Moves the app to `hash_path` without reloading the page (as a click on a link would)."""
    driver.execute_script("location.hash = arguments[0]", hash_path)


def shanghai_today():
    """Today's date in Asia/Shanghai (the server's calendar), whatever the machine's zone."""
    import datetime
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def set_value(driver, element, value):
    """Sets an input's value as typing would (input and change events); for date inputs, whose typing is locale-bound."""
    driver.execute_script("""
        const [element, value] = arguments;
        element.focus();
        element.value = value;
        element.dispatchEvent(new Event('input', { bubbles: true }));
        element.dispatchEvent(new Event('change', { bubbles: true }));
    """, element, value)


def open_dialog(driver):
    return wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "dialog[open]"), "no dialog opened").pop()


def wait_dialog_closed(driver, message="dialog stayed open"):
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "dialog[open]"), message)


def wait_toast(driver, text):
    return wait(driver, lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".toast") if text in t.text), None),
                f"no toast with {text!r}")


def button_with_text(scope, text, selector="button"):
    """The first displayed button (or `selector`) under `scope` whose text is exactly `text`."""
    return next((b for b in scope.find_elements(By.CSS_SELECTOR, selector) if b.text.strip() == text and b.is_displayed()), None)


def fetch_from_page(driver, url):
    """GETs `url` from inside the page (its cookie); returns (status, Content-Type, byte count)."""
    result = driver.execute_async_script("""
        const [url, done] = arguments;
        fetch(url, { cache: 'no-store' }).then(async (response) => {
          const body = await response.arrayBuffer();
          done([response.status, response.headers.get('Content-Type'), body.byteLength]);
        }).catch((error) => done([-1, String(error), 0]));
    """, url)
    return tuple(result)


def minimal_pdf(text="Jianwu test"):
    """A small but valid one-page PDF 1.4 (catalog, pages, page, content stream, font) with a correct xref table."""
    stream = f"BT /F1 18 Tf 36 100 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def minimal_png(width=24, height=16, rgb=(31, 78, 153)):
    """A valid RGB PNG filled with one colour."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def temp_file(name, data):
    """Writes `data` to a new temporary folder as `name` and returns the path (the browser uploads it by name).
    The folders are removed when the test run ends."""
    import atexit
    import shutil
    folder = tempfile.mkdtemp(prefix="jianwu-upload-")
    atexit.register(shutil.rmtree, folder, True)
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(data)
    return path


def create_case_via_api(driver, name, received_on, stage="arrestReview", charges=("盗窃罪",)):
    """Registers a case through the API from the signed-in page; returns its CaseDetail."""
    status, detail = api(driver, "POST", "/api/cases", {
        "name": name, "stage": stage, "receivedOn": received_on, "charges": list(charges),
    })
    assert status == 201, (status, detail)
    return detail


def create_due_soon_case(driver, name):
    """A case whose 审查逮捕 falls due in two days whatever the calendar: received five days ago, the suspect detained
    (7 days, never moved by holidays while in custody). The measure makes the server remind the team at once."""
    import datetime
    received = shanghai_today() - datetime.timedelta(days=5)
    detail = create_case_via_api(driver, name, received.isoformat())
    case_id = detail["summary"]["id"]
    status, person = api(driver, "POST", f"/api/cases/{case_id}/persons", {"role": "suspect", "name": "测试某"})
    assert status == 201, (status, person)
    status, organisations = api(driver, "GET", "/api/organisations")
    centre = next(o for o in organisations["items"] if o["kind"] == "detentionCentre")
    status, detail = api(driver, "POST", f"/api/cases/{case_id}/persons/{person['id']}/measures", {
        "kind": "criminalDetention", "startsOn": (received - datetime.timedelta(days=2)).isoformat(), "placeId": centre["id"],
    })
    assert status == 201, (status, detail)
    return detail


def draw_on(driver, canvas, strokes=2):
    """Signs on a canvas with the mouse (pointer events), a few zigzag strokes."""
    width = canvas.size["width"]
    height = canvas.size["height"]
    for stroke in range(strokes):
        actions = ActionChains(driver)
        actions.move_to_element_with_offset(canvas, -width // 3, -height // 6 + stroke * 20).click_and_hold()
        for step in range(6):
            actions.move_by_offset(width // 12, (-1) ** step * 25)
        actions.release().perform()

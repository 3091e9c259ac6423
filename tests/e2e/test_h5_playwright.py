"""The H5 demo page in a real browser: a resident's 查缴办 journey at a phone's viewport.

Starts the embedded system (`scripts/run_embedded.py`: ASGI backend + the fakes, SMS through
the fake Twilio) on free ports with its own SQLite file, then drives `/h5/` of the fakes' origin
in Debian's headless Chromium (Playwright): SMS login with the code from the sandbox SMS inbox,
the service list, an application with photographed materials, progress that a clerk makes
through the staff API arriving over the websocket, and a WeChat Pay bill paid in the sandbox
(the fake's signed callback settles it). A screenshot of every step goes to build/screenshots/.
Under CI=true a missing Chromium fails the test instead of skipping it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots" / "h5"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVICE = "11370000JT0001"  # driving licence renewal: JT accepts and decides with GA, fee after approval
PHONE = "13812345678"


def _browser_or_skip() -> None:
    missing = not Path(CHROMIUM).exists() and shutil.which("chromium") is None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"CI needs Chromium at {CHROMIUM} and the playwright package (.ci/run installs them)")
        pytest.skip("Chromium or playwright missing")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(method: str, url: str, body: dict | None = None, token: str = "") -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read() or b"{}")


def _totp(secret_b32: str, step: int = 30, digits: int = 6) -> str:
    """RFC 6238, as the clerk's authenticator app computes it."""
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time() // step)), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return str((struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**digits).zfill(digits)


def _photo(tmp_path: Path, name: str, caption: str) -> Path:
    """A phone photo of a document: a card with text and a coloured band."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (900, 570), (236, 240, 246))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 860, 530), fill=(255, 255, 255), outline=(90, 90, 90), width=4)
    draw.rectangle((40, 40, 860, 120), fill=(29, 78, 216))
    draw.text((70, 160), caption, fill=(20, 20, 20))
    draw.rectangle((620, 180, 820, 430), fill=(200, 200, 210))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def system(tmp_path: Path):
    """The embedded system on free ports with a fresh SQLite file, demo data and demo clerks."""
    port, mock_port = _free_port(), _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "RATE_LIMIT_REDIS_URL",
            "DJANGO_SETTINGS_MODULE",
            "CORS_ALLOWED_ORIGINS",
        }
    }
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'h5.sqlite3'}", "DEBUG": "1"})
    staff_file = tmp_path / "staff.json"
    for command in (
        ["migrate", "--noinput"],
        ["seed_demo"],
        ["seed_catalog"],
        ["demo_staff", "--output", str(staff_file)],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    log = tmp_path / "run.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "scripts/run_embedded.py",
                "--port",
                str(port),
                "--mock-port",
                str(mock_port),
                "--sms",
                "twilio",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base, mock = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{mock_port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            urllib.request.urlopen(f"{mock}/h5/config.json", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
                pytest.fail(f"the embedded system did not come up:\n{log.read_text()}")
            time.sleep(0.5)
    staff = {a["username"]: a for a in json.loads(staff_file.read_text())["staff"]}
    yield base, mock, staff, log
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def _staff_token(base: str, account: dict) -> str:
    answer = _request(
        "POST",
        f"{base}/api/v1/auth/staff/login",
        {
            "username": account["username"],
            "password": account["password"],
            "otp_code": _totp(account["totp_secret"]),
        },
    )
    return answer["access"]


def test_a_resident_logs_in_applies_follows_progress_live_and_pays_in_the_h5_page(system, tmp_path):
    _browser_or_skip()
    from playwright.sync_api import expect, sync_playwright

    base, mock, staff, _log = system
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    photos = {
        "driving_licence": _photo(tmp_path, "licence.png", "DRIVING LICENCE  No. 370102199001011234"),
        "photo": _photo(tmp_path, "photo.png", "PASSPORT PHOTO"),
        "health_cert": _photo(tmp_path, "health.png", "MEDICAL EXAMINATION CERTIFICATE: FIT TO DRIVE"),
    }
    errors: list[str] = []

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="zh-CN",
        )
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        def shot(name: str) -> None:
            page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

        # Given the H5 page on the sandbox's origin, when the resident asks for a login code,
        # then the SMS reaches the fake Twilio and the page reads it from the sandbox inbox.
        page.goto(f"{mock}/h5/")
        expect(page.locator("#view-login")).to_be_visible()
        shot("01-login")
        page.fill("#phone", PHONE)
        page.click("#send-code")
        expect(page.locator("#code")).to_have_value(re.compile(r"^\d{6}$"))
        expect(page.locator("#sms-text")).to_contain_text("验证码")
        shot("02-sms-code")

        # When they log in, the service list appears.
        page.click("#sms-login")
        expect(page.locator(f'#service-list button[data-code="{SERVICE}"]')).to_be_visible()
        expect(page.locator("#who")).to_have_text("138****5678")
        expect(page.locator("#live")).not_to_have_class(re.compile(r"\boff\b"))
        shot("03-services")

        # When they open the driving licence renewal, fill the form, photograph the materials,
        # give the separate consent for identity documents and submit, the case is submitted.
        page.click(f'#service-list button[data-code="{SERVICE}"]')
        expect(page.locator("#apply-title")).to_have_text("机动车驾驶证期满换证")
        page.fill('#apply-fields input[name="applicant_name"]', "张三")
        page.fill('#apply-fields input[name="contact_phone"]', PHONE)
        for slot, path in photos.items():
            page.set_input_files(f'#apply-materials input[name="material:{slot}"]', str(path))
        page.check("#consent")
        shot("04-apply")
        page.click('#apply-form button[type="submit"]')
        expect(page.locator("#view-mine")).to_be_visible()
        card = page.locator("#application-list li").first
        expect(card).to_contain_text("机动车驾驶证期满换证")
        expect(card.locator(".status")).to_have_text("已提交")
        expect(page.locator('#event-list li[data-event="application.submitted"]')).to_have_count(1)
        shot("05-submitted")
        application_id = card.get_attribute("data-id")

        # When a clerk accepts the case through the staff API, the progress arrives live over
        # the websocket and the card changes without a reload.
        clerk = _staff_token(base, staff["demo.jt.clerk"])
        _request("POST", f"{base}/api/v1/staff/applications/{application_id}/accept", {}, clerk)
        expect(page.locator('#event-list li[data-event="application.accepted"]')).to_have_count(1)
        expect(card.locator(".status")).to_have_text("已受理")
        shot("06-accepted-live")

        # When both departments approve, the fee falls due: the event and the bill appear.
        _request("POST", f"{base}/api/v1/staff/applications/{application_id}/claim", {}, clerk)
        _request(
            "POST",
            f"{base}/api/v1/staff/applications/{application_id}/approve",
            {"department_code": "JT"},
            clerk,
        )
        reviewer = _staff_token(base, staff["demo.ga.reviewer"])
        _request(
            "POST",
            f"{base}/api/v1/staff/applications/{application_id}/approve",
            {"department_code": "GA"},
            reviewer,
        )
        expect(page.locator('#event-list li[data-event="application.fee_due"]')).to_have_count(1)
        bill = page.locator("#bill-list li").first
        expect(bill.locator(".status")).to_have_text("待缴费")
        expect(bill).to_contain_text("10.00 元")
        shot("07-fee-due")

        # When they pay with WeChat Pay (QR code) and the sandbox resident scans and pays, the fake
        # sends its signed callback, the bill is paid and payment.succeeded arrives live.
        bill.locator("button").click()
        expect(page.locator("#pay-qr")).to_be_visible()
        expect(page.locator("#pay-hint")).to_contain_text("请用微信扫码支付")
        shot("08-pay-qr")
        page.click("#pay-scan")
        expect(page.locator("#pay-state")).to_have_text("缴费成功 ✓")
        expect(page.locator('#event-list li[data-event="payment.succeeded"]')).to_have_count(1)
        shot("09-paid")

        # The sandbox console shows the order paid and the backend's answer to the callback.
        console = context.new_page()
        console.goto(f"{mock}/console/")
        expect(console.locator('table[data-list="wechatpay.orders"]')).to_contain_text("SUCCESS")
        expect(console.locator('table[data-list="wechatpay.callbacks"] td.ok').first).to_be_visible()
        console.screenshot(path=str(SHOTS / "10-console.png"), full_page=True)
        context.close()

    assert not errors, errors
    state = _request("GET", f"{mock}/console/api/state")
    callbacks = state["wechatpay"]["callbacks"]
    assert callbacks and all(200 <= c["status"] < 300 for c in callbacks), callbacks
    assert sorted(p.name for p in SHOTS.glob("*.png")) == [
        "01-login.png",
        "02-sms-code.png",
        "03-services.png",
        "04-apply.png",
        "05-submitted.png",
        "06-accepted-live.png",
        "07-fee-due.png",
        "08-pay-qr.png",
        "09-paid.png",
        "10-console.png",
    ]

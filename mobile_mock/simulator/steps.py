"""The 查缴办 journey, one method per step; every step asserts what the API must have done.

Only the generated client (`zhangban_client`, from openapi/openapi.yaml) and the websocket
reach the backend. A step that finds something wrong raises `StepFailed`; the runner stops there.
"""

from __future__ import annotations

import io
import re
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx
from zhangban_client import AuthenticatedClient, Client
from zhangban_client.api.applications import (
    applications_create,
    applications_form_update,
    applications_material_delete,
    applications_material_upload,
    applications_retrieve,
    applications_submit,
    consents_grant,
)
from zhangban_client.api.auth import (
    auth_sms_code_request,
    auth_sms_login,
    auth_staff_login,
    auth_wechat_login,
    auth_wechat_phone_bind,
)
from zhangban_client.api.certificates import certificates_list, certificates_retrieve, certificates_verify
from zhangban_client.api.evaluations import evaluations_create
from zhangban_client.api.me import me_real_name_verify, me_retrieve
from zhangban_client.api.messages import messages_list
from zhangban_client.api.payments import bills_pay, bills_retrieve
from zhangban_client.api.services import services_guide_retrieve, services_search
from zhangban_client.api.staff_workbench import (
    staff_applications_accept,
    staff_applications_approve,
    staff_applications_claim,
    staff_applications_complete,
    staff_applications_request_correction,
)
from zhangban_client.models import (
    ApplicationCreateInputRequest,
    ApplicationDetailOutput,
    ApplicationStatusEnum,
    BillDetailOutput,
    BillPayInputRequest,
    BillPayOutput,
    CertificateDetailOutput,
    CertificateStatusEnum,
    CertificateVerifyOutput,
    ConsentInputRequest,
    ConsentOutput,
    CorrectionItemRequest,
    CorrectionRequestInputRequest,
    EvaluationCreateInputRequest,
    EvaluationLevelEnum,
    EvaluationOutput,
    EvaluationReasonTagEnum,
    EvaluationStageEnum,
    MaterialOutput,
    MaterialUploadInputRequest,
    MeOutput,
    PaginatedCertificateSummaryList,
    PaginatedInboxMessageOutputList,
    PaginatedServiceSummaryOutputList,
    PatchedApplicationFormInputRequest,
    PatchedApplicationFormInputRequestFormData,
    PaymentChannelEnum,
    PhoneBindOutput,
    Problem,
    PurposeEnum,
    RealNameInputRequest,
    ServiceGuideOutput,
    SmsCodeRequestInputRequest,
    SmsCodeRequestOutput,
    SmsLoginInputRequest,
    StaffApplicationDetailOutput,
    StaffLoginInputRequest,
    StaffNoteInputRequest,
    TaskApproveInputRequest,
    TokenPair,
    WeChatLoginInputRequest,
    WeChatPhoneInputRequest,
)
from zhangban_client.types import File, Response

from mobile_mock.simulator.documents import card_image, portrait_photo
from mobile_mock.simulator.events import EventStream
from mobile_mock.simulator.fakes import Sandbox
from mobile_mock.simulator.totp import totp
from mobile_mock.simulator.transcript import (
    Transcript,
    mask_id_number,
    mask_name,
    mask_phone,
    mask_secret,
)

SERVICE_CODE = "11370000JT0001"  # 驾驶证换证: JT with GA co-handling, fee after approval, certificate
SEARCH_TERM = "驾驶证"
ID_SLOT, PHOTO_SLOT, HEALTH_SLOT = "driving_licence", "photo", "health_cert"
# The events every journey must have produced in the inbox and on the websocket.
JOURNEY_EVENTS = [
    "application.submitted",
    "application.correction_required",
    "application.accepted",
    "application.fee_due",
    "payment.succeeded",
    "application.approved",
    "application.completed",
    "certificate.issued",
]
# Events that matter go out by SMS to a resident without a WeChat subscribe consent, except in
# the quiet hours (22:00–08:00 Asia/Shanghai, settings.NOTIFY_QUIET_*), when they wait for 08:00.
SMS_EVENTS = {"application.correction_required", "application.fee_due", "application.approved"}
QUIET_START_HOUR, QUIET_END_HOUR = 22, 8
SHANGHAI = timezone(timedelta(hours=8))


def quiet_hours(at: datetime | None = None) -> bool:
    hour = (at or datetime.now(SHANGHAI)).astimezone(SHANGHAI).hour
    return hour >= QUIET_START_HOUR or hour < QUIET_END_HOUR


T = TypeVar("T")


class StepFailed(AssertionError):
    """A step did not do what it should; the message says what was expected and what came."""


def expect(response: Response[Any], status: int, kind: type[T]) -> T:
    """The parsed answer when it has `status` and type `kind`; StepFailed with the problem otherwise."""
    parsed = response.parsed
    if response.status_code != status or not isinstance(parsed, kind):
        detail = ""
        if isinstance(parsed, Problem):
            detail = f" code={parsed.code!r} detail={parsed.detail!r}"
        raise StepFailed(
            f"expected HTTP {status} {kind.__name__}, got {int(response.status_code)}{detail}: "
            f"{response.content[:300]!r}"
        )
    return parsed


def check(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def citizen_id(region: str = "370102", birth: str = "19900307", sequence: str = "123") -> str:
    """A syntactically valid GB 11643 number (ISO 7064 MOD 11-2 check character)."""
    body = f"{region}{birth}{sequence}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


@dataclass
class Config:
    api_url: str
    mock_url: str
    staff: list[dict[str, Any]]
    sms_provider: str = "twilio"
    language: str = "zh-Hans"
    timeout: float = 20.0


@dataclass
class State:
    wechat_user: str = field(default_factory=lambda: f"resident-{secrets.token_hex(4)}")
    phone: str = field(default_factory=lambda: f"139{secrets.randbelow(10**8):08d}")
    name: str = "张小明"
    id_number: str = field(default_factory=lambda: citizen_id(sequence=f"{secrets.randbelow(1000):03d}"))
    resident: AuthenticatedClient | None = None
    staff: dict[str, AuthenticatedClient] = field(default_factory=dict)
    stream: EventStream | None = None
    application_id: uuid.UUID | None = None
    receipt_number: str = ""
    bill_id: str = ""
    certificate_id: uuid.UUID | None = None
    user_id: str = ""
    quiet_at_start: bool = field(default_factory=quiet_hours)


class Journey:
    """Runs the steps in order against one backend and its sandbox providers."""

    def __init__(self, config: Config, transcript: Transcript) -> None:
        self.config = config
        self.t = transcript
        self.s = State()
        self.sandbox = Sandbox(config.mock_url, timeout=config.timeout)
        self.anonymous = self._client()

    # --- plumbing ------------------------------------------------------------------------------
    def _client(self, token: str | None = None) -> Any:
        common: dict[str, Any] = {
            "base_url": self.config.api_url,
            "headers": {"Accept-Language": self.config.language},
            "timeout": httpx.Timeout(self.config.timeout),
            # An answer the spec does not document is a failure, not something to guess at.
            "raise_on_unexpected_status": True,
        }
        return AuthenticatedClient(token=token, **common) if token else Client(**common)

    @property
    def resident(self) -> AuthenticatedClient:
        assert self.s.resident is not None
        return self.s.resident

    @property
    def application_id(self) -> uuid.UUID:
        assert self.s.application_id is not None
        return self.s.application_id

    def staff_member(self, department: str) -> dict[str, Any]:
        for member in self.config.staff:
            if department in member["departments"]:
                return member
        raise StepFailed(f"no demo staff for department {department}")

    def close(self) -> None:
        if self.s.stream is not None:
            self.s.stream.close()
        self.sandbox.close()

    def steps(self) -> list[Any]:
        return [
            self.wechat_login,
            self.bind_phone,
            self.sms_login,
            self.real_name,
            self.open_websocket,
            self.search_service,
            self.read_guide,
            self.create_application,
            self.submit,
            self.staff_login,
            self.request_correction,
            self.fix_and_resubmit,
            self.accept_and_co_handle,
            self.pay_with_wechat,
            self.complete_and_certificate,
            self.verify_certificate,
            self.sms_and_inbox,
            self.evaluate,
            self.websocket_summary,
        ]

    # --- resident: login ------------------------------------------------------------------------
    def wechat_login(self) -> None:
        self.t.step("微信小程序登录", "WeChat mini-program login")
        minted = self.sandbox.wechat_login_code(self.s.wechat_user)
        self.t.fact("wx.login() code", mask_secret(minted["code"]))
        pair = expect(
            auth_wechat_login.sync_detailed(
                client=self.anonymous, body=WeChatLoginInputRequest(code=minted["code"])
            ),
            200,
            TokenPair,
        )
        check(pair.token_type == "Bearer" and pair.expires_in > 0, "a bearer token pair")
        self.s.resident = self._client(pair.access)
        self.t.fact("access token", mask_secret(pair.access))
        self.t.ok(
            f"logged in as fake WeChat user {self.s.wechat_user} (openid {mask_secret(minted['openid'])})"
        )

    def bind_phone(self) -> None:
        self.t.step("绑定微信手机号", "Bind the phone number WeChat verified")
        code = self.sandbox.wechat_phone_code(self.s.wechat_user, self.s.phone)
        bound = expect(
            auth_wechat_phone_bind.sync_detailed(
                client=self.resident, body=WeChatPhoneInputRequest(code=code)
            ),
            200,
            PhoneBindOutput,
        )
        check(bound.phone == mask_phone(self.s.phone), f"the API shows the phone masked, got {bound.phone}")
        check(not bound.merged, "a new phone merges no account")
        self.s.resident = self._client(bound.tokens.access)
        self.s.user_id = str(bound.user_id)
        self.t.fact("phone", bound.phone)
        self.t.ok("phone bound; progress SMS can reach the resident")

    def sms_login(self) -> None:
        self.t.step(
            "同一人用短信验证码登录省级App", "The same person logs in on the provincial app by SMS code"
        )
        sent = expect(
            auth_sms_code_request.sync_detailed(
                client=self.anonymous, body=SmsCodeRequestInputRequest(phone=self.s.phone)
            ),
            202,
            SmsCodeRequestOutput,
        )
        self.t.fact("code requested", f"for {mask_phone(self.s.phone)}, resend after {sent.resend_after}s")
        code = ""
        deadline = time.monotonic() + self.config.timeout
        while not code and time.monotonic() < deadline:
            for sms in self.sandbox.sms_inbox(self.config.sms_provider, f"+86{self.s.phone}"):
                found = re.search(r"(\d{6})", str(sms.get("body", "")))
                code = found.group(1) if found else code
            time.sleep(0 if code else 0.3)
        check(bool(code), f"the login code arrived by SMS at the fake {self.config.sms_provider}")
        self.t.fact(
            f"SMS to {mask_phone(self.s.phone)}",
            f"…验证码为{code[:2]}****… (via the fake {self.config.sms_provider})",
        )
        pair = expect(
            auth_sms_login.sync_detailed(
                client=self.anonymous, body=SmsLoginInputRequest(phone=self.s.phone, code=code)
            ),
            200,
            TokenPair,
        )
        me = expect(me_retrieve.sync_detailed(client=self._client(pair.access)), 200, MeOutput)
        check(str(me.id) == self.s.user_id, "one account per person: the phone finds the WeChat account")
        self.t.ok(f"same account ({', '.join(sorted(str(i.provider) for i in me.identities))}) — 一号登录")

    def real_name(self) -> None:
        self.t.step("实名认证", "Real-name verification (sandbox identity service)")
        me = expect(
            me_real_name_verify.sync_detailed(
                client=self.resident,
                body=RealNameInputRequest(name=self.s.name, citizen_id=self.s.id_number),
            ),
            200,
            MeOutput,
        )
        check(me.real_name_verified, "the identity service confirmed name and ID number")
        check(me.citizen_id != self.s.id_number, "the API never shows the full ID number")
        self.t.fact("name", mask_name(self.s.name))
        self.t.fact("citizen ID", me.citizen_id or mask_id_number(self.s.id_number))
        self.t.ok("real name verified")

    def open_websocket(self) -> None:
        self.t.step("打开消息通道", "Open the websocket /ws/v1/events")
        ws_url = self.config.api_url.replace("http", "ws", 1) + "/ws/v1/events"
        token = self.resident.token
        stream = EventStream(
            ws_url, token, on_event=lambda f: self.t.note(f"websocket ← #{f['id']} {f['event']}")
        )
        ready = stream.open(timeout=self.config.timeout)
        self.s.stream = stream
        self.t.ok(f"connected, caught up to event #{ready.get('last_id')}; events print as they arrive")

    # --- 查: service and guide --------------------------------------------------------------------
    def search_service(self) -> None:
        self.t.step("搜索事项", "Search a service")
        page = expect(
            services_search.sync_detailed(client=self.anonymous, q=SEARCH_TERM),
            200,
            PaginatedServiceSummaryOutputList,
        )
        codes = [item.code for item in page.results]
        self.t.fact("query", SEARCH_TERM)
        for item in page.results[:5]:
            self.t.fact(item.code, f"{item.name} ({item.department.name})")
        check(SERVICE_CODE in codes, f"{SERVICE_CODE} is found by {SEARCH_TERM!r}: {codes}")
        self.t.ok(f"{page.count} result(s); picked {SERVICE_CODE}")

    def read_guide(self) -> None:
        self.t.step("阅读办事指南", "Read its guide")
        guide = expect(
            services_guide_retrieve.sync_detailed(SERVICE_CODE, client=self.anonymous),
            200,
            ServiceGuideOutput,
        )
        slots = {m.code: m for m in guide.materials}
        self.t.fact("service", f"{guide.name} v{guide.version}")
        self.t.fact(
            "departments", ", ".join([guide.department.name] + [d.name for d in guide.co_departments])
        )
        self.t.fact("fees", ", ".join(f"{f.name} {f.amount_fen / 100:.2f} 元" for f in guide.fees))
        self.t.fact("materials", ", ".join(m.name for m in guide.materials))
        check({ID_SLOT, PHOTO_SLOT, HEALTH_SLOT} <= set(slots), f"the materials: {sorted(slots)}")
        check(slots[ID_SLOT].is_identity_document, "the licence is an identity document (consent needed)")
        check(any(d.code == "GA" for d in guide.co_departments), "GA co-handles the case")
        check(str(guide.fee_stage) == "after_approval" and guide.fees, "a fee is due after approval")
        self.t.ok(f"promised in {guide.promised_days} working days")

    # --- 办: application -------------------------------------------------------------------------
    def _upload(self, slot: str, data: bytes, name: str, mime: str) -> Response[Any]:
        return applications_material_upload.sync_detailed(
            self.application_id,
            client=self.resident,
            body=MaterialUploadInputRequest(
                slot=slot, file=File(payload=io.BytesIO(data), file_name=name, mime_type=mime)
            ),
        )

    def create_application(self) -> None:
        self.t.step("创建申请并上传材料", "Create the application with photos of the materials")
        detail = expect(
            applications_create.sync_detailed(
                client=self.resident, body=ApplicationCreateInputRequest(service_code=SERVICE_CODE)
            ),
            201,
            ApplicationDetailOutput,
        )
        check(
            detail.status == ApplicationStatusEnum.DRAFT, f"a new application is a draft, got {detail.status}"
        )
        self.s.application_id = detail.id
        form = PatchedApplicationFormInputRequestFormData.from_dict(
            {"applicant_name": self.s.name, "contact_phone": self.s.phone}
        )
        expect(
            applications_form_update.sync_detailed(
                detail.id, client=self.resident, body=PatchedApplicationFormInputRequest(form_data=form)
            ),
            200,
            ApplicationDetailOutput,
        )
        self.t.fact("application", str(detail.id))
        self.t.fact(
            "form", f"applicant_name={mask_name(self.s.name)} contact_phone={mask_phone(self.s.phone)}"
        )
        licence = card_image(
            "DRIVING LICENCE (SANDBOX)",
            [
                "Name: ZHANG XIAOMING",
                f"ID: {mask_id_number(self.s.id_number)}",
                "Class: C1",
                "Valid: 2020-2026",
            ],
        )
        refused = self._upload(ID_SLOT, licence, "licence.jpg", "image/jpeg")
        problem = expect(refused, 403, Problem)
        check(problem.code == "consent_required", f"identity documents need consent first: {problem.code}")
        self.t.ok("an identity document before consent is refused (403 consent_required)")
        consent = expect(
            consents_grant.sync_detailed(
                client=self.resident,
                body=ConsentInputRequest(purpose=PurposeEnum.IDENTITY_DOCUMENT_UPLOAD, agree=True),
            ),
            201,
            ConsentOutput,
        )
        self.t.ok(f"separate consent recorded: {consent.purpose}")
        uploads = [
            (ID_SLOT, licence, "licence.jpg", "image/jpeg"),
            (PHOTO_SLOT, portrait_photo(background="#3a6ea5"), "photo.png", "image/png"),
            (
                HEALTH_SLOT,
                card_image("MEDICAL EXAMINATION (SANDBOX)", ["Vision: 5.0 / 5.0", "Fit to drive"]),
                "health.jpg",
                "image/jpeg",
            ),
        ]
        for slot, data, name, mime in uploads:
            material = expect(self._upload(slot, data, name, mime), 201, MaterialOutput)
            check(material.content_type == "image/jpeg", "images are re-encoded as JPEG without metadata")
            self.t.fact(
                f"material {slot}",
                f"{name} {len(data)} B → stored {material.size_bytes} B {material.content_type}",
            )
        self.t.ok("three materials uploaded (a portrait on a blue background, on purpose)")

    def submit(self) -> None:
        self.t.step("提交申请", "Submit")
        detail = expect(
            applications_submit.sync_detailed(self.application_id, client=self.resident),
            200,
            ApplicationDetailOutput,
        )
        check(detail.status == ApplicationStatusEnum.SUBMITTED, f"submitted, got {detail.status}")
        check(bool(detail.receipt_number), "a receipt number")
        self.s.receipt_number = str(detail.receipt_number)
        self.t.fact("receipt number", self.s.receipt_number)
        self.t.fact("next step", detail.next_step)
        self.wait_event("application.submitted")

    def wait_event(self, name: str) -> dict[str, Any]:
        assert self.s.stream is not None
        try:
            return self.s.stream.wait_event(name, timeout=self.config.timeout)
        except TimeoutError as exc:
            raise StepFailed(f"no {name} event on the websocket: {exc}") from exc

    # --- staff --------------------------------------------------------------------------------------
    def staff_login(self) -> None:
        self.t.step("工作人员登录（密码 + 动态口令）", "Staff log in (password + TOTP)")
        for department in ("JT", "GA"):
            member = self.staff_member(department)
            code = totp(member["totp_secret"], step=member["totp_step"], digits=member["totp_digits"])
            pair = expect(
                auth_staff_login.sync_detailed(
                    client=self.anonymous,
                    body=StaffLoginInputRequest(
                        username=member["username"], password=member["password"], otp_code=code
                    ),
                ),
                200,
                TokenPair,
            )
            self.s.staff[department] = self._client(pair.access)
            self.t.fact(
                member["username"], f"{'+'.join(member['roles'])} @ {department}, TOTP {code[:2]}****"
            )
        self.t.ok("both clerks logged in")

    def _staff(self, department: str, call: Any, *args: Any, **kwargs: Any) -> StaffApplicationDetailOutput:
        response = call.sync_detailed(self.application_id, *args, client=self.s.staff[department], **kwargs)
        return expect(response, 200, StaffApplicationDetailOutput)

    def request_correction(self) -> None:
        self.t.step("一次性告知补正", "A clerk requests a correction (one-time notice)")
        detail = self._staff(
            "JT",
            staff_applications_request_correction,
            body=CorrectionRequestInputRequest(
                items=[
                    CorrectionItemRequest(
                        target=f"material:{PHOTO_SLOT}",
                        problem="证件照须为白色背景 / the photo needs a white background",
                    )
                ],
                note="预审 / pre-review",
            ),
        )
        check(
            detail.status == ApplicationStatusEnum.CORRECTION_REQUIRED,
            f"correction_required: {detail.status}",
        )
        check(detail.applicant_phone != self.s.phone, "staff see the phone masked")
        self.t.fact("staff sees applicant", f"{detail.applicant_name} {detail.applicant_phone}")
        frame = self.wait_event("application.correction_required")
        self.t.ok(f"resident told: {frame['data'].get('body', '')}")

    def fix_and_resubmit(self) -> None:
        self.t.step("按告知补正并重新提交", "The resident fixes it and resubmits")
        detail = expect(
            applications_retrieve.sync_detailed(self.application_id, client=self.resident),
            200,
            ApplicationDetailOutput,
        )
        notice = detail.open_correction
        check(notice is not None and len(notice.items) == 1, "one open notice with one item")
        assert notice is not None
        for item in notice.items:
            self.t.fact(f"notice round {notice.round_}", f"{item.target}: {item.problem}")
        old = next(m for m in detail.materials if m.slot == PHOTO_SLOT)
        deleted = applications_material_delete.sync_detailed(
            self.application_id, old.id, client=self.resident
        )
        check(deleted.status_code == 204, f"the old photo is deleted: {int(deleted.status_code)}")
        photo = portrait_photo(background="#ffffff")
        expect(self._upload(PHOTO_SLOT, photo, "photo-white.png", "image/png"), 201, MaterialOutput)
        self.t.fact("material photo", f"photo-white.png {len(photo)} B (white background)")
        detail = expect(
            applications_submit.sync_detailed(self.application_id, client=self.resident),
            200,
            ApplicationDetailOutput,
        )
        check(detail.status == ApplicationStatusEnum.SUBMITTED, f"back to submitted: {detail.status}")
        check(detail.corrections[0].resolved_at is not None, "the notice is resolved")
        self.t.ok(f"resubmitted; receipt number kept: {detail.receipt_number}")

    def accept_and_co_handle(self) -> None:
        self.t.step("受理与并联审批", "Accepted; every co-handling department approves")
        detail = self._staff("JT", staff_applications_accept, body=StaffNoteInputRequest(note="材料齐全"))
        check(detail.status == ApplicationStatusEnum.ACCEPTED, f"accepted: {detail.status}")
        check({t.department_code for t in detail.tasks} == {"JT", "GA"}, "a task for JT and for GA")
        self.t.fact("deadline", f"{detail.deadline_on} ({detail.clock_status})")
        self.wait_event("application.accepted")
        detail = self._staff("JT", staff_applications_claim)
        check(detail.status == ApplicationStatusEnum.IN_REVIEW, f"in review: {detail.status}")
        for department in ("GA", "JT"):
            detail = self._staff(
                department,
                staff_applications_approve,
                body=TaskApproveInputRequest(department_code=department),
            )
            self.t.fact(f"task {department}", "approved")
        check(all(str(t.status) == "approved" for t in detail.tasks), "every task approved")
        check(
            detail.status == ApplicationStatusEnum.FEE_DUE, f"the fee is due after approval: {detail.status}"
        )
        check(detail.fee_bill_id is not None, "a bill for the fee")
        self.s.bill_id = str(detail.fee_bill_id)
        frame = self.wait_event("application.fee_due")
        self.t.ok(f"fee due: {frame['data'].get('body', '')}")

    # --- 缴 -------------------------------------------------------------------------------------------
    def pay_with_wechat(self) -> None:
        self.t.step("微信支付缴费", "Pay with WeChat Pay; progress arrives over the websocket")
        bill = expect(
            bills_retrieve.sync_detailed(self.s.bill_id, client=self.resident), 200, BillDetailOutput
        )
        check(
            bill.total_fen == 1000 and str(bill.state) != "paid", f"an unpaid bill of 10.00: {bill.total_fen}"
        )
        self.t.fact("bill", f"{bill.number} {bill.description} {bill.total_fen / 100:.2f} 元 ({bill.state})")
        order = expect(
            bills_pay.sync_detailed(
                self.s.bill_id,
                client=self.resident,
                body=BillPayInputRequest(channel=PaymentChannelEnum.WECHAT_JSAPI),
                idempotency_key=str(uuid.uuid4()),
            ),
            201,
            BillPayOutput,
        )
        check(order.request_payment is not None, "wx.requestPayment parameters")
        assert order.request_payment is not None
        self.t.fact("out_trade_no", order.out_trade_no)
        self.t.fact(
            "wx.requestPayment",
            f"package={order.request_payment.package[:18]}… "
            f"paySign={mask_secret(order.request_payment.pay_sign)}",
        )
        paid = self.sandbox.wechatpay_pay(order.out_trade_no)
        check(paid.get("trade_state") == "SUCCESS", f"the fake WeChat Pay took the payment: {paid}")
        self.t.ok(f"paid in WeChat (transaction {mask_secret(paid['transaction_id'])}); signed callback sent")
        self.wait_event("payment.succeeded")
        frame = self.wait_event("application.approved")
        self.t.ok(f"progress over the websocket: {frame['event']} — {frame['data'].get('body', '')}")
        bill = expect(
            bills_retrieve.sync_detailed(self.s.bill_id, client=self.resident), 200, BillDetailOutput
        )
        check(str(bill.state) == "paid" and bill.paid_fen == 1000, f"the bill is paid: {bill.state}")
        self.t.fact("receipt", bill.receipt_number or "")

    # --- results ------------------------------------------------------------------------------------
    def complete_and_certificate(self) -> None:
        self.t.step("办结出证", "Completed; the certificate is issued")
        detail = self._staff("JT", staff_applications_complete, body=StaffNoteInputRequest(note="办结"))
        check(detail.status == ApplicationStatusEnum.COMPLETED, f"completed: {detail.status}")
        self.wait_event("application.completed")
        frame = self.wait_event("certificate.issued")
        page = expect(
            certificates_list.sync_detailed(client=self.resident), 200, PaginatedCertificateSummaryList
        )
        check(page.count == 1, f"one certificate: {page.count}")
        summary = page.results[0]
        check(str(frame["data"].get("subject_id")) == str(summary.id), "the event names the certificate")
        self.s.certificate_id = summary.id
        self.t.fact("certificate", f"{summary.type_.name} {summary.number}")
        self.t.fact("holder", summary.holder_name_masked or "")
        self.t.fact("valid", f"{summary.valid_from} – {summary.valid_until}")
        self.t.ok(f"issued by {summary.department.name}")

    def verify_certificate(self) -> None:
        self.t.step("公开核验电子证照", "Verify it through the public verification endpoint")
        assert self.s.certificate_id is not None
        detail = expect(
            certificates_retrieve.sync_detailed(self.s.certificate_id, client=self.resident),
            200,
            CertificateDetailOutput,
        )
        url = urlsplit(detail.verification_url)
        code = parse_qs(url.query).get("code", [""])[0]
        check(
            url.path.endswith(f"/certificates/verify/{detail.number}") and bool(code), detail.verification_url
        )
        self.t.fact("signature", f"{detail.algorithm} key {detail.key_id} {mask_secret(detail.signature)}")
        verified = expect(
            certificates_verify.sync_detailed(detail.number, client=self.anonymous, code=code),
            200,
            CertificateVerifyOutput,
        )
        check(verified.status == CertificateStatusEnum.VALID, f"valid: {verified.status}")
        check(verified.holder_name_masked != self.s.name, "the public check shows the name masked")
        wrong = certificates_verify.sync_detailed(detail.number, client=self.anonymous, code="x" + code[1:])
        check(wrong.status_code == 404, f"a wrong code finds nothing: {int(wrong.status_code)}")
        self.t.ok(
            f"{verified.status}: {verified.type_.name}, holder {verified.holder_name_masked}; "
            "a wrong code → 404"
        )

    def sms_and_inbox(self) -> None:
        self.t.step("短信与站内消息", "SMS (fake provider's inbox) and inbox messages")
        quiet_now = quiet_hours()
        deadline = time.monotonic() + (self.config.timeout if not quiet_now else 2)
        texts: list[str] = []
        while time.monotonic() < deadline:
            texts = [
                str(m.get("body", ""))
                for m in self.sandbox.sms_inbox(self.config.sms_provider, f"+86{self.s.phone}")
                if not re.search(r"\d{6}", str(m.get("body", "")))  # not the login code
            ]
            if len(texts) >= len(SMS_EVENTS):
                break
            time.sleep(0.5)
        for text in texts:
            self.t.fact(f"SMS to {mask_phone(self.s.phone)}", text)
        if not self.s.quiet_at_start and not quiet_now:
            check(len(texts) >= len(SMS_EVENTS), f"at least {len(SMS_EVENTS)} progress SMS, got {len(texts)}")
            check(
                any("补正" in t for t in texts) and any("缴费" in t for t in texts), "correction and fee SMS"
            )
            self.t.note("at most NOTIFY_SMS_PER_USER_HOUR (5) SMS per resident and hour; the rest wait")
        elif self.s.quiet_at_start and quiet_now:
            check(not texts, f"quiet hours (22:00–08:00 Asia/Shanghai): progress SMS wait, got {texts}")
            self.t.note(
                "quiet hours in Asia/Shanghai: progress SMS are held until 08:00 (the inbox has them)"
            )
        else:
            self.t.note("the journey crossed the start or end of the quiet hours: SMS count not checked")
        page = expect(
            messages_list.sync_detailed(client=self.resident, page_size=50),
            200,
            PaginatedInboxMessageOutputList,
        )
        events = [m.event for m in page.results]
        for message in reversed(page.results):
            self.t.fact(message.event, f"{message.title}: {message.body}")
        missing = [e for e in JOURNEY_EVENTS if e not in events]
        check(not missing, f"inbox messages for every step, missing {missing}")
        self.t.ok(f"{len(texts)} SMS via {self.config.sms_provider}, {page.count} inbox messages")

    def evaluate(self) -> None:
        self.t.step("好差评", "Evaluation (好差评)")
        rating = expect(
            evaluations_create.sync_detailed(
                client=self.resident,
                body=EvaluationCreateInputRequest(
                    application=self.application_id,
                    stage=EvaluationStageEnum.COMPLETION,
                    level=EvaluationLevelEnum.VALUE_5,
                    tags=[EvaluationReasonTagEnum.FAST, EvaluationReasonTagEnum.ONCE_ONLY],
                    text="补正一次说清楚，缴费方便。",
                ),
            ),
            201,
            EvaluationOutput,
        )
        again = evaluations_create.sync_detailed(
            client=self.resident,
            body=EvaluationCreateInputRequest(
                application=self.application_id,
                stage=EvaluationStageEnum.COMPLETION,
                level=EvaluationLevelEnum.VALUE_1,
            ),
        )
        problem = expect(again, 409, Problem)
        check(problem.code == "evaluation_exists", f"a rating is never edited: {problem.code}")
        self.t.ok(f"rated {int(rating.level)}/5 for the completion; a second rating → 409 evaluation_exists")

    def websocket_summary(self) -> None:
        self.t.step("消息通道回顾", "What arrived over the websocket")
        assert self.s.stream is not None
        received = [f["event"] for f in self.s.stream.events()]
        ids = [int(f["id"]) for f in self.s.stream.events()]
        check(ids == sorted(ids) and len(set(ids)) == len(ids), f"event ids grow: {ids}")
        missing = [e for e in JOURNEY_EVENTS if e not in received]
        check(not missing, f"every progress event on the websocket, missing {missing}")
        self.t.ok(f"{len(received)} events, ids {ids[0]}…{ids[-1]}, in order, none missing")

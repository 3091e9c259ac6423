"""HTTP endpoints of the mini-program bridge: one view per operation, each calls one service."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsResident
from backend.accounts.serializers import TokenPairSerializer
from backend.accounts.tokens import tokens_issue
from backend.core.masking import mask_phone
from backend.core.openapi import problem_responses
from miniprogram_bridge import selectors, services
from miniprogram_bridge.constants import Platform
from miniprogram_bridge.serializers import (
    AlipayLoginInputSerializer,
    AlipayPhoneInputSerializer,
    AlipaySubscribeConsentInputSerializer,
    PhoneBindOutputSerializer,
    SubscribeConsentInputSerializer,
    SubscribeConsentListOutputSerializer,
    WeChatLoginInputSerializer,
    WeChatPhoneInputSerializer,
)

_TOKEN_EXAMPLE = OpenApiExample(
    "Token pair",
    value={"token_type": "Bearer", "access": "eyJhbGciOi...", "refresh": "eyJhbGciOi...", "expires_in": 600},
    response_only=True,
)
_PHONE_BOUND_EXAMPLE = OpenApiExample(
    "Phone bound (accounts merged)",
    value={
        "user_id": "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77",
        "phone": "138****5678",
        "merged": True,
        "tokens": {
            "token_type": "Bearer",
            "access": "eyJhbGciOi...",
            "refresh": "eyJhbGciOi...",
            "expires_in": 600,
        },
    },
    response_only=True,
)
_MERGE_RULE = (
    "If the phone already belongs to another account, the two accounts become one: the account "
    "with verified real-name data wins, else the older one; identities, applications, bills, "
    "messages and consents move to it and the other account is closed (409 "
    "`account_merge_refused` when both are real-name verified: they are two people). The answer "
    "carries a fresh token pair for the surviving account — switch to it, the old tokens may "
    "no longer work."
)


def _phone_bound(request: Request, bound: services.PhoneBound) -> Response:
    user = bound.user
    # The new pair keeps the login methods of the token that asked, plus the verified phone.
    amr = [str(m) for m in (request.auth.get("amr", []) if request.auth is not None else [])]
    body = {
        "user_id": user.pk,
        "phone": mask_phone(user.phone),
        "merged": bound.merged,
        "tokens": tokens_issue(user, amr=[*dict.fromkeys([*amr, "phone"])]),
    }
    return Response(PhoneBindOutputSerializer(body).data)


class WeChatLoginApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_wechat_login",
        summary="Log in (or register) from the WeChat mini-program",
        description=(
            "In the mini-program:\n\n"
            "```js\n"
            "wx.login({ success: (res) => {\n"
            "  // res = { code: '0a3Xk…', errMsg: 'login:ok' }\n"
            "  wx.request({ url: API + '/api/v1/auth/wechat', method: 'POST',\n"
            "               data: { code: res.code } })   // -> { access, refresh, ... }\n"
            "}})\n"
            "```\n\n"
            "The server exchanges the code at WeChat (`jscode2session`) for the openid (and "
            "unionid when the mini-program is bound to an Open Platform account) and finds the "
            "account by them, creating it on first login. The session_key stays on the server. "
            "Errors: 401 `wechat_code_invalid` (unknown or expired code — call `wx.login` again), "
            "401 `wechat_code_used` (each code works once), 403 `wechat_login_blocked` (WeChat "
            "flags the user), 429 `wechat_rate_limited` (`Retry-After`), 503 `wechat_unavailable` "
            "(WeChat timed out, failed or is busy; try again)."
        ),
        request=WeChatLoginInputSerializer,
        responses={200: TokenPairSerializer, **problem_responses(400, 401, 403, 429, 503)},
        examples=[
            OpenApiExample("Request", value={"code": "0a3Xk1000mJ3aR1xxx3000Qv0Xk1Xk1k"}, request_only=True),
            _TOKEN_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = WeChatLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.wechat_login(code=data.validated_data["code"])
        return Response(tokens_issue(user, amr=["wechat"]))


class WeChatPhoneBindApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_wechat_phone_bind",
        summary="Bind the phone number WeChat verified",
        description=(
            "In the mini-program:\n\n"
            "```html\n"
            '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">…</button>\n'
            "```\n"
            "```js\n"
            "onPhone(e) { // e.detail = { code: 'e31968a7f…', errMsg: 'getPhoneNumber:ok' }\n"
            "  wx.request({ url: API + '/api/v1/auth/wechat/phone', method: 'POST',\n"
            "    header: { Authorization: 'Bearer ' + access }, data: { code: e.detail.code } })\n"
            "}\n"
            "```\n\n"
            + _MERGE_RULE
            + " Errors: 400 `wechat_phone_code_invalid` (unknown, expired or used code), 400 "
            "`wechat_phone_invalid` (not a mainland mobile number), 409 `phone_bind_conflict`, "
            "429 `wechat_rate_limited`, 503 `wechat_unavailable`."
        ),
        request=WeChatPhoneInputSerializer,
        responses={200: PhoneBindOutputSerializer, **problem_responses(400, 401, 403, 409, 429, 503)},
        examples=[
            OpenApiExample(
                "Request",
                value={"code": "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144"},
                request_only=True,
            ),
            _PHONE_BOUND_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = WeChatPhoneInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _phone_bound(
            request, services.wechat_phone_bind(user=request.user, code=data.validated_data["code"])
        )


class AlipayLoginApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_alipay_login",
        summary="Log in (or register) from the Alipay mini-program",
        description=(
            "In the mini-program:\n\n"
            "```js\n"
            "my.getAuthCode({ scopes: 'auth_base', success: (res) => {\n"
            "  // res = { authCode: '4b203fe6c11548bcabd8da5bb087a83b', authSuccessScopes: ['auth_base'] }\n"
            "  my.request({ url: API + '/api/v1/auth/alipay', method: 'POST',\n"
            "               headers: { 'content-type': 'application/json' },\n"
            "               data: JSON.stringify({ auth_code: res.authCode }) })\n"
            "}})\n"
            "```\n\n"
            "The server calls `alipay.system.oauth.token`; the answer's signature is verified, "
            "and the account is found by the Alipay user id (or open_id), created on first login. "
            "Errors: 401 `alipay_code_invalid` (unknown, expired or used code), 503 "
            "`alipay_unavailable` (Alipay timed out, failed or refused), 503 "
            "`alipay_response_invalid` (the answer's signature did not verify: no login)."
        ),
        request=AlipayLoginInputSerializer,
        responses={200: TokenPairSerializer, **problem_responses(400, 401, 503)},
        examples=[
            OpenApiExample(
                "Request", value={"auth_code": "4b203fe6c11548bcabd8da5bb087a83b"}, request_only=True
            ),
            _TOKEN_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = AlipayLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.alipay_login(auth_code=data.validated_data["auth_code"])
        return Response(tokens_issue(user, amr=["alipay"]))


class AlipayPhoneBindApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_alipay_phone_bind",
        summary="Bind the phone number Alipay verified",
        description=(
            "In the mini-program:\n\n"
            "```js\n"
            "my.getPhoneNumber({ success: (res) => {\n"
            '  // res.response is a JSON string: \'{"response":"Q2h…","sign":"kD…",\n'
            '  //   "sign_type":"RSA2","encrypt_type":"AES","charset":"UTF-8"}\'\n'
            "  my.request({ url: API + '/api/v1/auth/alipay/phone', method: 'POST',\n"
            "    headers: { Authorization: 'Bearer ' + access, 'content-type': 'application/json' },\n"
            "    data: JSON.stringify({ response: res.response }) })\n"
            "}})\n"
            "```\n\n"
            "The server verifies Alipay's signature and decrypts the number with the app's AES key. "
            + _MERGE_RULE
            + " Errors: 400 `alipay_phone_invalid` (does not verify or decrypt, or not a mainland "
            "mobile number), 409 `phone_bind_conflict`, 503 `alipay_unavailable` (not configured)."
        ),
        request=AlipayPhoneInputSerializer,
        responses={200: PhoneBindOutputSerializer, **problem_responses(400, 401, 403, 409, 503)},
        examples=[
            OpenApiExample(
                "Request",
                value={
                    "response": '{"response":"Q2hpbmEgaXMgYmlnLg==","sign":"kD0...","sign_type":"RSA2",'
                    '"encrypt_type":"AES","charset":"UTF-8"}'
                },
                request_only=True,
            ),
            _PHONE_BOUND_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = AlipayPhoneInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return _phone_bound(
            request, services.alipay_phone_bind(user=request.user, response=data.validated_data["response"])
        )


def _consents_body(user: object, platform: str = Platform.WECHAT) -> dict:
    templates = services._templates(platform)
    key_of = {cfg["template_id"]: key for key, cfg in templates.items()}
    consents = [
        {
            "template_key": key_of.get(c.template_id),
            "template_id": c.template_id,
            "remaining": c.remaining,
            "last_decision": c.last_decision,
            "updated_at": c.updated_at,
        }
        for c in selectors.subscribe_consent_list(user=user, platform=platform)
    ]
    return {
        "templates": [
            {"template_key": k, "template_id": cfg["template_id"]} for k, cfg in sorted(templates.items())
        ],
        "consents": consents,
    }


_CONSENTS_EXAMPLE = OpenApiExample(
    "Consents",
    value={
        "templates": [
            {"template_key": "application_progress", "template_id": "zb-sandbox-application-progress"}
        ],
        "consents": [
            {
                "template_key": "application_progress",
                "template_id": "zb-sandbox-application-progress",
                "remaining": 2,
                "last_decision": "accept",
                "updated_at": "2026-11-21T10:00:00+08:00",
            }
        ],
    },
    response_only=True,
)


class SubscribeConsentApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["subscriptions"],
        operation_id="subscriptions_wechat_list",
        summary="My subscribe-message consents, and the templates to ask for",
        description=(
            "`templates` lists the template ids to pass to `wx.requestSubscribeMessage`; "
            "`consents` says how many messages of each template may still be sent to me."
        ),
        responses={200: SubscribeConsentListOutputSerializer, **problem_responses(401, 403)},
        examples=[_CONSENTS_EXAMPLE],
    )
    def get(self, request: Request) -> Response:
        return Response(SubscribeConsentListOutputSerializer(_consents_body(request.user)).data)

    @extend_schema(
        tags=["subscriptions"],
        operation_id="subscriptions_wechat_record",
        summary="Record the result of wx.requestSubscribeMessage",
        description=(
            "In the mini-program (inside a tap handler):\n\n"
            "```js\n"
            "wx.requestSubscribeMessage({ tmplIds: [id1, id2], success: (res) => {\n"
            "  // res = { errMsg: 'requestSubscribeMessage:ok', [id1]: 'accept', [id2]: 'reject' }\n"
            "  wx.request({ url: API + '/api/v1/subscriptions/wechat', method: 'POST',\n"
            "    header: { Authorization: 'Bearer ' + access }, data: { result: res } })\n"
            "}})\n"
            "```\n\n"
            "Subscriptions are one-time: each `accept` allows exactly one message of that "
            "template; `reject` and `filter` add none; `ban` stops all. Unknown template ids: 400 "
            "`subscribe_template_unknown` (nothing is recorded); a decision other than accept, "
            "reject, ban or filter: 400 `validation_error` with field code `subscribe_decision_invalid`."
        ),
        request=SubscribeConsentInputSerializer,
        responses={200: SubscribeConsentListOutputSerializer, **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "Request",
                value={
                    "result": {
                        "errMsg": "requestSubscribeMessage:ok",
                        "zb-sandbox-application-progress": "accept",
                        "zb-sandbox-payment-due": "reject",
                    }
                },
                request_only=True,
            ),
            _CONSENTS_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = SubscribeConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.subscribe_consent_record(user=request.user, results=data.validated_data["result"])
        return Response(SubscribeConsentListOutputSerializer(_consents_body(request.user)).data)


_ALIPAY_TEMPLATE = "zbsandboxaliapplicationprogress1"
_ALIPAY_CONSENTS_EXAMPLE = OpenApiExample(
    "Consents",
    value={
        "templates": [{"template_key": "application_progress", "template_id": _ALIPAY_TEMPLATE}],
        "consents": [
            {
                "template_key": "application_progress",
                "template_id": _ALIPAY_TEMPLATE,
                "remaining": 1,
                "last_decision": "accept",
                "updated_at": "2026-11-21T10:00:00+08:00",
            }
        ],
    },
    response_only=True,
)


class AlipaySubscribeConsentApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["subscriptions"],
        operation_id="subscriptions_alipay_list",
        summary="My Alipay subscribe-message consents, and the templates to ask for",
        description=(
            "`templates` lists the template ids to pass to `my.requestSubscribeMessage({entityIds})`; "
            "`consents` says how many messages of each template may still be sent to me on Alipay."
        ),
        responses={200: SubscribeConsentListOutputSerializer, **problem_responses(401, 403)},
        examples=[_ALIPAY_CONSENTS_EXAMPLE],
    )
    def get(self, request: Request) -> Response:
        return Response(
            SubscribeConsentListOutputSerializer(_consents_body(request.user, Platform.ALIPAY)).data
        )

    @extend_schema(
        tags=["subscriptions"],
        operation_id="subscriptions_alipay_record",
        summary="Record the result of my.requestSubscribeMessage",
        description=(
            "In the Alipay mini-program (inside a tap handler):\n\n"
            "```js\n"
            "my.requestSubscribeMessage({ entityIds: [id1, id2], success: (res) => {\n"
            "  // res = { behavior: 'subscribe', keep: false, show: true,\n"
            "  //   result: { subscribedEntityIds: [id1], unsubscribedEntityIds: [id2],\n"
            "  //             currentSubscribedEntityIds: [id1] }, [id1]: 'accept', [id2]: 'reject' }\n"
            "  my.request({ url: API + '/api/v1/subscriptions/alipay', method: 'POST',\n"
            "    headers: { Authorization: 'Bearer ' + access, 'content-type': 'application/json' },\n"
            "    data: JSON.stringify(res) })   // the success result, unchanged\n"
            "}})\n"
            "```\n\n"
            "The body is the success result as it came; only `behavior`, `keep`, `refuse` and "
            "`result.subscribedEntityIds` / `result.unsubscribedEntityIds` are read (other keys "
            "are ignored). Subscriptions are one-time, as on WeChat: each id in "
            "`subscribedEntityIds` allows exactly one message of that template; an id in "
            "`unsubscribedEntityIds` adds none, and stops all sends when `keep` or `refuse` is "
            "true (the user told Alipay not to ask again). Errors: 400 `subscribe_template_unknown` "
            "for a template id that is not configured (nothing is recorded); 400 "
            "`validation_error` for a `behavior` other than `subscribe` (the `fail` callback's "
            "`cancel` is not a result), no ids at all (`subscribe_result_empty`) or an id in both "
            "lists (`subscribe_result_conflict`)."
        ),
        request=AlipaySubscribeConsentInputSerializer,
        responses={200: SubscribeConsentListOutputSerializer, **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "Request",
                value={
                    "behavior": "subscribe",
                    "keep": False,
                    "show": True,
                    "result": {
                        "subscribedEntityIds": [_ALIPAY_TEMPLATE],
                        "unsubscribedEntityIds": ["zbsandboxalipaymentdue000000001"],
                        "currentSubscribedEntityIds": [_ALIPAY_TEMPLATE],
                    },
                    _ALIPAY_TEMPLATE: "accept",
                    "zbsandboxalipaymentdue000000001": "reject",
                },
                request_only=True,
            ),
            _ALIPAY_CONSENTS_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = AlipaySubscribeConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = data.validated_data["result"]
        services.alipay_subscribe_consent_record(
            user=request.user,
            subscribed=result["subscribedEntityIds"],
            unsubscribed=result["unsubscribedEntityIds"],
            keep=data.validated_data["keep"],
            refuse=data.validated_data["refuse"],
        )
        return Response(
            SubscribeConsentListOutputSerializer(_consents_body(request.user, Platform.ALIPAY)).data
        )

/**
 * Generated from openapi/openapi.yaml by openapi/types/generate.mjs (make types).
 * Do not edit: change the backend, regenerate the spec, then run make types.
 */

export interface paths {
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My applications (查 progress) */
        get: operations["applications_list"];
        put?: never;
        /**
         * Start a draft application for a service
         * @description The draft is filed under the service's current guide version and keeps it.
         */
        post: operations["applications_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my applications: status, timeline, due date, next step */
        get: operations["applications_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Save my form answers (draft or during correction)
         * @description Checked against the service's JSON Schema; every problem is listed per field (400 `form_invalid`). Only `form_data` can be written (`field_not_writable` otherwise).
         */
        patch: operations["applications_form_update"];
        trace?: never;
    };
    "/api/v1/applications/{application_id}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload one file into a material slot
         * @description JPEG, PNG, WebP or PDF, recognised by content. Images are re-encoded as JPEG without any metadata (EXIF/GPS stripped, orientation applied) with a bounded long edge. Codes: `material_empty` (400), `material_type_unsupported`, `material_format_not_accepted`, `material_too_large`, `material_application_size_exceeded`, `material_decompression_bomb`, `material_corrupt`, `material_pdf_active_content` (422), `material_slot_unknown` (400); identity documents need the consent first: 403 `consent_required`.
         */
        post: operations["applications_material_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/materials/{material_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one uploaded file (draft or during correction) */
        delete: operations["applications_material_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/materials/{material_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one of my uploaded files
         * @description Served only to the applicant (and audited staff); never from a public media path.
         */
        get: operations["applications_material_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit (or resubmit after a correction notice)
         * @description Everything missing is reported at once: 422 `application_incomplete` with one entry per field and material. A first submission assigns the receipt number. Not possible in the current state: 409 `application_transition_illegal`.
         */
        post: operations["applications_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{application_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my application (before acceptance) */
        post: operations["applications_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My appointments */
        get: operations["appointments_list"];
        put?: never;
        /**
         * Book a time at a hall window
         * @description 409 `slot_full` when the last place went to someone else, 409 `appointment_duplicate` for a second booking of the same time, 422 `slot_not_bookable` for a past time or a window that does not handle the service, 403 `appointment_no_show_limited` (with `limited_until`) after repeated missed appointments.
         */
        post: operations["appointments_book"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{appointment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my appointments, with its check-in code */
        get: operations["appointments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{appointment_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel my appointment (before it begins) */
        post: operations["appointments_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/{appointment_id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move my appointment to another time
         * @description Answers the new appointment (new check-in code); the old one becomes `rescheduled`.
         */
        post: operations["appointments_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a resident in at the hall with their code (staff of the hall)
         * @description From an hour before the time until its end. Staff outside the hall's department get 404.
         */
        post: operations["appointments_check_in"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/halls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service halls, their windows and the services each window handles (public) */
        get: operations["appointments_halls_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appointments/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Free times of a day for a service (public)
         * @description Only future slots with places left, at windows that handle the service.
         */
        get: operations["appointments_slots_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log (auditor role only; read-only)
         * @description Newest first. Auditors read; nobody can change or delete an entry.
         */
        get: operations["audit_log_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/alipay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in (or register) from the Alipay mini-program
         * @description In the mini-program:
         *
         *     ```js
         *     my.getAuthCode({ scopes: 'auth_base', success: (res) => {
         *       // res = { authCode: '4b203fe6c11548bcabd8da5bb087a83b', authSuccessScopes: ['auth_base'] }
         *       my.request({ url: API + '/api/v1/auth/alipay', method: 'POST',
         *                    headers: { 'content-type': 'application/json' },
         *                    data: JSON.stringify({ auth_code: res.authCode }) })
         *     }})
         *     ```
         *
         *     The server calls `alipay.system.oauth.token`; the answer's signature is verified, and the account is found by the Alipay user id (or open_id), created on first login. Errors: 401 `alipay_code_invalid` (unknown, expired or used code), 503 `alipay_unavailable` (Alipay timed out, failed or refused), 503 `alipay_response_invalid` (the answer's signature did not verify: no login).
         */
        post: operations["auth_alipay_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/alipay/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind the phone number Alipay verified
         * @description In the mini-program:
         *
         *     ```js
         *     my.getPhoneNumber({ success: (res) => {
         *       // res.response is a JSON string: '{"response":"Q2h…","sign":"kD…",
         *       //   "sign_type":"RSA2","encrypt_type":"AES","charset":"UTF-8"}'
         *       my.request({ url: API + '/api/v1/auth/alipay/phone', method: 'POST',
         *         headers: { Authorization: 'Bearer ' + access, 'content-type': 'application/json' },
         *         data: JSON.stringify({ response: res.response }) })
         *     }})
         *     ```
         *
         *     The server verifies Alipay's signature and decrypts the number with the app's AES key. If the phone already belongs to another account, the two accounts become one: the account with verified real-name data wins, else the older one; identities, applications, bills, messages and consents move to it and the other account is closed (409 `account_merge_refused` when both are real-name verified: they are two people). The answer carries a fresh token pair for the surviving account — switch to it, the old tokens may no longer work. Errors: 400 `alipay_phone_invalid` (does not verify or decrypt, or not a mainland mobile number), 409 `phone_bind_conflict`, 503 `alipay_unavailable` (not configured).
         */
        post: operations["auth_alipay_phone_bind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out: revoke the refresh token */
        post: operations["auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sms/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an SMS login code
         * @description Sends a 6-digit code valid for 5 minutes. At most one code per phone per 60 s and 10 per day, and a per-IP limit (429 `otp_rate_limited` with `Retry-After`). The answer is the same whether or not the phone has an account. When the limiter cannot be reached no code is sent (503 `rate_limit_unavailable`).
         */
        post: operations["auth_sms_code_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sms/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in (or register) with an SMS code
         * @description Checks the code; a new phone gets a new resident account. Wrong code: 400 `otp_invalid`; expired: `otp_expired`; the fifth wrong try burns the code: `otp_attempts_exceeded`.
         */
        post: operations["auth_sms_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff login: password and TOTP code
         * @description Both factors are required; any wrong part answers 401 `invalid_credentials`. After repeated failures the username is locked for a period (429 `account_locked`). Staff refresh tokens lapse after 30 minutes without use.
         */
        post: operations["auth_staff_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token
         * @description Spends the refresh token (it cannot be used again) and returns a new pair.
         */
        post: operations["auth_token_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in (or register) from the WeChat mini-program
         * @description In the mini-program:
         *
         *     ```js
         *     wx.login({ success: (res) => {
         *       // res = { code: '0a3Xk…', errMsg: 'login:ok' }
         *       wx.request({ url: API + '/api/v1/auth/wechat', method: 'POST',
         *                    data: { code: res.code } })   // -> { access, refresh, ... }
         *     }})
         *     ```
         *
         *     The server exchanges the code at WeChat (`jscode2session`) for the openid (and unionid when the mini-program is bound to an Open Platform account) and finds the account by them, creating it on first login. The session_key stays on the server. Errors: 401 `wechat_code_invalid` (unknown or expired code — call `wx.login` again), 401 `wechat_code_used` (each code works once), 403 `wechat_login_blocked` (WeChat flags the user), 429 `wechat_rate_limited` (`Retry-After`), 503 `wechat_unavailable` (WeChat timed out, failed or is busy; try again).
         */
        post: operations["auth_wechat_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/wechat/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bind the phone number WeChat verified
         * @description In the mini-program:
         *
         *     ```html
         *     <button open-type="getPhoneNumber" bindgetphonenumber="onPhone">…</button>
         *     ```
         *     ```js
         *     onPhone(e) { // e.detail = { code: 'e31968a7f…', errMsg: 'getPhoneNumber:ok' }
         *       wx.request({ url: API + '/api/v1/auth/wechat/phone', method: 'POST',
         *         header: { Authorization: 'Bearer ' + access }, data: { code: e.detail.code } })
         *     }
         *     ```
         *
         *     If the phone already belongs to another account, the two accounts become one: the account with verified real-name data wins, else the older one; identities, applications, bills, messages and consents move to it and the other account is closed (409 `account_merge_refused` when both are real-name verified: they are two people). The answer carries a fresh token pair for the surviving account — switch to it, the old tokens may no longer work. Errors: 400 `wechat_phone_code_invalid` (unknown, expired or used code), 400 `wechat_phone_invalid` (not a mainland mobile number), 409 `phone_bind_conflict`, 429 `wechat_rate_limited`, 503 `wechat_unavailable`.
         */
        post: operations["auth_wechat_phone_bind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My bills
         * @description The resident's bills (缴款单), newest first; filter by `state`.
         */
        get: operations["bills_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bills/{bill_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my bills, with its payment orders and refunds */
        get: operations["bills_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bills/{bill_id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a bill: start a payment order in a channel
         * @description Creates (or resumes) a payment order and returns exactly what the client needs: `request_payment` for `wx.requestPayment` (`wechat_jsapi`), `trade_no` for `my.tradePay` (`alipay_mini`), `code_url` + `qr_image` (`wechat_native`). The bill is paid when the provider's callback (or the active query) confirms it; follow the bill. Error codes: idempotency_key_required (400), bill_not_payable (409), idempotency_key_reused (409), idempotency_key_in_flight (409), payment_channel_unavailable (422), payer_identity_missing (422), payment_provider_refused (422), payment_provider_timeout (503), payment_provider_unavailable (503), not_found (404). A provider timeout leaves the order `unknown`; it is queried later under the same `out_trade_no`.
         */
        post: operations["bills_pay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bills/{bill_id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The e-receipt of a paid bill, with a verification QR code
         * @description Printable receipt data; 409 `receipt_not_available` while the bill is not paid.
         */
        get: operations["bills_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bills/notices/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a payment notice (非税缴款通知书) by its number and the payer's name
         * @description The notice becomes the resident's bill (pay it with `bills_pay`). A wrong name, an unknown number, or a notice another resident claimed: 404 `not_found`.
         */
        post: operations["notices_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My electronic certificates
         * @description The resident's certificates, newest first, each with its current status (the signature is checked on every read).
         */
        get: operations["certificates_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/{certificate_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my certificates, with its fields and signature */
        get: operations["certificates_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/{certificate_id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My certificate as a PNG image with a verification QR code */
        get: operations["certificates_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/{certificate_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a certificate (administrator of the issuing department)
         * @description Audited (`certificate.revoke`). Staff outside the issuing department get 404.
         */
        post: operations["certificates_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Certificates I hold that can stand in for materials of my draft
         * @description For each material slot of the application's service that a certificate type can replace, the resident's newest valid certificate of that type (一号申请: no upload needed).
         */
        get: operations["certificates_offers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/uses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Use a held certificate for a material slot of my draft (no upload)
         * @description Attaches the certificate by reference; choosing again for the slot replaces the choice. 422 `certificate_not_usable` when the slot does not take this certificate type or the certificate is not valid; 409 `application_not_editable` after submission.
         */
        post: operations["certificates_use_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/certificates/verify/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify a certificate (public, the QR code's target)
         * @description Checks the issuing authority's signature, revocation and validity dates. Shows the type, number, status, issuing department, validity and the masked holder name — never an ID number or the certificate's fields. The number and the code from the QR code must both match (otherwise 404). Limited to 120 checks per client address per hour.
         */
        get: operations["certificates_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give my separate consent (e.g. to upload photos of identity documents) */
        post: operations["consents_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My consultations and complaints */
        get: operations["consultations_list"];
        put?: never;
        /**
         * Ask about, or complain about, a service or my case
         * @description `kind` is `consultation` (咨询) or `complaint` (投诉), about a service item and, optionally, one of my applications of it (404 if it is not mine or of another service). The department must reply within the time limit in working days shown as `reply_due_on`.
         */
        post: operations["consultations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consultations/{inquiry_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my consultations or complaints, with its timeline */
        get: operations["consultations_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consultations/{inquiry_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close my consultation or complaint */
        post: operations["consultations_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My ratings, with the department's answer to bad ones */
        get: operations["evaluations_list"];
        put?: never;
        /**
         * Rate a stage of my case (好差评), once
         * @description Five levels (1 very dissatisfied … 5 very satisfied), reason tags and text. A rating cannot be changed (409 `evaluation_exists`). `acceptance` opens once the case is accepted, `completion` once it is completed (409 `evaluation_not_open` before). A rating of 1 or 2 opens a rectification for the department, due in working days; its answer appears here.
         */
        post: operations["evaluations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/evaluations/{evaluation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my ratings */
        get: operations["evaluations_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/bills/{bill_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bill with its orders, refunds and ledger (finance; audited) */
        get: operations["finance_bills_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/bills/{bill_id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a paid bill fully or partly (finance)
         * @description Refunds part or all of the settling payment with a reason. Never more than was paid, even under concurrent requests (409 `refund_exceeds_paid` with `refundable_fen`); 409 `refund_not_allowed` when the bill is not paid; idempotency errors as for `bills_pay`. The answer shows the refund's state (`succeeded`, or `pending`/`unknown` until the provider's callback or the active query settles it).
         */
        post: operations["finance_bills_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a payment notice (非税缴款通知书)
         * @description Returns the notice number and check code to print on the notice.
         */
        post: operations["finance_notices_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a bill file by hand and reconcile it
         * @description The file is kept exactly as uploaded (immutable, named by its SHA-256), then reconciled. 422 `reconciliation_failed` with the malformed line numbers, or when totals do not add up.
         */
        post: operations["finance_reconciliation_bills_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Difference cases (provider_only, local_only, amount_mismatch, status_mismatch) */
        get: operations["finance_reconciliation_cases_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/cases/{case_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One difference case with every action taken on it */
        get: operations["finance_reconciliation_cases_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/cases/{case_id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund money for a difference on one of our bills, and resolve the case
         * @description Through the payments refund (never more than was paid). 409 `case_not_open`, `case_action_not_allowed`, `refund_not_allowed`, `refund_exceeds_paid`, idempotency errors.
         */
        post: operations["finance_reconciliation_cases_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/cases/{case_id}/requery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask the provider again and apply its answer (missed-callback recovery)
         * @description Resolves the case as `recovered` when our ledger then agrees with the bill; otherwise the answer is recorded and the case stays open. 409 `case_not_open`, `case_action_not_allowed`; 503 `bill_download_failed` when the provider cannot be reached.
         */
        post: operations["finance_reconciliation_cases_requery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/cases/{case_id}/write-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a difference with a written reason (核销)
         * @description 409 `case_not_open` when the case is already resolved or cleared.
         */
        post: operations["finance_reconciliation_cases_write_off"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconciliation runs (newest first) */
        get: operations["finance_reconciliation_runs_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One reconciliation run: counts per category, totals, malformed lines */
        get: operations["finance_reconciliation_runs_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reconciliation/runs/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reconcile a day now (download the bill again, or re-run a stored bill file)
         * @description Re-running a day is idempotent: results are recomputed, decisions already taken on difference cases are kept. 422 `reconciliation_failed` when the bill has malformed lines (`lines`: line numbers and reasons) or its rows do not add up to its own summary; 503 `bill_not_ready` before the provider publishes the bill (after ~10:00 for the previous day), `bill_download_failed` when the provider cannot be reached.
         */
        post: operations["finance_reconciliation_runs_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/chart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Chart of daily totals and differences (PNG) */
        get: operations["finance_reports_chart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the ledger of a date range as CSV or XLSX (streamed)
         * @description One row per ledger entry: time (Asia/Shanghai), bill number, department, channel, provider, kind, amount_fen (− for refunds), provider reference, out_trade_no, out_refund_no. The sum of amount_fen equals the ledger's sum over the range; fees are in the summary report.
         */
        get: operations["finance_reports_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily or monthly totals by department, fee item or channel (received, refunded, fees, net) */
        get: operations["finance_reports_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My account (personal data masked) */
        get: operations["me_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/real-name": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify my real name against my citizen ID number
         * @description Checked with the identity service. Mismatch: 422 `real_name_mismatch`; number already verified on another account: 409 `citizen_id_taken`; service down: 503 `real_name_unavailable`; at most 5 checks a day: 429 `real_name_rate_limited`. Invalid numbers answer 400 with field codes `id_number_legacy`, `id_number_length`, `id_number_format`, `id_number_region`, `id_number_birth_date`, `id_number_future_birth`, `id_number_checksum`.
         */
        post: operations["me_real_name_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The resident's inbox
         * @description Every notice about the resident's applications, bills and certificates, newest first. The same notices arrive live over the websocket `/ws/v1/events` (see the websocket section of this document and `openapi/asyncapi.yaml`).
         */
        get: operations["messages_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{message_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one inbox message read
         * @description Idempotent. Another resident's message is 404.
         */
        post: operations["messages_mark_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every inbox message read */
        post: operations["messages_mark_all_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many inbox messages are unread */
        get: operations["messages_unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/tencent-sms/status/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tencent Cloud SMS delivery receipt (状态回执)
         * @description Called by Tencent Cloud SMS, not by apps: a JSON array of reports, possibly for several messages. Tencent does not sign it, so the URL configured in its console carries a secret (`TENCENT_SMS_CALLBACK_TOKEN`), compared in constant time (403 `callback_token_invalid` otherwise, and nothing changes). `SUCCESS` marks the message delivered, `FAIL` failed (with `errmsg`); reports for unknown `sid`s are ignored. The answer is Tencent's `{"result": 0, "errmsg": "OK"}`.
         */
        post: operations["tencent_sms_status_callback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio SMS status callback
         * @description Called by Twilio, not by apps. The `X-Twilio-Signature` header must be Twilio's HMAC-SHA1 of the public URL and the form (403 `signature_invalid` otherwise, and nothing changes). `delivered` / `undelivered` / `failed` update the message.
         */
        post: operations["twilio_status_callback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/callbacks/alipay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Alipay asynchronous notification (trade_status_sync)
         * @description Called by the provider, not by apps. No authentication: the signature is verified over the raw body, the merchant/app ids and the amount (to the fen) are checked, and the state change, the ledger entry and the outbox rows commit in one transaction under a row lock; repeats change nothing. Every callback's raw body, headers and verdict are stored. Form-encoded; RSA2 over the sorted parameters without `sign` and `sign_type`; `app_id`, `seller_id` and `total_amount` (yuan, exact) checked. Reply: the plain text `success`, or `fail` with 400 (Alipay retries).
         */
        post: operations["payments_callback_alipay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/callbacks/wechatpay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * WeChat Pay v3 payment notification (TRANSACTION.SUCCESS)
         * @description Called by the provider, not by apps. No authentication: the signature is verified over the raw body, the merchant/app ids and the amount (to the fen) are checked, and the state change, the ledger entry and the outbox rows commit in one transaction under a row lock; repeats change nothing. Every callback's raw body, headers and verdict are stored. Headers `Wechatpay-Timestamp` (within 5 minutes), `Wechatpay-Nonce`, `Wechatpay-Signature` (probe signatures `WECHATPAY/SIGNTEST/…` fail), `Wechatpay-Serial` (our WeChat Pay public key id), `Wechatpay-Signature-Type`. Reply: 204 accepted; 400 `{"code":"FAIL","message":…}` refused (WeChat retries).
         */
        post: operations["payments_callback_wechatpay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/callbacks/wechatpay/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * WeChat Pay v3 refund notification (REFUND.SUCCESS / ABNORMAL / CLOSED)
         * @description Called by the provider, not by apps. No authentication: the signature is verified over the raw body, the merchant/app ids and the amount (to the fen) are checked, and the state change, the ledger entry and the outbox rows commit in one transaction under a row lock; repeats change nothing. Every callback's raw body, headers and verdict are stored. Same headers and replies as the payment notification.
         */
        post: operations["payments_callback_wechatpay_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My payment history (payments and refunds) */
        get: operations["payments_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/progress/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Public progress lookup by receipt number and a second factor
         * @description The second factor is the last 6 characters of the applicant's ID number or their phone number. The answer holds no personal data; a wrong factor and an unknown number both give 404 `application_lookup_failed`; attempts are limited per address and per receipt number (429 `lookup_rate_limited`).
         */
        post: operations["progress_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify an e-receipt (the target of its QR code)
         * @description Anyone holding the receipt can check it; no personal data is returned.
         */
        get: operations["receipts_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search and browse the service catalog
         * @description Keyword over names, aliases and pinyin (full `shenfenzheng` or initials `sfz`); name matches come before alias matches. Filters combine with AND.
         */
        get: operations["services_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The full guide of a service item
         * @description Conditions, legal basis, time limits, fees (fen), steps, windows, FAQ, materials and the form schema of the current published version.
         */
        get: operations["services_guide_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work queue: cases of my departments by department, state and clock */
        get: operations["staff_applications_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with applicant (masked), form, materials and full timeline (audited) */
        get: operations["staff_applications_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a submitted case (受理): tasks per department, the clock starts
         * @description When the service charges before acceptance the case goes to `fee_due` with a bill. Illegal in the current state: 409 `application_transition_illegal`.
         */
        post: operations["staff_applications_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve for my department (并联办理); the last approval approves the case
         * @description Illegal in the current state: 409 `application_transition_illegal`.
         */
        post: operations["staff_applications_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/certificate-uses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Materials of a case satisfied by electronic certificates (verified now)
         * @description Staff of the case's department (clerk, reviewer, supervisor). The read is audited.
         */
        get: operations["staff_application_certificate_uses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a case (an accepted case goes into review)
         * @description Illegal in the current state: 409 `application_transition_illegal`.
         */
        post: operations["staff_applications_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal comment to the timeline (never shown to the resident) */
        post: operations["staff_applications_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a decided case (办结)
         * @description Illegal in the current state: 409 `application_transition_illegal`.
         */
        post: operations["staff_applications_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-time correction notice (一次性告知): every problem at once
         * @description Targets are `field:<name>` or `material:<slot>`. A later notice may only name items flagged before or changed by the resident (422 `correction_not_one_time`).
         */
        post: operations["staff_applications_request_correction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/materials/{material_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one uploaded file of a case (audited) */
        get: operations["staff_applications_material_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/applications/{application_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject for my department with the reason and legal basis; this rejects the case
         * @description Illegal in the current state: 409 `application_transition_illegal`.
         */
        post: operations["staff_applications_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consultations and complaints to my departments */
        get: operations["staff_consultations_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/consultations/{inquiry_id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a consultation or complaint (staff of its department) */
        post: operations["staff_consultations_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bad ratings of my departments to follow up (差评整改); never who rated */
        get: operations["staff_rectifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/rectifications/{rectification_id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a bad rating (shown to the resident) */
        post: operations["staff_rectifications_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/residents/{resident_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resident's data (masked; audited)
         * @description For clerks, reviewers and supervisors. Every read writes an audit row.
         */
        get: operations["staff_resident_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/supervision/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Supervision: cases of my departments by time-limit status (warning, overdue) */
        get: operations["staff_supervision_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/alipay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Alipay subscribe-message consents, and the templates to ask for
         * @description `templates` lists the template ids to pass to `my.requestSubscribeMessage({entityIds})`; `consents` says how many messages of each template may still be sent to me on Alipay.
         */
        get: operations["subscriptions_alipay_list"];
        put?: never;
        /**
         * Record the result of my.requestSubscribeMessage
         * @description In the Alipay mini-program (inside a tap handler):
         *
         *     ```js
         *     my.requestSubscribeMessage({ entityIds: [id1, id2], success: (res) => {
         *       // res = { behavior: 'subscribe', keep: false, show: true,
         *       //   result: { subscribedEntityIds: [id1], unsubscribedEntityIds: [id2],
         *       //             currentSubscribedEntityIds: [id1] }, [id1]: 'accept', [id2]: 'reject' }
         *       my.request({ url: API + '/api/v1/subscriptions/alipay', method: 'POST',
         *         headers: { Authorization: 'Bearer ' + access, 'content-type': 'application/json' },
         *         data: JSON.stringify(res) })   // the success result, unchanged
         *     }})
         *     ```
         *
         *     The body is the success result as it came; only `behavior`, `keep`, `refuse` and `result.subscribedEntityIds` / `result.unsubscribedEntityIds` are read (other keys are ignored). Subscriptions are one-time, as on WeChat: each id in `subscribedEntityIds` allows exactly one message of that template; an id in `unsubscribedEntityIds` adds none, and stops all sends when `keep` or `refuse` is true (the user told Alipay not to ask again). Errors: 400 `subscribe_template_unknown` for a template id that is not configured (nothing is recorded); 400 `validation_error` for a `behavior` other than `subscribe` (the `fail` callback's `cancel` is not a result), no ids at all (`subscribe_result_empty`) or an id in both lists (`subscribe_result_conflict`).
         */
        post: operations["subscriptions_alipay_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My subscribe-message consents, and the templates to ask for
         * @description `templates` lists the template ids to pass to `wx.requestSubscribeMessage`; `consents` says how many messages of each template may still be sent to me.
         */
        get: operations["subscriptions_wechat_list"];
        put?: never;
        /**
         * Record the result of wx.requestSubscribeMessage
         * @description In the mini-program (inside a tap handler):
         *
         *     ```js
         *     wx.requestSubscribeMessage({ tmplIds: [id1, id2], success: (res) => {
         *       // res = { errMsg: 'requestSubscribeMessage:ok', [id1]: 'accept', [id2]: 'reject' }
         *       wx.request({ url: API + '/api/v1/subscriptions/wechat', method: 'POST',
         *         header: { Authorization: 'Bearer ' + access }, data: { result: res } })
         *     }})
         *     ```
         *
         *     Subscriptions are one-time: each `accept` allows exactly one message of that template; `reject` and `filter` add none; `ban` stops all. Unknown template ids: 400 `subscribe_template_unknown` (nothing is recorded); a decision other than accept, reject, ban or filter: 400 `validation_error` with field code `subscribe_decision_invalid`.
         */
        post: operations["subscriptions_wechat_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supervision/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Efficiency figures per department and service for a period (supervisors)
         * @description Received, accepted, completed, on-time rate, overdue cases, average working days, correction rate, satisfaction rate and complaints, for the supervisor's departments. Rates are 0..1, null when there is nothing to divide by. Definitions: backend/supervision/selectors.py.
         */
        get: operations["supervision_figures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ws-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A one-time ticket for opening the websocket from a browser
         * @description Browsers cannot set an `Authorization` header on a websocket. They ask for a ticket (valid 30 s, usable once) and open `/ws/v1/events?ticket=…`. Mini-programs and apps send `Authorization: Bearer <access token>` instead.
         */
        post: operations["ws_ticket_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["healthz_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database (and Redis when configured) reachable */
        get: operations["readyz_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description * `jpeg` - JPEG
         *     * `png` - PNG
         *     * `webp` - WebP
         *     * `pdf` - PDF
         * @enum {string}
         */
        AcceptedFormatsEnum: "jpeg" | "png" | "webp" | "pdf";
        /** @enum {boolean} */
        AgreeEnum: true;
        /** @description Alipay asynchronous notification (form-encoded, RSA2 over the sorted parameters). */
        AlipayCallbackInputRequest: {
            app_id: string;
            notify_id: string;
            notify_time: string;
            notify_type: string;
            out_trade_no: string;
            sign: string;
            sign_type: string;
            total_amount: string;
            trade_no: string;
            trade_status: string;
        };
        AlipayLoginInputRequest: {
            /** @description `res.authCode` of `my.getAuthCode({scopes: 'auth_base'})`: single use. */
            auth_code: string;
        };
        AlipayPhoneInputRequest: {
            /** @description `res.response` of `my.getPhoneNumber()`, passed on unchanged: a JSON string `{"response": "<AES ciphertext>", "sign": …, "sign_type": "RSA2", "encrypt_type": "AES", "charset": "UTF-8"}`. */
            response: string;
        };
        /** @description The `res` object of `my.requestSubscribeMessage({entityIds})`'s success callback, as it came. */
        AlipaySubscribeConsentInputRequest: {
            /**
             * @description `subscribe` (the success callback); `cancel` / '' come from `fail` and are not results.
             *
             *     * `subscribe` - subscribe
             */
            behavior: components["schemas"]["BehaviorEnum"];
            /**
             * @description One-time templates: the user ticked 'keep this choice, do not ask again'.
             * @default false
             */
            keep: boolean;
            /**
             * @description Long-term templates: the user chose 'refuse, do not ask again'.
             * @default false
             */
            refuse: boolean;
            result: components["schemas"]["AlipaySubscribeResultRequest"];
        };
        /** @description `res.result` of `my.requestSubscribeMessage`; the other keys Alipay adds are ignored. */
        AlipaySubscribeResultRequest: {
            /** @description Template ids the user subscribed to: each allows one message. */
            subscribedEntityIds?: string[];
            /** @description Template ids the user did not subscribe to. */
            unsubscribedEntityIds?: string[];
        };
        ApplicationCreateInputRequest: {
            service_code: string;
        };
        ApplicationDetailOutput: {
            /** Format: date-time */
            accepted_at: string | null;
            clock_status: (components["schemas"]["ClockStatusEnum"] | components["schemas"]["NullEnum"]) | null;
            /** @description True while the clock waits for the resident's corrections. */
            clock_suspended: boolean;
            /** Format: date-time */
            completed_at: string | null;
            corrections: components["schemas"]["CorrectionOutput"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date */
            deadline_on: string | null;
            /** Format: date-time */
            decided_at: string | null;
            /** Format: uuid */
            fee_bill_id: string | null;
            form_data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            materials: components["schemas"]["MaterialOutput"][];
            /** @description What happens next / what to do, in the request's language. */
            next_step: string;
            /** @description Everything to fix, when a notice is open. */
            open_correction: components["schemas"]["CorrectionOutput"] | null;
            receipt_number: string | null;
            service_code: string;
            service_name: string;
            service_version: number;
            status: components["schemas"]["ApplicationStatusEnum"];
            /** Format: date-time */
            submitted_at: string | null;
            tasks: components["schemas"]["TaskOutput"][];
            timeline: components["schemas"]["TimelineEntry"][];
        };
        /**
         * @description * `draft` - 草稿
         *     * `submitted` - 已提交
         *     * `correction_required` - 待补正
         *     * `accepted` - 已受理
         *     * `fee_due` - 待缴费
         *     * `in_review` - 审查中
         *     * `approved` - 审批通过
         *     * `rejected` - 不予许可
         *     * `completed` - 已办结
         *     * `withdrawn` - 已撤回
         * @enum {string}
         */
        ApplicationStatusEnum: "draft" | "submitted" | "correction_required" | "accepted" | "fee_due" | "in_review" | "approved" | "rejected" | "completed" | "withdrawn";
        ApplicationSummaryOutput: {
            clock_status: (components["schemas"]["ClockStatusEnum"] | components["schemas"]["NullEnum"]) | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date */
            deadline_on: string | null;
            /** Format: uuid */
            id: string;
            receipt_number: string | null;
            service_code: string;
            service_name: string;
            status: components["schemas"]["ApplicationStatusEnum"];
            /** Format: date-time */
            submitted_at: string | null;
        };
        AppointmentBookInputRequest: {
            /** @description Standard code of the service item. */
            service: string;
            slot: number;
        };
        AppointmentCheckInInputRequest: {
            code: string;
            hall: string;
        };
        AppointmentCheckInOutput: {
            /** Format: date-time */
            checked_in_at: string;
            /** Format: uuid */
            id: string;
            service: string;
            slot: components["schemas"]["SlotOutput"];
            status: components["schemas"]["AppointmentStatusEnum"];
        };
        AppointmentOutput: {
            /** Format: date-time */
            checked_in_at: string | null;
            /** @description Show it at the window; only while booked. */
            checkin_code: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            rescheduled_to: string | null;
            /** @description Service item code. */
            service: string;
            service_name: string;
            slot: components["schemas"]["SlotOutput"];
            status: components["schemas"]["AppointmentStatusEnum"];
        };
        AppointmentRescheduleInputRequest: {
            slot: number;
        };
        /**
         * @description * `booked` - 已预约
         *     * `cancelled` - 已取消
         *     * `rescheduled` - 已改约
         *     * `checked_in` - 已签到
         *     * `no_show` - 爽约
         * @enum {string}
         */
        AppointmentStatusEnum: "booked" | "cancelled" | "rescheduled" | "checked_in" | "no_show";
        /**
         * @description * `individual` - 自然人
         *     * `legal_person` - 法人
         * @enum {string}
         */
        AudienceEnum: "individual" | "legal_person";
        AuditLogOutput: {
            action: string;
            /** Format: uuid */
            actor_id: string | null;
            actor_kind: string;
            /** Format: date-time */
            at: string;
            detail: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            ip: string | null;
            object_id: string;
            object_type: string;
            request_id: string;
            result: string;
        };
        /**
         * @description * `subscribe` - subscribe
         * @enum {string}
         */
        BehaviorEnum: "subscribe";
        BillDetailOutput: {
            /** Format: date-time */
            created_at: string;
            department_code: string;
            description: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: uuid */
            id: string;
            items: components["schemas"]["BillItemOutput"][];
            notice_number: string | null;
            number: string;
            orders: components["schemas"]["PaymentOrderOutput"][];
            /** Format: date-time */
            paid_at: string | null;
            /** @description All money received for the bill, in fen. */
            paid_fen: number;
            receipt_number: string | null;
            /** @description All money paid back, in fen. */
            refunded_fen: number;
            refunds: components["schemas"]["RefundOutput"][];
            source_type: string;
            state: components["schemas"]["BillStateEnum"];
            /** @description Total in fen. */
            total_fen: number;
        };
        BillItemOutput: {
            amount_fen: number;
            code: string;
            name: string;
        };
        /**
         * @description * `payment` - 支付
         *     * `refund` - 退款
         * @enum {string}
         */
        BillLineKindEnum: "payment" | "refund";
        BillOutput: {
            /** Format: date-time */
            created_at: string;
            department_code: string;
            description: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: uuid */
            id: string;
            items: components["schemas"]["BillItemOutput"][];
            notice_number: string | null;
            number: string;
            /** Format: date-time */
            paid_at: string | null;
            /** @description All money received for the bill, in fen. */
            paid_fen: number;
            /** @description All money paid back, in fen. */
            refunded_fen: number;
            source_type: string;
            state: components["schemas"]["BillStateEnum"];
            /** @description Total in fen. */
            total_fen: number;
        };
        BillPayInputRequest: {
            channel: components["schemas"]["PaymentChannelEnum"];
        };
        BillPayOutput: {
            amount_fen: number;
            channel: components["schemas"]["PaymentChannelEnum"];
            /** @description `wechat_native`: the QR code's content. */
            code_url: string | null;
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            order_id: string;
            out_trade_no: string;
            /** @description `wechat_native`: the QR code as a PNG data URI. */
            qr_image: string | null;
            /** @description `wechat_jsapi`: pass to `wx.requestPayment` as is. */
            request_payment: components["schemas"]["WxRequestPayment"] | null;
            /** @description `sandbox` channel only. */
            sandbox_trade_no: string | null;
            /** @description `alipay_mini`: `my.tradePay({tradeNO})`. */
            trade_no: string | null;
        };
        /**
         * @description * `unpaid` - unpaid
         *     * `paid` - paid
         *     * `partially_refunded` - partially refunded
         *     * `refunded` - refunded
         *     * `closed` - closed
         * @enum {string}
         */
        BillStateEnum: "unpaid" | "paid" | "partially_refunded" | "refunded" | "closed";
        BillUploadInputRequest: {
            /** Format: date */
            bill_date: string;
            /**
             * Format: binary
             * @description WeChat Pay trade bill (CSV, optionally gzip) or Alipay bill zip, as downloaded.
             */
            file: string;
            provider: components["schemas"]["ProviderEnum"];
        };
        /** @enum {unknown} */
        BlankEnum: "";
        CaseActionOutput: {
            action: string;
            /** Format: uuid */
            actor_id: string | null;
            /** Format: date-time */
            at: string;
            note: string;
            outcome: {
                [key: string]: unknown;
            };
        };
        CaseDetailOutput: {
            actions: components["schemas"]["CaseActionOutput"][];
            /** Format: date */
            bill_date: string;
            category: components["schemas"]["DifferenceCaseCategoryEnum"];
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BillLineKindEnum"];
            /** Format: uuid */
            last_run_id: string;
            local_amount_fen: number | null;
            local_state: string;
            merchant_id: string;
            note: string;
            /** Format: uuid */
            order_id: string | null;
            out_trade_no: string;
            provider: string;
            provider_amount_fen: number | null;
            provider_status: string;
            reference: string;
            /** Format: uuid */
            refund_id: string | null;
            resolution: components["schemas"]["DifferenceCaseResolutionEnum"] | components["schemas"]["BlankEnum"];
            /** Format: date-time */
            resolved_at: string | null;
            state: components["schemas"]["DifferenceCaseStateEnum"];
            transaction_id: string;
        };
        CaseOutput: {
            /** Format: date */
            bill_date: string;
            category: components["schemas"]["DifferenceCaseCategoryEnum"];
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BillLineKindEnum"];
            /** Format: uuid */
            last_run_id: string;
            local_amount_fen: number | null;
            local_state: string;
            merchant_id: string;
            note: string;
            /** Format: uuid */
            order_id: string | null;
            out_trade_no: string;
            provider: string;
            provider_amount_fen: number | null;
            provider_status: string;
            reference: string;
            /** Format: uuid */
            refund_id: string | null;
            resolution: components["schemas"]["DifferenceCaseResolutionEnum"] | components["schemas"]["BlankEnum"];
            /** Format: date-time */
            resolved_at: string | null;
            state: components["schemas"]["DifferenceCaseStateEnum"];
            transaction_id: string;
        };
        CaseRefundInputRequest: {
            /** Format: int64 */
            amount_fen: number;
            note: string;
        };
        CaseWriteOffInputRequest: {
            /** @description Why the difference is accepted (required). */
            note: string;
        };
        CertificateDepartmentOutput: {
            code: string;
            name: string;
        };
        CertificateDetailOutput: {
            /** @description Signature algorithm, e.g. `SM2-SM3`. */
            algorithm: string;
            department: components["schemas"]["CertificateDepartmentOutput"];
            /** @description The result fields printed on the certificate. */
            fields: {
                [key: string]: unknown;
            };
            holder_name_masked: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issued_at: string;
            /** @description Id of the issuing authority's key that signed it. */
            key_id: string;
            number: string;
            /** Format: date-time */
            revoked_at: string | null;
            revoked_reason: string;
            /** @description Hex r‖s over the canonical JSON of the signed fields. */
            signature: string;
            status: components["schemas"]["CertificateStatusEnum"];
            type: components["schemas"]["CertificateTypeOutput"];
            /** Format: date */
            valid_from: string;
            /** Format: date */
            valid_until: string | null;
            /** @description What the QR code on the image opens. */
            verification_url: string;
        };
        CertificateOfferOutput: {
            certificate: components["schemas"]["CertificateSummaryOutput"];
            material_name: string;
            /** @description Material slot code of the service. */
            slot: string;
        };
        CertificateRevokeInputRequest: {
            reason: string;
        };
        /**
         * @description * `valid` - 有效
         *     * `revoked` - 已注销
         *     * `expired` - 已过期
         *     * `not_yet_valid` - 尚未生效
         *     * `signature_invalid` - 签名验证未通过
         * @enum {string}
         */
        CertificateStatusEnum: "valid" | "revoked" | "expired" | "not_yet_valid" | "signature_invalid";
        CertificateSummaryOutput: {
            department: components["schemas"]["CertificateDepartmentOutput"];
            holder_name_masked: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issued_at: string;
            number: string;
            status: components["schemas"]["CertificateStatusEnum"];
            type: components["schemas"]["CertificateTypeOutput"];
            /** Format: date */
            valid_from: string;
            /** Format: date */
            valid_until: string | null;
        };
        CertificateTypeOutput: {
            code: string;
            name: string;
            name_en: string;
        };
        CertificateUseInputRequest: {
            /** Format: uuid */
            application: string;
            /** Format: uuid */
            certificate: string;
            slot: string;
        };
        CertificateUseOutput: {
            /** Format: uuid */
            application: string;
            /** Format: date-time */
            attached_at: string;
            certificate: components["schemas"]["CertificateSummaryOutput"];
            slot: string;
            /** @description The certificate verifies now (signature, revocation, dates). */
            verified: boolean;
        };
        CertificateVerifyOutput: {
            department: components["schemas"]["CertificateDepartmentOutput"];
            holder_name_masked: string | null;
            number: string;
            /** Format: date-time */
            revoked_at: string | null;
            status: components["schemas"]["CertificateStatusEnum"];
            type: components["schemas"]["CertificateTypeOutput"];
            /** Format: date */
            valid_from: string;
            /** Format: date */
            valid_until: string | null;
        };
        /**
         * @description * `on_time` - 按时
         *     * `warning` - 预警：已用时限的80%
         *     * `overdue` - 已超期
         * @enum {string}
         */
        ClockStatusEnum: "on_time" | "warning" | "overdue";
        CommentInputRequest: {
            text: string;
        };
        CommentOutput: {
            /** Format: date-time */
            at: string;
            id: number;
        };
        ConsentInputRequest: {
            /** @description Must be true: the resident's explicit, separate consent. */
            agree: components["schemas"]["AgreeEnum"];
            purpose: components["schemas"]["PurposeEnum"];
        };
        ConsentOutput: {
            /** Format: date-time */
            granted_at: string;
            purpose: components["schemas"]["PurposeEnum"];
            text_version: string;
        };
        CorrectionItem: {
            problem: string;
            /** @description `field:<form field>` or `material:<slot>`. */
            target: string;
        };
        CorrectionItemRequest: {
            problem: string;
            /** @description `field:<form field>` or `material:<slot>`. */
            target: string;
        };
        CorrectionOutput: {
            /** Format: date-time */
            created_at: string;
            items: components["schemas"]["CorrectionItem"][];
            /** Format: date-time */
            resolved_at: string | null;
            round: number;
        };
        CorrectionRequestInputRequest: {
            items: components["schemas"]["CorrectionItemRequest"][];
            /** @default  */
            note: string;
        };
        DepartmentRef: {
            code: string;
            name: string;
        };
        /**
         * @description * `provider_only` - 支付机构有交易，本方台账无记录
         *     * `local_only` - 本方台账有记录，支付机构对账单无记录
         *     * `amount_mismatch` - 金额不一致
         *     * `status_mismatch` - 状态不一致
         * @enum {string}
         */
        DifferenceCaseCategoryEnum: "provider_only" | "local_only" | "amount_mismatch" | "status_mismatch";
        /**
         * @description * `recovered` - 已从支付机构补单
         *     * `refunded` - 已退款
         *     * `written_off` - 已核销
         * @enum {string}
         */
        DifferenceCaseResolutionEnum: "recovered" | "refunded" | "written_off";
        /**
         * @description * `open` - 未处理
         *     * `resolved` - 已处理
         *     * `cleared` - 已消除：差异已不存在
         * @enum {string}
         */
        DifferenceCaseStateEnum: "open" | "resolved" | "cleared";
        EvaluationCreateInputRequest: {
            /** Format: uuid */
            application: string;
            /**
             * @description 1 very dissatisfied … 5 very satisfied.
             *
             *     * `1` - 非常不满意
             *     * `2` - 不满意
             *     * `3` - 基本满意
             *     * `4` - 满意
             *     * `5` - 非常满意
             */
            level: components["schemas"]["EvaluationLevelEnum"];
            stage: components["schemas"]["EvaluationStageEnum"];
            tags?: components["schemas"]["EvaluationReasonTagEnum"][];
            text?: string;
        };
        /**
         * @description * `1` - 非常不满意
         *     * `2` - 不满意
         *     * `3` - 基本满意
         *     * `4` - 满意
         *     * `5` - 非常满意
         * @enum {integer}
         */
        EvaluationLevelEnum: 1 | 2 | 3 | 4 | 5;
        EvaluationOutput: {
            /** Format: uuid */
            application: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            level: components["schemas"]["EvaluationLevelEnum"];
            rectification: components["schemas"]["RectificationPublicOutput"] | null;
            stage: components["schemas"]["EvaluationStageEnum"];
            tags: string[];
            text: string;
        };
        /**
         * @description * `fast` - 办理快捷
         *     * `clear_guide` - 指引清晰
         *     * `courteous` - 服务热情
         *     * `once_only` - 一次办成
         *     * `slow` - 办理太慢
         *     * `unclear_guide` - 指引不清晰
         *     * `repeated_materials` - 重复要求提交材料
         *     * `attitude` - 服务态度差
         *     * `overdue` - 未按时办结
         *     * `other` - 其他
         * @enum {string}
         */
        EvaluationReasonTagEnum: "fast" | "clear_guide" | "courteous" | "once_only" | "slow" | "unclear_guide" | "repeated_materials" | "attitude" | "overdue" | "other";
        /**
         * @description * `acceptance` - 受理
         *     * `completion` - 办结
         * @enum {string}
         */
        EvaluationStageEnum: "acceptance" | "completion";
        FaqOutput: {
            answer: string;
            question: string;
        };
        FeeOutput: {
            /** @description Amount in fen (分). */
            amount_fen: number;
            code: string;
            legal_basis: string;
            name: string;
        };
        /**
         * @description * `none` - 不收费
         *     * `before_acceptance` - 受理前缴费
         *     * `after_approval` - 审批通过后缴费
         * @enum {string}
         */
        FeeStageEnum: "none" | "before_acceptance" | "after_approval";
        FiguresOutput: {
            accepted: number;
            /** Format: double */
            average_working_days: number | null;
            complaints: number;
            completed: number;
            /** Format: double */
            correction_rate: number | null;
            /**
             * Format: double
             * @description 0..1; null without completed cases.
             */
            on_time_rate: number | null;
            overdue: number;
            ratings: number;
            received: number;
            /**
             * Format: double
             * @description Share of ratings 3–5 (好评).
             */
            satisfaction_rate: number | null;
        };
        FiguresReportOutput: {
            /** @description One total per department. */
            departments: components["schemas"]["FiguresRowOutput"][];
            /** Format: date */
            end: string;
            /** @description Per department and service item. */
            rows: components["schemas"]["FiguresRowOutput"][];
            /** Format: date */
            start: string;
            total: components["schemas"]["FiguresOutput"];
        };
        FiguresRowOutput: {
            department: components["schemas"]["NamedOutput"];
            figures: components["schemas"]["FiguresOutput"];
            service: components["schemas"]["NamedOutput"] | null;
        };
        FinanceBillOutput: {
            /** Format: date-time */
            created_at: string;
            department_code: string;
            description: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: uuid */
            id: string;
            items: components["schemas"]["BillItemOutput"][];
            ledger: components["schemas"]["LedgerEntryOutput"][];
            ledger_balance_fen: number;
            notice_number: string | null;
            number: string;
            orders: components["schemas"]["PaymentOrderOutput"][];
            /** Format: date-time */
            paid_at: string | null;
            /** @description All money received for the bill, in fen. */
            paid_fen: number;
            receipt_number: string | null;
            /** @description All money paid back, in fen. */
            refunded_fen: number;
            refunds: components["schemas"]["RefundOutput"][];
            source_type: string;
            state: components["schemas"]["BillStateEnum"];
            /** @description Total in fen. */
            total_fen: number;
        };
        HallOutput: {
            code: string;
            name: string;
            /** @description Where the hall is. */
            street: string;
            windows: components["schemas"]["HallWindowOutput"][];
        };
        HallWindowOutput: {
            code: string;
            name: string;
            /** @description Service item codes handled. */
            services: string[];
        };
        Health: {
            status: string;
        };
        IdentityOutput: {
            /** Format: date-time */
            created_at: string;
            provider: string;
        };
        InboxMessageOutput: {
            body: string;
            /** Format: date-time */
            created_at: string;
            /** @description e.g. `application.approved`. */
            event: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            read_at: string | null;
            subject_id: string;
            /** @description What it is about, e.g. `application`. */
            subject_type: string;
            title: string;
        };
        InquiryCreateInputRequest: {
            /**
             * Format: uuid
             * @description One of my applications of this service.
             */
            application?: string;
            content: string;
            kind: components["schemas"]["InquiryKindEnum"];
            /** @description Service item code. */
            service: string;
            title: string;
        };
        InquiryEventOutput: {
            action: string;
            /** Format: date-time */
            at: string;
            by_staff: boolean;
            status: components["schemas"]["InquiryStatusEnum"];
            text: string;
        };
        /**
         * @description * `consultation` - 咨询
         *     * `complaint` - 投诉
         * @enum {string}
         */
        InquiryKindEnum: "consultation" | "complaint";
        InquiryOutput: {
            /** Format: uuid */
            application: string | null;
            content: string;
            /** Format: date-time */
            created_at: string;
            department: string;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["InquiryKindEnum"];
            /** @description No reply and the time limit has passed. */
            overdue: boolean;
            /** Format: date */
            reply_due_on: string;
            service: string | null;
            status: components["schemas"]["InquiryStatusEnum"];
            timeline: components["schemas"]["InquiryEventOutput"][];
            title: string;
        };
        InquiryReplyInputRequest: {
            text: string;
        };
        /**
         * @description * `submitted` - 已提交
         *     * `replied` - 已回复
         *     * `closed` - 已关闭
         * @enum {string}
         */
        InquiryStatusEnum: "submitted" | "replied" | "closed";
        /**
         * @description * `licence` - 行政许可
         *     * `confirmation` - 行政确认
         *     * `payment` - 行政给付
         *     * `registration` - 登记
         *     * `public_service` - 公共服务
         *     * `other` - 其他行政权力
         * @enum {string}
         */
        ItemTypeEnum: "licence" | "confirmation" | "payment" | "registration" | "public_service" | "other";
        /**
         * @description * `accept` - accept
         *     * `reject` - reject
         *     * `ban` - ban
         *     * `filter` - filter
         * @enum {string}
         */
        LastDecisionEnum: "accept" | "reject" | "ban" | "filter";
        LedgerEntryOutput: {
            amount_fen: number;
            /** Format: date-time */
            at: string;
            channel: components["schemas"]["PaymentChannelEnum"];
            id: number;
            kind: components["schemas"]["LedgerKindEnum"];
            /** Format: uuid */
            order_id: string;
            provider: string;
            provider_ref: string;
            /** Format: uuid */
            refund_id: string | null;
        };
        /**
         * @description * `payment` - payment
         *     * `refund` - refund
         * @enum {string}
         */
        LedgerKindEnum: "payment" | "refund";
        LookupInputRequest: {
            /** @description Last 6 characters of the applicant's ID number, or their phone number. */
            factor: string;
            receipt_number: string;
        };
        LookupOutput: {
            /** Format: date */
            deadline_on: string | null;
            /** Format: date */
            last_update_on: string;
            next_step: string;
            receipt_number: string;
            service_name: string;
            status: components["schemas"]["ApplicationStatusEnum"];
            /** Format: date */
            submitted_on: string | null;
        };
        MarkAllReadOutput: {
            updated: number;
        };
        MaterialOutput: {
            content_type: string;
            height: number | null;
            /** Format: uuid */
            id: string;
            size_bytes: number;
            slot: string;
            /** Format: date-time */
            uploaded_at: string;
            width: number | null;
        };
        MaterialSpecOutput: {
            accepted_formats: components["schemas"]["AcceptedFormatsEnum"][];
            /** @description Electronic certificate type that can stand in; empty if none. */
            certificate_type: string;
            code: string;
            copies: number;
            /** @description Uploading it needs the `identity_document_upload` consent. */
            is_identity_document: boolean;
            name: string;
            notes: string;
            required: boolean;
            sample_image: string;
        };
        MaterialUploadInputRequest: {
            /**
             * Format: binary
             * @description JPEG, PNG, WebP or PDF, recognised by content.
             */
            file: string;
            /** @description Material slot code from the service guide. */
            slot: string;
        };
        MeOutput: {
            /** @description Masked: `110105********1234`. */
            readonly citizen_id: string | null;
            /** Format: date-time */
            date_joined: string;
            /** Format: uuid */
            id: string;
            identities: components["schemas"]["IdentityOutput"][];
            kind: string;
            /** @description Masked: `138****5678`. */
            readonly phone: string | null;
            preferred_language: string;
            /** @description Masked: `张**`. */
            readonly real_name: string | null;
            real_name_verified: boolean;
            /** Format: date-time */
            real_name_verified_at: string | null;
        };
        NamedOutput: {
            code: string;
            name: string;
        };
        NoticeIssueInputRequest: {
            department_code: string;
            description: string;
            /** Format: date-time */
            due_at?: string | null;
            items: components["schemas"]["NoticeItemInputRequest"][];
            payer_name: string;
        };
        NoticeIssueOutput: {
            check_code: string;
            /** Format: date-time */
            created_at: string;
            department_code: string;
            description: string;
            /** Format: date-time */
            due_at: string | null;
            /** Format: uuid */
            id: string;
            items: components["schemas"]["BillItemOutput"][];
            notice_number: string | null;
            number: string;
            /** Format: date-time */
            paid_at: string | null;
            /** @description All money received for the bill, in fen. */
            paid_fen: number;
            /** @description All money paid back, in fen. */
            refunded_fen: number;
            source_type: string;
            state: components["schemas"]["BillStateEnum"];
            /** @description Total in fen. */
            total_fen: number;
        };
        NoticeItemInputRequest: {
            /** Format: int64 */
            amount_fen: number;
            code: string;
            name: string;
        };
        NoticeLookupInputRequest: {
            notice_number: string;
            payer_name: string;
        };
        /** @enum {unknown} */
        NullEnum: null;
        PaginatedApplicationSummaryOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ApplicationSummaryOutput"][];
        };
        PaginatedAppointmentList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["AppointmentOutput"][];
        };
        PaginatedAuditLogOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["AuditLogOutput"][];
        };
        PaginatedBillOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["BillOutput"][];
        };
        PaginatedCaseList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["CaseOutput"][];
        };
        PaginatedCertificateSummaryList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["CertificateSummaryOutput"][];
        };
        PaginatedEvaluationList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["EvaluationOutput"][];
        };
        PaginatedInboxMessageOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["InboxMessageOutput"][];
        };
        PaginatedInquiryList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["InquiryOutput"][];
        };
        PaginatedPaymentHistoryOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PaymentHistoryOutput"][];
        };
        PaginatedRunList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["RunOutput"][];
        };
        PaginatedServiceSummaryOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ServiceSummaryOutput"][];
        };
        PaginatedStaffApplicationSummaryOutputList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["StaffApplicationSummaryOutput"][];
        };
        PaginatedStaffRectificationList: {
            /** @description Items in all pages. */
            count: number;
            /** @description URL of the next page. */
            next: string | null;
            /** @description URL of the previous page. */
            previous: string | null;
            results: components["schemas"]["StaffRectificationOutput"][];
        };
        PatchedApplicationFormInputRequest: {
            /** @description Answers to the service's form (its JSON Schema). */
            form_data?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description * `wechat_jsapi` - WeChat Pay (mini-program)
         *     * `wechat_native` - WeChat Pay (QR code)
         *     * `alipay_mini` - Alipay (mini-program)
         *     * `sandbox` - sandbox
         * @enum {string}
         */
        PaymentChannelEnum: "wechat_jsapi" | "wechat_native" | "alipay_mini" | "sandbox";
        PaymentHistoryOutput: {
            /** @description Positive for a payment, negative for a refund. */
            amount_fen: number;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            bill_id: string;
            bill_number: string;
            channel: components["schemas"]["PaymentChannelEnum"];
            description: string;
            kind: components["schemas"]["LedgerKindEnum"];
        };
        PaymentOrderOutput: {
            amount_fen: number;
            channel: components["schemas"]["PaymentChannelEnum"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            id: string;
            out_trade_no: string;
            /** Format: date-time */
            paid_at: string | null;
            state: components["schemas"]["PaymentOrderStateEnum"];
        };
        /**
         * @description * `created` - created
         *     * `unknown` - unknown (provider call timed out)
         *     * `paid` - paid
         *     * `closed` - closed
         *     * `failed` - failed
         * @enum {string}
         */
        PaymentOrderStateEnum: "created" | "unknown" | "paid" | "closed" | "failed";
        PhoneBindOutput: {
            /** @description True when the phone belonged to another account and the two were merged. The surviving account may not be the one you logged in with: always switch to `tokens`. */
            merged: boolean;
            /** @description Masked: `138****5678`. */
            phone: string;
            /** @description A fresh token pair for the surviving account. */
            tokens: components["schemas"]["TokenPair"];
            /**
             * Format: uuid
             * @description The account that now holds the phone.
             */
            user_id: string;
        };
        /** @description RFC 9457 problem details, with Zhangban's stable `code`. */
        Problem: {
            /** @description Stable machine-readable error code. */
            code: string;
            detail: string;
            errors?: components["schemas"]["ProblemFieldError"][];
            /** @description The request path. */
            instance?: string;
            /** @description Seconds to wait (429). */
            retry_after?: number;
            status: number;
            title: string;
            /** @description `urn:zhangban:problem:<code>`. */
            type: string;
        };
        ProblemFieldError: {
            /** @description Stable machine code of this field's error. */
            code: string;
            /** @description Human message in the request's language. */
            detail: string;
            /** @description Dotted path of the field, or `non_field_errors`. */
            field: string;
        };
        /**
         * @description * `wechatpay` - wechatpay
         *     * `alipay` - alipay
         * @enum {string}
         */
        ProviderEnum: "wechatpay" | "alipay";
        /**
         * @description * `identity_document_upload` - 上传身份证件照片
         * @enum {string}
         */
        PurposeEnum: "identity_document_upload";
        Readiness: {
            checks: {
                [key: string]: string;
            };
            status: string;
        };
        RealNameInputRequest: {
            /** @description 18-character citizen ID number; the last character may be `X`. */
            citizen_id: string;
            /** @description Name as on the ID card (Chinese characters, or Latin letters with spaces). */
            name: string;
        };
        ReceiptOutput: {
            /** @description Paid by the settling payment, in fen. */
            amount_fen: number;
            bill_number: string;
            channel: components["schemas"]["PaymentChannelEnum"];
            department_code: string;
            description: string;
            items: components["schemas"]["BillItemOutput"][];
            /** Format: date-time */
            paid_at: string;
            receipt_number: string;
            refunded_fen: number;
            transaction_id: string;
            /** @description PNG data URI of the verification QR code. */
            verification_qr: string;
            verification_url: string;
        };
        ReceiptVerifyOutput: {
            amount_fen: number;
            department_code: string;
            description: string;
            /** Format: date-time */
            paid_at: string;
            receipt_number: string;
            refunded_fen: number;
            valid: boolean;
        };
        /**
         * @description * `running` - 进行中
         *     * `succeeded` - 成功
         *     * `failed` - 失败
         * @enum {string}
         */
        ReconciliationRunStateEnum: "running" | "succeeded" | "failed";
        RectificationPublicOutput: {
            /** Format: date */
            due_on: string;
            /** Format: date-time */
            replied_at: string | null;
            /** @description The department's answer (empty until it replies). */
            reply: string;
            status: components["schemas"]["RectificationStatusEnum"];
        };
        RectificationReplyInputRequest: {
            reply: string;
        };
        /**
         * @description * `open` - 未处理
         *     * `replied` - 已回复
         * @enum {string}
         */
        RectificationStatusEnum: "open" | "replied";
        RefreshInputRequest: {
            refresh: string;
        };
        RefundCreateInputRequest: {
            /** Format: int64 */
            amount_fen: number;
            reason: string;
        };
        /**
         * @description * `staff` - requested by finance staff
         *     * `duplicate` - automatic: the bill was already paid by another order
         * @enum {string}
         */
        RefundKindEnum: "staff" | "duplicate";
        RefundOutput: {
            amount_fen: number;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["RefundKindEnum"];
            out_refund_no: string;
            reason: string;
            state: components["schemas"]["RefundStateEnum"];
            /** Format: date-time */
            succeeded_at: string | null;
        };
        /**
         * @description * `pending` - pending
         *     * `unknown` - unknown (provider call timed out)
         *     * `succeeded` - succeeded
         *     * `failed` - failed
         * @enum {string}
         */
        RefundStateEnum: "pending" | "unknown" | "succeeded" | "failed";
        /**
         * @description * `province` - 省级
         *     * `city` - 市级
         *     * `county` - 县级
         * @enum {string}
         */
        RegionLevelEnum: "province" | "city" | "county";
        RegionRef: {
            code: string;
            level: components["schemas"]["RegionLevelEnum"];
            name: string;
        };
        /**
         * @description * `SUCCESS` - SUCCESS
         *     * `FAIL` - FAIL
         * @enum {string}
         */
        ReportStatusEnum: "SUCCESS" | "FAIL";
        ReportSummaryRowOutput: {
            /** @description provider fees, rounded to the fen */
            fee_fen: number;
            /** @description department code, fee item code or channel */
            key: string;
            /** @description received − refunded − fees */
            net_fen: number;
            /** @description YYYY-MM-DD or YYYY-MM (Asia/Shanghai) */
            period: string;
            received_fen: number;
            refunded_fen: number;
        };
        /** @description What staff see of a resident: masked, and every read is audited. */
        ResidentOutput: {
            readonly citizen_id: string | null;
            /** Format: date-time */
            date_joined: string;
            /** Format: uuid */
            id: string;
            readonly phone: string | null;
            readonly real_name: string | null;
            real_name_verified: boolean;
        };
        RunCreateInputRequest: {
            /**
             * Format: date
             * @description The business day (Asia/Shanghai) to reconcile.
             */
            bill_date: string;
            /**
             * Format: uuid
             * @description Re-run a stored bill file; without it the bill is downloaded again.
             */
            bill_file_id?: string;
            provider: components["schemas"]["ProviderEnum"];
        };
        RunOutput: {
            /** Format: date */
            bill_date: string;
            bill_file_sha256: string;
            /** @description per category (matched, provider_only, local_only, amount_mismatch, status_mismatch): count and amount_fen */
            counts: {
                [key: string]: {
                    [key: string]: number;
                };
            };
            /** @description malformed lines: line, message */
            errors: {
                [key: string]: unknown;
            }[];
            failure: string;
            /** Format: date-time */
            finished_at: string | null;
            /** Format: uuid */
            id: string;
            line_count: number;
            merchant_id: string;
            method: string;
            provider: string;
            /** Format: date-time */
            started_at: string;
            state: components["schemas"]["ReconciliationRunStateEnum"];
            /** @description the bill's own summary, what its rows add up to, per channel */
            totals: {
                [key: string]: unknown;
            };
        };
        ServiceGuideOutput: {
            aliases: string[];
            audience: components["schemas"]["AudienceEnum"];
            co_departments: components["schemas"]["DepartmentRef"][];
            code: string;
            conditions: string;
            department: components["schemas"]["DepartmentRef"];
            faqs: components["schemas"]["FaqOutput"][];
            fee_stage: components["schemas"]["FeeStageEnum"];
            fees: components["schemas"]["FeeOutput"][];
            /** @description JSON Schema of the application form. */
            form_schema: unknown;
            item_type: components["schemas"]["ItemTypeEnum"];
            /** @description Language served; missing translations fall back to zh-Hans per field. */
            language: string;
            legal_basis: string;
            materials: components["schemas"]["MaterialSpecOutput"][];
            name: string;
            online_depth: number;
            promised_days: number;
            region: components["schemas"]["RegionRef"];
            region_level: components["schemas"]["RegionLevelEnum"];
            statutory_days: number;
            steps: components["schemas"]["StepOutput"][];
            themes: string[];
            /** @description Published guide version; applications keep theirs. */
            version: number;
            windows: components["schemas"]["WindowOutput"][];
        };
        ServiceSummaryOutput: {
            audience: components["schemas"]["AudienceEnum"];
            code: string;
            department: components["schemas"]["DepartmentRef"];
            fee_stage: components["schemas"]["FeeStageEnum"];
            item_type: components["schemas"]["ItemTypeEnum"];
            name: string;
            online_depth: number;
            promised_days: number;
            themes: string[];
        };
        SlotOutput: {
            capacity: number;
            /** Format: date-time */
            ends_at: string;
            /** @description Hall code. */
            hall: string;
            hall_name: string;
            id: number;
            remaining: number;
            /** Format: date-time */
            starts_at: string;
            /** @description Window name. */
            window: string;
        };
        SmsCodeRequestInputRequest: {
            /** @description Mobile number, E.164 (`+8613812345678`) or mainland national form. */
            phone: string;
        };
        SmsCodeRequestOutput: {
            /** @description Seconds the code stays valid. */
            expires_in: number;
            /** @description Seconds before another code may be requested. */
            resend_after: number;
        };
        SmsLoginInputRequest: {
            /** @description The 6-digit code. */
            code: string;
            /** @description Mobile number, E.164 (`+8613812345678`) or mainland national form. */
            phone: string;
        };
        StaffApplicationDetailOutput: {
            /** Format: date-time */
            accepted_at: string | null;
            /** Format: uuid */
            applicant_id: string;
            /** @description Masked. */
            applicant_name: string;
            /** @description Masked. */
            applicant_phone: string;
            /** Format: uuid */
            claimed_by: string | null;
            clock_status: (components["schemas"]["ClockStatusEnum"] | components["schemas"]["NullEnum"]) | null;
            /** @description True while the clock waits for the resident's corrections. */
            clock_suspended: boolean;
            /** Format: date-time */
            completed_at: string | null;
            corrections: components["schemas"]["CorrectionOutput"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date */
            deadline_on: string | null;
            /** Format: date-time */
            decided_at: string | null;
            department_code: string;
            /** Format: uuid */
            fee_bill_id: string | null;
            form_data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            materials: components["schemas"]["MaterialOutput"][];
            /** @description What happens next / what to do, in the request's language. */
            next_step: string;
            /** @description Everything to fix, when a notice is open. */
            open_correction: components["schemas"]["CorrectionOutput"] | null;
            receipt_number: string | null;
            service_code: string;
            service_name: string;
            service_version: number;
            status: components["schemas"]["ApplicationStatusEnum"];
            /** Format: date-time */
            submitted_at: string | null;
            tasks: components["schemas"]["TaskOutput"][];
            timeline: components["schemas"]["StaffTimelineEntry"][];
        };
        StaffApplicationSummaryOutput: {
            /** Format: uuid */
            claimed_by: string | null;
            clock_status: (components["schemas"]["ClockStatusEnum"] | components["schemas"]["NullEnum"]) | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date */
            deadline_on: string | null;
            department_code: string;
            /** Format: uuid */
            id: string;
            receipt_number: string | null;
            service_code: string;
            service_name: string;
            status: components["schemas"]["ApplicationStatusEnum"];
            /** Format: date-time */
            submitted_at: string | null;
        };
        StaffLoginInputRequest: {
            /** @description TOTP code. */
            otp_code: string;
            password: string;
            username: string;
        };
        StaffNoteInputRequest: {
            /** @default  */
            note: string;
        };
        /** @description What the department sees of a bad rating: never who gave it. */
        StaffRectificationOutput: {
            department: string;
            /** Format: date */
            due_on: string;
            id: number;
            level: components["schemas"]["EvaluationLevelEnum"];
            overdue: boolean;
            /** Format: date-time */
            rated_at: string;
            /** Format: date-time */
            replied_at: string | null;
            reply: string;
            service: string;
            stage: components["schemas"]["EvaluationStageEnum"];
            status: components["schemas"]["RectificationStatusEnum"];
            tags: string[];
            text: string;
        };
        StaffTimelineEntry: {
            action: string;
            /** Format: uuid */
            actor_id: string | null;
            actor_role: string;
            /** Format: date-time */
            at: string;
            department_code: string | null;
            from_status: string;
            internal_note: string;
            message: string;
            to_status: string;
        };
        StepOutput: {
            description: string;
            name: string;
            order: number;
        };
        SubscribeConsentInputRequest: {
            /** @description The `res` object of `wx.requestSubscribeMessage({tmplIds})` as it came: template id → `accept` | `reject` | `ban` | `filter`; the `errMsg` key is ignored. */
            result: {
                [key: string]: string;
            };
        };
        SubscribeConsentListOutput: {
            consents: components["schemas"]["SubscribeConsentOutput"][];
            /** @description Every configured template. */
            templates: components["schemas"]["SubscribeTemplateOutput"][];
        };
        SubscribeConsentOutput: {
            last_decision: components["schemas"]["LastDecisionEnum"];
            /** @description Messages that may still be sent (one per accept). */
            remaining: number;
            template_id: string;
            /** @description Our name of the template. */
            template_key: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        SubscribeTemplateOutput: {
            /** @description Pass these to `wx.requestSubscribeMessage({tmplIds})`. */
            template_id: string;
            template_key: string;
        };
        TaskApproveInputRequest: {
            department_code: string;
            /** @default  */
            note: string;
        };
        TaskOutput: {
            department_code: string;
            department_name: string;
            legal_basis: string;
            reason: string;
            status: components["schemas"]["TaskOutputStatusEnum"];
        };
        /**
         * @description * `pending` - 待处理
         *     * `approved` - 审批通过
         *     * `rejected` - 不予许可
         * @enum {string}
         */
        TaskOutputStatusEnum: "pending" | "approved" | "rejected";
        TaskRejectInputRequest: {
            department_code: string;
            legal_basis: string;
            reason: string;
        };
        TencentSmsReplyOutput: {
            errmsg: string;
            /** @description 0: received. */
            result: number;
        };
        /** @description One item of the JSON array Tencent Cloud SMS posts as a delivery receipt (状态回执). */
        TencentSmsReportInputRequest: {
            description?: string;
            errmsg?: string;
            mobile?: string;
            nationcode?: string;
            report_status: components["schemas"]["ReportStatusEnum"];
            /** @description The `SerialNo` SendSms answered. */
            sid: string;
            user_receive_time?: string;
        };
        TimelineEntry: {
            action: string;
            actor_role: string;
            /** Format: date-time */
            at: string;
            department_code: string | null;
            from_status: string;
            message: string;
            to_status: string;
        };
        TokenPair: {
            /** @description Access token (JWT) for the `Authorization: Bearer` header. */
            access: string;
            /** @description Seconds until the access token expires. */
            expires_in: number;
            /** @description Refresh token; single use, rotated on refresh. */
            refresh: string;
            /** @description Always `Bearer`. */
            token_type: string;
        };
        /** @description The form Twilio posts (only the fields we read are listed). */
        TwilioStatusInputRequest: {
            AccountSid?: string;
            ErrorCode?: string;
            MessageSid: string;
            MessageStatus: string;
        };
        UnreadCountOutput: {
            unread: number;
        };
        WechatCallbackFailure: {
            code: string;
            message: string;
        };
        /** @description WeChat Pay v3 notification (signed headers, AES-256-GCM resource). */
        WechatCallbackInputRequest: {
            create_time: string;
            event_type: string;
            id: string;
            resource: components["schemas"]["WechatCallbackResourceRequest"];
            resource_type: string;
            summary?: string;
        };
        WechatCallbackResourceRequest: {
            algorithm: string;
            associated_data?: string;
            ciphertext: string;
            nonce: string;
            original_type: string;
        };
        WeChatLoginInputRequest: {
            /** @description `res.code` of `wx.login()`: single use, valid for 5 minutes. */
            code: string;
        };
        WeChatPhoneInputRequest: {
            /** @description `e.detail.code` of `<button open-type="getPhoneNumber" bindgetphonenumber=…>` (not the old `encryptedData`): single use, valid for 5 minutes. */
            code: string;
        };
        WindowOutput: {
            hall: string;
            hotline: string;
            hours: string;
            place: string;
            window: string;
        };
        WsTicketOutput: {
            /** @description Seconds. */
            expires_in: number;
            /** @description One-time; pass as `?ticket=` when opening the websocket. */
            ticket: string;
            /** @description Path of the websocket with the ticket. */
            url: string;
        };
        /** @description Exactly the parameters of `wx.requestPayment`. */
        WxRequestPayment: {
            nonceStr: string;
            package: string;
            paySign: string;
            signType: string;
            timeStamp: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    applications_list: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                /**
                 * @description * `draft` - 草稿
                 *     * `submitted` - 已提交
                 *     * `correction_required` - 待补正
                 *     * `accepted` - 已受理
                 *     * `fee_due` - 待缴费
                 *     * `in_review` - 审查中
                 *     * `approved` - 审批通过
                 *     * `rejected` - 不予许可
                 *     * `completed` - 已办结
                 *     * `withdrawn` - 已撤回
                 */
                status?: "draft" | "submitted" | "correction_required" | "accepted" | "fee_due" | "in_review" | "approved" | "rejected" | "completed" | "withdrawn";
            };
            header?: {
                /** @description `zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`. */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedApplicationSummaryOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_retrieve: {
        parameters: {
            query?: never;
            header?: {
                /** @description `zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`. */
                "Accept-Language"?: string;
            };
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_form_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedApplicationFormInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_material_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["MaterialUploadInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MaterialOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_material_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                material_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_material_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                material_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applications_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAppointmentList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_book: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentBookInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_reschedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appointment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentRescheduleInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_check_in: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentCheckInInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentCheckInOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_halls_list: {
        parameters: {
            query?: {
                /** @description Standard code of a service item. */
                service?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HallOutput"][];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    appointments_slots_list: {
        parameters: {
            query: {
                /** @description The day (Asia/Shanghai). */
                date: string;
                /** @description Hall code. */
                hall?: string;
                /** @description Standard code of the service item. */
                service: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlotOutput"][];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    audit_log_list: {
        parameters: {
            query?: {
                action?: string;
                object_id?: string;
                object_type?: string;
                /** @description 分页结果集中的页码。 */
                page?: number;
                /** @description 每页返回的结果数量。 */
                page_size?: number;
                since?: string;
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAuditLogOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_alipay_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlipayLoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_alipay_phone_bind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlipayPhoneInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneBindOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_sms_code_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsCodeRequestInputRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SmsCodeRequestOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_sms_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsLoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_staff_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffLoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_token_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_wechat_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatLoginInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    auth_wechat_phone_bind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WeChatPhoneInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneBindOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bills_list: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                /**
                 * @description * `unpaid` - unpaid
                 *     * `paid` - paid
                 *     * `partially_refunded` - partially refunded
                 *     * `refunded` - refunded
                 *     * `closed` - closed
                 */
                state?: "unpaid" | "paid" | "partially_refunded" | "refunded" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedBillOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bills_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bills_pay: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per attempt (e.g. a UUID; printable ASCII, at most 255 characters). The same key with the same body returns the stored answer (`Idempotent-Replayed: true`); with a different body 409 `idempotency_key_reused`; while the first request is still running 409 `idempotency_key_in_flight`. Keys expire after 24 h. */
                "Idempotency-Key": string;
            };
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BillPayInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillPayOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bills_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notices_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoticeLookupInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BillDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCertificateSummaryList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rendered certificate (900×600 PNG). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (`not_acceptable`). */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                certificate_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateRevokeInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateSummaryOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_offers: {
        parameters: {
            query: {
                /** @description The draft application. */
                application: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateOfferOutput"][];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_use_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateUseInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateUseOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    certificates_verify: {
        parameters: {
            query: {
                /** @description The verification code printed in the QR code. */
                code: string;
            };
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerifyOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consents_grant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consultations_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInquiryList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consultations_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InquiryCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InquiryOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consultations_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inquiry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InquiryOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    consultations_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inquiry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InquiryOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluations_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedEvaluationList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluations_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluationCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    evaluations_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                evaluation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluationOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_bills_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FinanceBillOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_bills_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per attempt (e.g. a UUID; printable ASCII, at most 255 characters). The same key with the same body returns the stored answer (`Idempotent-Replayed: true`); with a different body 409 `idempotency_key_reused`; while the first request is still running 409 `idempotency_key_in_flight`. Keys expire after 24 h. */
                "Idempotency-Key": string;
            };
            path: {
                bill_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_notices_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoticeIssueInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticeIssueOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_bills_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["BillUploadInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_cases_list: {
        parameters: {
            query?: {
                bill_date?: string;
                /**
                 * @description * `provider_only` - 支付机构有交易，本方台账无记录
                 *     * `local_only` - 本方台账有记录，支付机构对账单无记录
                 *     * `amount_mismatch` - 金额不一致
                 *     * `status_mismatch` - 状态不一致
                 */
                category?: "provider_only" | "local_only" | "amount_mismatch" | "status_mismatch";
                /**
                 * @description * `wechatpay` - wechatpay
                 *     * `alipay` - alipay
                 */
                provider?: "wechatpay" | "alipay";
                /**
                 * @description * `open` - 未处理
                 *     * `resolved` - 已处理
                 *     * `cleared` - 已消除：差异已不存在
                 */
                state?: "open" | "resolved" | "cleared";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCaseList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_cases_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_cases_refund: {
        parameters: {
            query?: never;
            header: {
                /** @description A unique key per attempt; the same key and body replay the stored answer. */
                "Idempotency-Key": string;
            };
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseRefundInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_cases_requery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_cases_write_off: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                case_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseWriteOffInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_runs_list: {
        parameters: {
            query?: {
                date_from?: string;
                date_to?: string;
                /**
                 * @description * `wechatpay` - wechatpay
                 *     * `alipay` - alipay
                 */
                provider?: "wechatpay" | "alipay";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRunList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_runs_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                run_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reconciliation_runs_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunCreateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reports_chart: {
        parameters: {
            query: {
                /** @description First day (Asia/Shanghai), inclusive. */
                date_from: string;
                /** @description Last day (Asia/Shanghai), inclusive. */
                date_to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Received, refunded, net and differences per day. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (`not_acceptable`). */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reports_export: {
        parameters: {
            query: {
                /** @description First day (Asia/Shanghai), inclusive. */
                date_from: string;
                /** @description Last day (Asia/Shanghai), inclusive. */
                date_to: string;
                /**
                 * @description * `csv` - csv
                 *     * `xlsx` - xlsx
                 */
                format?: "csv" | "xlsx";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with BOM */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No acceptable representation (`not_acceptable`). */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    finance_reports_summary: {
        parameters: {
            query: {
                /** @description First day (Asia/Shanghai), inclusive. */
                date_from: string;
                /** @description Last day (Asia/Shanghai), inclusive. */
                date_to: string;
                /**
                 * @description * `department` - department
                 *     * `fee_item` - fee_item
                 *     * `channel` - channel
                 */
                group_by?: "department" | "fee_item" | "channel";
                /**
                 * @description * `day` - day
                 *     * `month` - month
                 */
                period?: "day" | "month";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportSummaryRowOutput"][];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me_real_name_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RealNameInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    messages_list: {
        parameters: {
            query?: {
                /** @description Page number (from 1). */
                page?: number;
                /** @description At most 100. */
                page_size?: number;
                /** @description Only unread (`true`) or read (`false`). */
                unread?: boolean | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInboxMessageOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    messages_mark_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxMessageOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    messages_mark_all_read: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAllReadOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    messages_unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tencent_sms_status_callback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secret of the configured callback URL. */
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TencentSmsReportInputRequest"][];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TencentSmsReplyOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The URL's token is wrong, or none is configured (`callback_token_invalid`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    twilio_status_callback: {
        parameters: {
            query?: {
                /** @description Our message id. */
                m?: string;
            };
            header: {
                "X-Twilio-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TwilioStatusInputRequest"];
            };
        };
        responses: {
            /** @description Applied (or nothing to do). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payments_callback_alipay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["AlipayCallbackInputRequest"];
            };
        };
        responses: {
            /** @description Exactly `success`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Refused; the provider retries. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payments_callback_wechatpay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatCallbackInputRequest"];
            };
        };
        responses: {
            /** @description Accepted (also for a repeat). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; the provider retries. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatCallbackFailure"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payments_callback_wechatpay_refund: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatCallbackInputRequest"];
            };
        };
        responses: {
            /** @description Accepted (also for a repeat). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused; the provider retries. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatCallbackFailure"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payments_history: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPaymentHistoryOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    progress_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see `Retry-After` (`rate_limited` or a specific code). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable (`service_unavailable` or a specific code). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receipts_verify: {
        parameters: {
            query: {
                code: string;
                number: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptVerifyOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    services_search: {
        parameters: {
            query?: {
                /**
                 * @description * `individual` - 自然人
                 *     * `legal_person` - 法人
                 */
                audience?: "individual" | "legal_person";
                /** @description Department code. */
                department?: string;
                /** @description Minimum online depth. */
                online_depth?: number;
                page?: number;
                page_size?: number;
                /** @description Keyword: name, alias or pinyin (`sfz`). */
                q?: string;
                /** @description Region code; items of the regions above it are included. */
                region?: string;
                theme?: string;
            };
            header?: {
                /** @description Guide language: `zh-Hans` (default), `en`, `ug` (Uyghur), `mn` (Mongolian); a field without a translation falls back to zh-Hans. */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedServiceSummaryOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    services_guide_retrieve: {
        parameters: {
            query?: never;
            header?: {
                /** @description Guide language: `zh-Hans` (default), `en`, `ug` (Uyghur), `mn` (Mongolian); a field without a translation falls back to zh-Hans. */
                "Accept-Language"?: string;
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceGuideOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_queue: {
        parameters: {
            query?: {
                /**
                 * @description * `on_time` - 按时
                 *     * `warning` - 预警：已用时限的80%
                 *     * `overdue` - 已超期
                 */
                clock?: "on_time" | "warning" | "overdue";
                department?: string;
                /** @description Only cases I claimed. */
                mine?: boolean;
                page?: number;
                page_size?: number;
                /**
                 * @description * `draft` - 草稿
                 *     * `submitted` - 已提交
                 *     * `correction_required` - 待补正
                 *     * `accepted` - 已受理
                 *     * `fee_due` - 待缴费
                 *     * `in_review` - 审查中
                 *     * `approved` - 审批通过
                 *     * `rejected` - 不予许可
                 *     * `completed` - 已办结
                 *     * `withdrawn` - 已撤回
                 */
                status?: "draft" | "submitted" | "correction_required" | "accepted" | "fee_due" | "in_review" | "approved" | "rejected" | "completed" | "withdrawn";
            };
            header?: {
                /** @description `zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`. */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedStaffApplicationSummaryOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_retrieve: {
        parameters: {
            query?: never;
            header?: {
                /** @description `zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`. */
                "Accept-Language"?: string;
            };
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StaffNoteInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskApproveInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_application_certificate_uses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateUseOutput"][];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_comment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StaffNoteInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_request_correction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionRequestInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Understood but refused by a business rule (specific code). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_material_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
                material_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_applications_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskRejectInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffApplicationDetailOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_consultations_list: {
        parameters: {
            query?: {
                /**
                 * @description * `consultation` - 咨询
                 *     * `complaint` - 投诉
                 */
                kind?: "consultation" | "complaint";
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
                /**
                 * @description * `submitted` - 已提交
                 *     * `replied` - 已回复
                 *     * `closed` - 已关闭
                 */
                status?: "submitted" | "replied" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInquiryList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_consultations_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inquiry_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InquiryReplyInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InquiryOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_rectifications_list: {
        parameters: {
            query?: {
                /** @description Page number, from 1. */
                page?: number;
                /** @description Items per page (default 20, at most 100). */
                page_size?: number;
                /**
                 * @description * `open` - 未处理
                 *     * `replied` - 已回复
                 */
                status?: "open" | "replied";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedStaffRectificationList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_rectifications_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rectification_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RectificationReplyInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffRectificationOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (`conflict` or a specific code). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_resident_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staff_supervision_list: {
        parameters: {
            query?: {
                /**
                 * @description * `on_time` - 按时
                 *     * `warning` - 预警：已用时限的80%
                 *     * `overdue` - 已超期
                 */
                clock?: "on_time" | "warning" | "overdue";
                department?: string;
                page?: number;
                page_size?: number;
            };
            header?: {
                /** @description `zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`. */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedStaffApplicationSummaryOutputList"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscriptions_alipay_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribeConsentListOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscriptions_alipay_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlipaySubscribeConsentInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribeConsentListOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscriptions_wechat_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribeConsentListOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    subscriptions_wechat_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeConsentInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscribeConsentListOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported media type; send JSON (`unsupported_media_type`). */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    supervision_figures: {
        parameters: {
            query: {
                /** @description One of my departments' codes. */
                department?: string;
                /** @description Last day of the period, inclusive; at most 366 days after start. */
                end: string;
                /** @description First day of the period (Asia/Shanghai). */
                start: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiguresReportOutput"];
                };
            };
            /** @description Invalid request (`validation_error` with per-field `errors`, `malformed_request`, or a business code). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed (`permission_denied`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not yours (`not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ws_ticket_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WsTicketOutput"];
                };
            };
            /** @description Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, `invalid_credentials`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    healthz_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readyz_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Method not allowed (`method_not_allowed`). */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Internal error; logged with the request id (`server_error`). */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is down (problem+json, code `not_ready`). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

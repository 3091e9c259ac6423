// @ts-check
// Zhangban H5 demo: SMS (or WeChat sandbox) login, services, apply, my applications with live
// progress over the websocket, and paying a bill. Plain JS, type-checked against the generated
// API types (make types-check: tsc over this file with openapi/types/api.ts).
"use strict";

/** @typedef {import("../../openapi/types/api").components["schemas"]} S */
/** @typedef {import("../../openapi/types/events").components["schemas"]["ServerFrame"]} ServerFrame */
/** @typedef {import("../../openapi/types/events").components["schemas"]["Event"]} EventFrame */

const STATUS = {
  draft: "草稿", submitted: "已提交", correction_required: "待补正", accepted: "已受理", fee_due: "待缴费",
  in_review: "审查中", approved: "已批准", rejected: "不予批准", completed: "已办结", withdrawn: "已撤回",
  unpaid: "待缴费", paid: "已缴费", partially_refunded: "部分退款", refunded: "已退款", closed: "已关闭",
};

const app = {
  api: "",
  /** @type {string} */ access: sessionStorage.getItem("zb:access") || "",
  lastEventId: Number(sessionStorage.getItem("zb:last_id") || "0"),
  /** @type {WebSocket | null} */ socket: null,
  /** @type {S["ServiceGuideOutput"] | null} */ guide: null,
};

/** @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/** @param {string} message */
function toast(message) {
  $("toast").textContent = message;
  clearTimeout(/** @type {any} */ (toast).timer);
  /** @type {any} */ (toast).timer = setTimeout(() => ($("toast").textContent = ""), 5000);
}

/** @param {string} tag @param {string} text @param {string} [cls] */
function el(tag, text, cls) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

/** @param {string} status */
function badge(status) {
  return el("span", STATUS[/** @type {keyof typeof STATUS} */ (status)] || status, `status ${status}`);
}

/** Every error is problem+json: show its title, keep its code for the caller. */
class ApiError extends Error {
  /** @param {number} status @param {S["Problem"]} problem */
  constructor(status, problem) {
    super(problem.detail || problem.title);
    this.status = status;
    this.code = problem.code;
  }
}

/**
 * @param {string} method @param {string} path
 * @param {{json?: unknown, form?: FormData, headers?: Record<string, string>}} [options]
 * @returns {Promise<any>}
 */
async function call(method, path, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { "Accept-Language": "zh-Hans", ...(options.headers || {}) };
  if (app.access) headers.Authorization = `Bearer ${app.access}`;
  /** @type {BodyInit | undefined} */
  let body;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  const response = await fetch(app.api + path, { method, headers, body });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401 && app.access) logout();
    throw new ApiError(response.status, data);
  }
  return data;
}

// --- views ------------------------------------------------------------------------------------

/** @param {string} name */
function show(name) {
  document.querySelectorAll(".view").forEach((v) => ((/** @type {HTMLElement} */ (v)).hidden = v.id !== `view-${name}`));
  $("tabs").hidden = name === "login";
}

async function route() {
  const [name, arg] = location.hash.slice(1).split("/");
  if (!app.access) return show("login");
  connectEvents();
  try {
    if (name === "apply" && arg) await openApply(decodeURIComponent(arg));
    else if (name === "mine") await openMine();
    else if (name === "pay" && arg) await openPay(arg);
    else await openServices();
  } catch (error) {
    toast(String(/** @type {Error} */ (error).message));
  }
}

// --- login --------------------------------------------------------------------------------------

/** @param {S["TokenPair"]} pair */
async function loggedIn(pair) {
  app.access = pair.access;
  sessionStorage.setItem("zb:access", pair.access);
  /** @type {S["MeOutput"]} */
  const me = await call("GET", "/api/v1/me");
  $("who").textContent = me.phone || "微信用户";
  location.hash = "#services";
  await route();
}

function logout() {
  app.access = "";
  sessionStorage.removeItem("zb:access");
  app.socket?.close();
  show("login");
}

/** The sandbox stands in for the resident's phone: read the newest SMS to this number. */
async function readSandboxSms(phone, since) {
  for (let i = 0; i < 20; i++) {
    const state = await (await fetch("/console/api/state", { cache: "no-store" })).json();
    const messages = [...state.sms.twilio.messages, ...state.sms.tencent.messages]
      .filter((m) => String(m.to).endsWith(phone))
      .map((m) => m.body || `【${m.sign_name}】${(m.params || []).join(" ")}`);
    if (messages.length > since) return messages[0];
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return "";
}

async function smsCount(phone) {
  const state = await (await fetch("/console/api/state", { cache: "no-store" })).json();
  return [...state.sms.twilio.messages, ...state.sms.tencent.messages].filter((m) => String(m.to).endsWith(phone)).length;
}

$("send-code").addEventListener("click", async () => {
  const phone = $("phone").value.trim();
  try {
    const before = await smsCount(phone);
    await call("POST", "/api/v1/auth/sms/code", { json: { phone } });
    toast("验证码已发送");
    const sms = await readSandboxSms(phone, before);
    $("sms-inbox").hidden = false;
    $("sms-text").textContent = sms || "（短信发往控制台终端：SMS_BACKEND 为 console）";
    const code = /(\d{6})/.exec(sms);
    if (code) $("code").value = code[1];
  } catch (error) {
    toast(String(/** @type {Error} */ (error).message));
  }
});

$("sms-login").addEventListener("click", async () => {
  try {
    /** @type {S["SmsLoginInputRequest"]} */
    const input = { phone: $("phone").value.trim(), code: $("code").value.trim() };
    await loggedIn(await call("POST", "/api/v1/auth/sms/login", { json: input }));
  } catch (error) {
    toast(String(/** @type {Error} */ (error).message));
  }
});

$("wechat-login").addEventListener("click", async () => {
  try {
    // What wx.login() gives a mini-program, minted by the fake WeChat for a sandbox user.
    const minted = await (await fetch("/wechat/_control/login_code", {
      method: "POST", body: JSON.stringify({ user: "h5-demo" }),
    })).json();
    /** @type {S["WeChatLoginInputRequest"]} */
    const input = { code: minted.code };
    await loggedIn(await call("POST", "/api/v1/auth/wechat", { json: input }));
  } catch (error) {
    toast(String(/** @type {Error} */ (error).message));
  }
});

// --- services and applying ------------------------------------------------------------------------

async function openServices() {
  show("services");
  const q = $("search").value.trim();
  /** @type {S["PaginatedServiceSummaryOutputList"]} */
  const page = await call("GET", `/api/v1/services?page_size=50${q ? `&q=${encodeURIComponent(q)}` : ""}`);
  const list = $("service-list");
  list.replaceChildren();
  for (const service of page.results) {
    const li = document.createElement("li");
    li.append(el("div", service.name, "title"));
    li.append(el("div", `${service.department.name} · 承诺 ${service.promised_days} 个工作日 · ${service.code}`, "meta"));
    const go = el("button", "在线办理");
    go.dataset.code = service.code;
    go.addEventListener("click", () => (location.hash = `#apply/${encodeURIComponent(service.code)}`));
    li.append(go);
    list.append(li);
  }
}

$("search").addEventListener("change", () => openServices().catch((e) => toast(e.message)));

/** @param {string} code */
async function openApply(code) {
  show("apply");
  /** @type {S["ServiceGuideOutput"]} */
  const guide = await call("GET", `/api/v1/services/${encodeURIComponent(code)}`);
  app.guide = guide;
  $("apply-title").textContent = guide.name;
  $("apply-meta").textContent = `${guide.department.name} · 承诺 ${guide.promised_days} 个工作日 · 收费 ${
    guide.fees.length ? guide.fees.map((f) => `${f.name} ${(f.amount_fen / 100).toFixed(2)} 元`).join("，") : "无"}`;
  const fields = $("apply-fields");
  fields.replaceChildren();
  const schema = /** @type {{properties?: Record<string, {title?: string}>}} */ (guide.form_schema);
  for (const [name, spec] of Object.entries(schema.properties || {})) {
    const label = el("label", spec.title || name);
    const input = document.createElement("input");
    input.name = name;
    label.append(input);
    fields.append(label);
  }
  const materials = $("apply-materials");
  materials.replaceChildren();
  for (const material of guide.materials) {
    const label = el("label", `${material.name}${material.required ? " *" : ""}`);
    const input = document.createElement("input");
    input.type = "file";
    input.accept = "image/*,application/pdf";
    input.name = `material:${material.code}`;
    label.append(input);
    materials.append(label);
  }
  $("consent-row").hidden = !guide.materials.some((m) => m.is_identity_document);
}

$("apply-form").addEventListener("submit", async (/** @type {Event} */ event) => {
  event.preventDefault();
  const guide = app.guide;
  if (!guide) return;
  try {
    /** @type {S["ApplicationCreateInputRequest"]} */
    const create = { service_code: guide.code };
    /** @type {S["ApplicationDetailOutput"]} */
    const draft = await call("POST", "/api/v1/applications", { json: create });
    /** @type {Record<string, string>} */
    const formData = {};
    $("apply-fields").querySelectorAll("input").forEach((/** @type {HTMLInputElement} */ i) => (formData[i.name] = i.value.trim()));
    /** @type {S["PatchedApplicationFormInputRequest"]} */
    const patch = { form_data: formData };
    await call("PATCH", `/api/v1/applications/${draft.id}`, { json: patch });
    if (!$("consent-row").hidden && $("consent").checked) {
      /** @type {S["ConsentInputRequest"]} */
      const consent = { purpose: "identity_document_upload", agree: true };
      await call("POST", "/api/v1/consents", { json: consent });
    }
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ ($("apply-materials").querySelectorAll("input"))) {
      for (const file of Array.from(input.files || [])) {
        const form = new FormData();
        form.append("slot", input.name.slice("material:".length));
        form.append("file", file);
        await call("POST", `/api/v1/applications/${draft.id}/materials`, { form });
      }
    }
    /** @type {S["ApplicationDetailOutput"]} */
    const submitted = await call("POST", `/api/v1/applications/${draft.id}/submit`);
    toast(`已提交，受理编号 ${submitted.receipt_number}`);
    location.hash = "#mine";
  } catch (error) {
    toast(String(/** @type {Error} */ (error).message));
  }
});

// --- my applications, bills and the live event stream ---------------------------------------------

async function openMine() {
  show("mine");
  /** @type {S["PaginatedApplicationSummaryOutputList"]} */
  const applications = await call("GET", "/api/v1/applications");
  const list = $("application-list");
  list.replaceChildren();
  for (const a of applications.results) {
    const li = document.createElement("li");
    li.dataset.id = a.id;
    li.append(el("div", a.service_name, "title"), badge(a.status));
    li.append(el("div", `${a.receipt_number || "草稿"} · ${a.deadline_on ? `办结时限 ${a.deadline_on}` : ""}`, "meta"));
    list.append(li);
  }
  /** @type {S["PaginatedBillOutputList"]} */
  const bills = await call("GET", "/api/v1/bills");
  const billList = $("bill-list");
  billList.replaceChildren();
  for (const b of bills.results) {
    const li = document.createElement("li");
    li.dataset.id = b.id;
    li.append(el("div", b.description, "title"), badge(b.state));
    li.append(el("div", `${(b.total_fen / 100).toFixed(2)} 元 · ${b.number}`, "meta"));
    if (b.state === "unpaid") {
      const pay = el("button", "去缴费");
      pay.addEventListener("click", () => (location.hash = `#pay/${b.id}`));
      li.append(pay);
    }
    billList.append(li);
  }
}

/** @param {EventFrame} event */
function onEvent(event) {
  const item = el("li", `#${event.id} ${event.data.title}：${event.data.body}`);
  item.dataset.event = event.event;
  $("event-list").prepend(item);
  toast(event.data.title);
  const [name] = location.hash.slice(1).split("/");
  if (name === "mine") openMine().catch(() => undefined);
  if (name === "pay" && event.event === "payment.succeeded") $("pay-state").textContent = "缴费成功 ✓";
}

/** Browsers cannot send Authorization on a websocket: a one-time ticket, then hello{last_id}. */
async function connectEvents() {
  if (app.socket && app.socket.readyState <= WebSocket.OPEN) return;
  const placeholder = /** @type {any} */ ({ readyState: WebSocket.CONNECTING, close() {} });
  app.socket = placeholder;
  /** @type {S["WsTicketOutput"]} */
  let ticket;
  try {
    ticket = await call("POST", "/api/v1/ws-ticket");
  } catch (error) {
    app.socket = null;
    return;
  }
  const socket = new WebSocket(`${app.api.replace(/^http/, "ws")}${ticket.url}`);
  app.socket = socket;
  socket.onopen = () => {
    socket.send(JSON.stringify({ type: "hello", last_id: app.lastEventId }));
  };
  socket.onmessage = (message) => {
    /** @type {ServerFrame} */
    const frame = JSON.parse(message.data);
    if (frame.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    else if (frame.type === "ready") $("live").classList.remove("off");
    else if (frame.type === "event" && frame.id > app.lastEventId) {
      app.lastEventId = frame.id;
      sessionStorage.setItem("zb:last_id", String(frame.id));
      onEvent(frame);
    }
  };
  socket.onclose = (close) => {
    $("live").classList.add("off");
    app.socket = null;
    // 4001: the ticket or account is no good; 4400: our bug. Otherwise reconnect and resume.
    if (app.access && close.code !== 4001 && close.code !== 4400) setTimeout(connectEvents, 2000);
  };
}

// --- paying -----------------------------------------------------------------------------------------

/** @param {string} billId */
async function openPay(billId) {
  show("pay");
  /** @type {S["BillOutput"]} */
  const bill = await call("GET", `/api/v1/bills/${billId}`);
  $("pay-bill").textContent = `${bill.description} · ${(bill.total_fen / 100).toFixed(2)} 元`;
  $("pay-state").textContent = STATUS[bill.state] || bill.state;
  $("pay-qr").hidden = true;
  $("pay-scan").hidden = true;
  if (bill.state !== "unpaid") return;
  // A browser has no wx.requestPayment: WeChat Pay's QR code (Native) is the H5 channel.
  const key = sessionStorage.getItem(`zb:pay:${billId}`) || `h5-${billId}-${Date.now()}`;
  sessionStorage.setItem(`zb:pay:${billId}`, key);
  /** @type {S["BillPayInputRequest"]} */
  const input = { channel: "wechat_native" };
  /** @type {S["BillPayOutput"]} */
  const order = await call("POST", `/api/v1/bills/${billId}/pay`, { json: input, headers: { "Idempotency-Key": key } });
  if (order.qr_image) {
    $("pay-qr").src = order.qr_image;
    $("pay-qr").hidden = false;
  }
  $("pay-hint").textContent = `订单 ${order.out_trade_no} · 请用微信扫码支付`;
  $("pay-scan").hidden = false;
  $("pay-scan").onclick = async () => {
    // The sandbox's resident scans the code and pays; WeChat Pay then calls the backend back.
    const answer = await fetch("/console/api/actions/wechatpay/pay", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ out_trade_no: order.out_trade_no, mode: "normal" }),
    });
    if (!answer.ok) return toast((await answer.json()).error);
    $("pay-scan").hidden = true;
    $("pay-qr").hidden = true;
    $("pay-state").textContent = "支付中…";
    for (let i = 0; i < 20 && $("pay-state").textContent !== "缴费成功 ✓"; i++) {
      /** @type {S["BillOutput"]} */
      const now = await call("GET", `/api/v1/bills/${billId}`);
      if (now.state === "paid") $("pay-state").textContent = "缴费成功 ✓";
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
}

async function start() {
  const config = await (await fetch("config.json", { cache: "no-store" })).json();
  app.api = config.api;
  window.addEventListener("hashchange", route);
  if (app.access) {
    try {
      /** @type {S["MeOutput"]} */
      const me = await call("GET", "/api/v1/me");
      $("who").textContent = me.phone || "微信用户";
    } catch {
      logout();
    }
  }
  await route();
}

start();

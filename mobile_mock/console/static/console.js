// Sandbox console: polls /console/api/state and renders it; buttons POST /console/api/actions/….
"use strict";

const PAY_MODES = ["normal", "duplicate", "delayed", "hold", "never", "tampered"];

// Per list: the columns shown, and the buttons of a row (action, label, body from the row).
const ROW_ACTIONS = {
  "wechatpay.orders": (row) =>
    row.trade_state === "NOTPAY"
      ? [
          ...PAY_MODES.map((mode) => ["wechatpay/pay", mode === "normal" ? "Pay" : mode, { out_trade_no: row.out_trade_no, mode }]),
          ["wechatpay/fail", "Fail", { out_trade_no: row.out_trade_no }],
        ]
      : row.trade_state === "SUCCESS"
        ? [["wechatpay/pay", "Resend callback", { out_trade_no: row.out_trade_no, mode: "normal" }],
           ["wechatpay/pay", "Tampered callback", { out_trade_no: row.out_trade_no, mode: "tampered" }]]
        : [],
  "wechatpay.refunds": (row) =>
    row.status === "PROCESSING"
      ? ["SUCCESS", "ABNORMAL", "CLOSED"].map((status) => ["wechatpay/refund_complete", status, { out_refund_no: row.out_refund_no, status }])
      : [],
  "alipay.trades": (row) =>
    row.trade_status === "WAIT_BUYER_PAY"
      ? [
          ...PAY_MODES.map((mode) => ["alipay/pay", mode === "normal" ? "Pay" : mode, { out_trade_no: row.out_trade_no, mode }]),
          ["alipay/fail", "Close (fail)", { out_trade_no: row.out_trade_no }],
        ]
      : row.trade_status === "TRADE_SUCCESS"
        ? [["alipay/pay", "Resend callback", { out_trade_no: row.out_trade_no, mode: "normal" }],
           ["alipay/pay", "Tampered callback", { out_trade_no: row.out_trade_no, mode: "tampered" }]]
        : [],
};

function pick(state, path) {
  return path.split(".").reduce((value, key) => (value == null ? value : value[key]), state);
}

function text(value) {
  if (value == null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function cell(tag, content) {
  const el = document.createElement(tag);
  el.textContent = content;
  return el;
}

function renderTable(table, rows, actionsFor) {
  table.replaceChildren();
  if (!rows || rows.length === 0) {
    table.append(cell("caption", "— none yet —"));
    return;
  }
  const columns = Object.keys(rows[0]);
  const head = document.createElement("tr");
  columns.forEach((c) => head.append(cell("th", c)));
  if (actionsFor) head.append(cell("th", "do"));
  table.append(head);
  for (const row of rows) {
    const tr = document.createElement("tr");
    columns.forEach((c) => {
      const td = cell("td", text(row[c]));
      if (c === "status" && typeof row[c] === "number") td.className = row[c] >= 200 && row[c] < 300 ? "ok" : "bad";
      tr.append(td);
    });
    if (actionsFor) {
      const td = document.createElement("td");
      for (const [action, label, body] of actionsFor(row)) {
        const button = cell("button", label);
        button.addEventListener("click", () => act(action, body));
        td.append(button);
      }
      tr.append(td);
    }
    table.append(tr);
  }
}

function notice(message, bad) {
  const el = document.getElementById("notice");
  el.textContent = message;
  el.className = bad ? "bad" : "ok";
}

async function act(action, body) {
  const response = await fetch(`api/actions/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const answer = await response.json();
  if (!response.ok) {
    notice(`${action}: ${answer.error}`, true);
  } else {
    const callbacks = (answer.callbacks || []).map((c) => `${c.status} ${c.answer}`).join(" | ");
    notice(`${action} ${text(body)} → ok${callbacks ? `; backend answered: ${callbacks}` : ""}`, false);
  }
  await refresh();
}

async function refresh() {
  let state;
  try {
    state = await (await fetch("api/state", { cache: "no-store" })).json();
  } catch (error) {
    notice(`cannot read the sandbox state: ${error}`, true);
    return;
  }
  document.querySelectorAll("table[data-list]").forEach((table) => {
    const list = table.dataset.list;
    renderTable(table, pick(state, list), ROW_ACTIONS[list]);
  });
  document.querySelectorAll("[data-field]").forEach((el) => {
    const value = text(pick(state, el.dataset.field));
    if (el.tagName === "SELECT") {
      if (document.activeElement !== el) el.value = value;
    } else {
      el.textContent = value;
    }
  });
}

document.querySelectorAll("button[data-action]").forEach((button) =>
  button.addEventListener("click", () => act(button.dataset.action, JSON.parse(button.dataset.body || "{}"))),
);
document.querySelectorAll("select[data-switch]").forEach((select) =>
  select.addEventListener("change", () => {
    const body = { mode: select.value };
    if (select.dataset.provider) body.provider = select.dataset.provider;
    act(select.dataset.switch, body);
  }),
);

refresh();
setInterval(refresh, 2000);

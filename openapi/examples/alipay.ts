// Alipay mini-program: login, pay and the event stream, typed by the generated API types and
// Alipay's own typings (@mini-types/alipay).
import {
  billState,
  EventStream,
  loginWithAlipayAuthCode,
  newIdempotencyKey,
  payBill,
  type EventFrame,
  type Send,
  type TokenPair,
} from "./api";

// The runtime has timers; Alipay's typings do not declare them.
declare function setTimeout(handler: () => void, milliseconds: number): number;

const API = "https://zhangban.example.gov.cn"; // a server domain whitelisted for the mini-program
const WS = "wss://zhangban.example.gov.cn";

const send: Send = (method, path, body, headers = {}) =>
  new Promise((resolve, reject) => {
    my.request({
      url: API + path,
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: "json",
      headers: { "Content-Type": "application/json", "Accept-Language": "zh-Hans", ...headers },
      success: (res) => resolve({ status: res.status, body: res.data }),
      // Alipay reports 4xx/5xx as a failure (error 19); the problem+json body is still in err.
      fail: reject,
    });
  });

/** my.getAuthCode({scopes: 'auth_base'}) → POST /api/v1/auth/alipay {auth_code}. */
export function login(): Promise<TokenPair> {
  return new Promise((resolve, reject) => {
    my.getAuthCode({
      scopes: "auth_base",
      success: ({ authCode }) => loginWithAlipayAuthCode(send, authCode).then(resolve, reject),
      fail: reject,
    });
  });
}

/** POST /api/v1/bills/{id}/pay {channel: alipay_mini} → my.tradePay({tradeNO}). */
export async function pay(access: string, billId: string): Promise<string> {
  const order = await payBill(send, access, billId, "alipay_mini", newIdempotencyKey());
  if (order.trade_no === null) throw new Error("not an Alipay order");
  const { resultCode } = await my.tradePay({ tradeNO: order.trade_no });
  // 9000 paid, 8000 processing, 6001 cancelled by the resident, 6002 network error, 4000 failed.
  if (resultCode === "6001") return "unpaid";
  // The bill is paid when Alipay's signed notification reached the backend: follow the bill.
  return billState(send, access, billId);
}

/** The event stream with the access token in the upgrade request's header. */
export function connect(access: string, lastId: number, onEvent: (event: EventFrame) => void): my.SocketTask {
  const stream = new EventStream(lastId, (event) => {
    my.setStorageSync({ key: "zb:last_event_id", data: stream.lastId });
    onEvent(event);
  });
  const task = my.connectSocket({
    url: `${WS}/ws/v1/events`,
    header: { Authorization: `Bearer ${access}` },
    multiple: true,
  });
  task.onOpen(() => task.send({ data: JSON.stringify(stream.hello()) }));
  task.onMessage(({ data }) => {
    const reply = stream.receive(typeof data === "string" ? data : "");
    if (reply) task.send({ data: JSON.stringify(reply) });
  });
  // Alipay's close event carries no close code: reconnect with the last id; when the access token
  // has expired (4002) the next upgrade is refused, so refresh it first (POST /api/v1/auth/token/refresh).
  task.onClose(() => setTimeout(() => connect(access, stream.lastId, onEvent), 3000));
  return task;
}

// WeChat mini-program: login, pay and the event stream, typed by the generated API types and
// the official wx typings (miniprogram-api-typings).
import {
  afterClose,
  billState,
  EventStream,
  loginWithWechatCode,
  newIdempotencyKey,
  payBill,
  type EventFrame,
  type Send,
  type TokenPair,
} from "./api";

const API = "https://zhangban.example.gov.cn"; // must be a "request legal domain" of the mini-program
const WS = "wss://zhangban.example.gov.cn"; // and a "socket legal domain"

const send: Send = (method, path, body, headers = {}) =>
  new Promise((resolve, reject) => {
    wx.request({
      url: API + path,
      method,
      data: body as WechatMiniprogram.IAnyObject | undefined,
      header: { "Content-Type": "application/json", "Accept-Language": "zh-Hans", ...headers },
      success: (res) => resolve({ status: res.statusCode, body: res.data }),
      fail: reject,
    });
  });

/** wx.login → POST /api/v1/auth/wechat {code} → {access, refresh}. */
export function login(): Promise<TokenPair> {
  return new Promise((resolve, reject) => {
    wx.login({
      success: ({ code }) => loginWithWechatCode(send, code).then(resolve, reject),
      fail: reject,
    });
  });
}

/** POST /api/v1/bills/{id}/pay {channel: wechat_jsapi} → wx.requestPayment(request_payment). */
export async function pay(access: string, billId: string): Promise<string> {
  const order = await payBill(send, access, billId, "wechat_jsapi", newIdempotencyKey());
  const params = order.request_payment;
  if (params === null) throw new Error("not a WeChat Pay order");
  const signType = params.signType;
  if (signType !== "RSA") throw new Error("not a WeChat Pay v3 order"); // v3 signs with RSA
  await new Promise<void>((resolve, reject) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType,
      paySign: params.paySign,
      success: () => resolve(),
      fail: reject, // errMsg "requestPayment:fail cancel" when the resident backs out
    });
  });
  // Paid means: WeChat Pay's signed callback reached the backend. Follow the bill (or wait for
  // the `payment.succeeded` event on the socket).
  return billState(send, access, billId);
}

/** The event stream with the access token in the upgrade request's header. */
export function connect(access: string, lastId: number, onEvent: (event: EventFrame) => void): WechatMiniprogram.SocketTask {
  const stream = new EventStream(lastId, (event) => {
    wx.setStorageSync("zb:last_event_id", stream.lastId);
    onEvent(event);
  });
  const task = wx.connectSocket({ url: `${WS}/ws/v1/events`, header: { Authorization: `Bearer ${access}` } });
  task.onOpen(() => task.send({ data: JSON.stringify(stream.hello()) }));
  task.onMessage(({ data }) => {
    const reply = stream.receive(typeof data === "string" ? data : "");
    if (reply) task.send({ data: JSON.stringify(reply) });
  });
  task.onClose(({ code }) => {
    const next = afterClose(code);
    if (next === "reconnect") setTimeout(() => connect(access, stream.lastId, onEvent), 3000);
    // "refresh-then-reconnect": POST /api/v1/auth/token/refresh, then connect() with the new access.
  });
  return task;
}

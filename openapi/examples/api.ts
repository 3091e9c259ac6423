// Platform-neutral, typed calls of the Zhangban API, shared by the WeChat and Alipay examples.
// Everything here is checked against the generated types: a path, field or frame that leaves the
// spec breaks `make types-check` (tsc --noEmit).
import type { components, operations, paths } from "../types/api";
import type { components as stream } from "../types/events";

export type Schemas = components["schemas"];
export type TokenPair = Schemas["TokenPair"];
export type BillPayOutput = Schemas["BillPayOutput"];
export type PaymentChannel = Schemas["PaymentChannelEnum"];
export type Problem = Schemas["Problem"];
export type ServerFrame = stream["schemas"]["ServerFrame"];
export type ClientFrame = stream["schemas"]["ClientFrame"];
export type EventFrame = stream["schemas"]["Event"];

/** The JSON request body of an operation. */
export type RequestBody<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { "application/json": infer T } };
}
  ? T
  : operations[Op] extends { requestBody?: { content: { "application/json": infer T } } }
    ? T
    : never;

/** The JSON answer of an operation for one status code. */
export type Answer<Op extends keyof operations, Status extends number> = operations[Op]["responses"] extends {
  [S in Status]: { content: { "application/json": infer T } };
}
  ? T
  : never;

export interface HttpResponse {
  status: number;
  body: unknown;
}

/** One HTTP round trip on the platform (wx.request, my.request, fetch). */
export type Send = (
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<HttpResponse>;

/** A path of the spec with its `{parameters}` filled in; an unknown path does not compile. */
export function pathOf<P extends keyof paths>(template: P, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}

/** Every error is application/problem+json with a stable `code`: branch on the code, show the title. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${problem.code}: ${problem.detail ?? problem.title}`);
  }
}

function expect<T>(response: HttpResponse, status: number): T {
  if (response.status !== status) throw new ApiError(response.status, response.body as Problem);
  return response.body as T;
}

const bearer = (access: string): Record<string, string> => ({ Authorization: `Bearer ${access}` });

/** `wx.login()`'s code → our token pair (the code works once, for 5 minutes). */
export async function loginWithWechatCode(send: Send, code: string): Promise<TokenPair> {
  const body: RequestBody<"auth_wechat_login"> = { code };
  const response = await send("POST", pathOf("/api/v1/auth/wechat"), body);
  return expect<Answer<"auth_wechat_login", 200>>(response, 200);
}

/** `my.getAuthCode({scopes: 'auth_base'})`'s authCode → our token pair. */
export async function loginWithAlipayAuthCode(send: Send, authCode: string): Promise<TokenPair> {
  const body: RequestBody<"auth_alipay_login"> = { auth_code: authCode };
  const response = await send("POST", pathOf("/api/v1/auth/alipay"), body);
  return expect<Answer<"auth_alipay_login", 200>>(response, 200);
}

/** A fresh key per payment attempt; retry a failed request with the same key, never a new one. */
export function newIdempotencyKey(): string {
  return `pay-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Open (or resume) the payment order of a bill in a channel. */
export async function payBill(
  send: Send,
  access: string,
  billId: string,
  channel: PaymentChannel,
  idempotencyKey: string,
): Promise<BillPayOutput> {
  const body: RequestBody<"bills_pay"> = { channel };
  const response = await send("POST", pathOf("/api/v1/bills/{bill_id}/pay", { bill_id: billId }), body, {
    ...bearer(access),
    "Idempotency-Key": idempotencyKey,
  });
  return expect<Answer<"bills_pay", 201>>(response, 201);
}

/** The bill settles when the provider's callback arrives; the payment sheet's success is not proof. */
export async function billState(send: Send, access: string, billId: string): Promise<Schemas["BillStateEnum"]> {
  const response = await send("GET", pathOf("/api/v1/bills/{bill_id}", { bill_id: billId }), undefined, bearer(access));
  return expect<Answer<"bills_retrieve", 200>>(response, 200).state;
}

/** Close codes of /ws/v1/events (openapi/asyncapi.yaml). */
export const CloseCode = {
  goingAway: 1001,
  serviceRestart: 1012,
  unauthorized: 4001,
  tokenExpired: 4002,
  badFrame: 4400,
} as const;

/** What to do after the socket closed with `code`. */
export function afterClose(code: number): "reconnect" | "refresh-then-reconnect" | "login" | "stop" {
  if (code === CloseCode.tokenExpired) return "refresh-then-reconnect";
  if (code === CloseCode.unauthorized) return "login";
  if (code === CloseCode.badFrame || code === 1000) return "stop";
  return "reconnect";
}

/**
 * The client side of the event stream: say `hello` with the last id seen, answer pings, drop
 * events already seen. Keep `lastId` in storage (wx.setStorageSync / my.setStorageSync) so a
 * restarted mini-program resumes where it stopped.
 */
export class EventStream {
  lastId: number;
  private readonly onEvent: (event: EventFrame) => void;

  constructor(lastId: number, onEvent: (event: EventFrame) => void) {
    this.lastId = lastId;
    this.onEvent = onEvent;
  }

  hello(): ClientFrame {
    return { type: "hello", last_id: this.lastId };
  }

  /** Handle one text frame; returns the frame to send back, if any. */
  receive(text: string): ClientFrame | null {
    const frame = JSON.parse(text) as ServerFrame;
    switch (frame.type) {
      case "event":
        if (frame.id > this.lastId) {
          this.lastId = frame.id;
          this.onEvent(frame);
        }
        return null;
      case "ping":
        return { type: "pong" };
      case "ready":
        this.lastId = Math.max(this.lastId, frame.last_id);
        return null;
      case "unread":
      case "broadcast":
      case "pong":
        return null;
    }
  }
}

/**
 * Generated from openapi/asyncapi.yaml by openapi/types/generate.mjs (make types).
 * Do not edit: change the backend, regenerate the spec, then run make types.
 */

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description broadcast (server → client) */
        BroadcastFrame: {
            data: Record<string, unknown>;
            event: string;
            /** Format: date-time */
            occurred_at: string;
            /** @constant */
            type: "broadcast";
        };
        /** @description Any frame the client may send. */
        ClientFrame: components["schemas"]["HelloFrame"] | components["schemas"]["PingFrame"] | components["schemas"]["PongFrame"];
        Event: {
            data: {
                body: string;
                /**
                 * Format: uuid
                 * @description The inbox message (`POST /api/v1/messages/{message_id}/read`).
                 */
                message_id?: string | null;
                /** @description Event parameters (amounts in fen); no personal data beyond what the text needs. */
                params: Record<string, unknown>;
                subject_id: string;
                /** @description application, bill, certificate, appointment … */
                subject_type: string;
                /** @description In the resident's language (the inbox title). */
                title: string;
            };
            /** @enum {string} */
            event: "application.submitted" | "application.correction_required" | "application.accepted" | "application.fee_due" | "application.approved" | "application.rejected" | "application.completed" | "application.withdrawn" | "payment.succeeded" | "refund.succeeded" | "certificate.issued" | "appointment.reminder";
            /** @description Consecutive per resident, kept in the database; resend `hello` with the largest seen. */
            id: number;
            /** Format: date-time */
            occurred_at: string;
            /** @constant */
            type: "event";
        };
        /** @description event (server → client) */
        EventFrame: components["schemas"]["Event"];
        /** @description hello (client → server) */
        HelloFrame: {
            /** @description The largest event id the client has; omit to start from now. */
            last_id?: number;
            /** @constant */
            type: "hello";
        };
        /** @description ping (either direction) */
        PingFrame: {
            /** @constant */
            type: "ping";
        };
        /** @description pong (either direction) */
        PongFrame: {
            /** @constant */
            type: "pong";
        };
        /** @description ready (server → client) */
        ReadyFrame: {
            /** @description The last event id sent so far (the client's id if nothing was missed). */
            last_id: number;
            /** @constant */
            type: "ready";
        };
        /** @description Any frame the server sends (switch on `type`). */
        ServerFrame: components["schemas"]["PingFrame"] | components["schemas"]["PongFrame"] | components["schemas"]["ReadyFrame"] | components["schemas"]["EventFrame"] | components["schemas"]["UnreadFrame"] | components["schemas"]["BroadcastFrame"];
        /** @description unread (server → client) */
        UnreadFrame: {
            /** @constant */
            type: "unread";
            unread: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

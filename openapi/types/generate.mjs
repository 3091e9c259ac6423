// Generates the TypeScript types that app and mini-program developers build against.
//
//   node openapi/types/generate.mjs [outdir]      (make types; make types-check writes to a temp dir)
//
// api.ts    every REST path, operation and schema of openapi/openapi.yaml (openapi-typescript)
// events.ts every websocket frame of openapi/asyncapi.yaml: its message payloads are lifted
//             into an OpenAPI 3.1 `components.schemas` so the same generator types them.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const spec = resolve(here, "..");
const outdir = resolve(process.argv[2] ?? here);

async function generate(source) {
  return astToString(await openapiTS(source, { alphabetize: true, emptyObjectsUnknown: true, silent: true }));
}

// AsyncAPI 3 message payloads -> OpenAPI 3.1 schemas; `#/components/schemas/X` refs stay valid.
function eventsDocument(asyncapi) {
  const schemas = { ...asyncapi.components.schemas };
  const frames = [];
  for (const [key, message] of Object.entries(asyncapi.components.messages)) {
    const name = `${key[0].toUpperCase()}${key.slice(1)}Frame`;
    schemas[name] = { ...message.payload, description: message.title };
    frames.push(name);
  }
  const fromServer = new Set(["event", "ready", "ping", "pong", "unread", "broadcast"]);
  const fromClient = new Set(["hello", "ping", "pong"]);
  const ref = (key) => ({ $ref: `#/components/schemas/${key[0].toUpperCase()}${key.slice(1)}Frame` });
  const keys = Object.keys(asyncapi.components.messages);
  schemas.ServerFrame = {
    description: "Any frame the server sends (switch on `type`).",
    oneOf: keys.filter((k) => fromServer.has(k)).map(ref),
  };
  schemas.ClientFrame = {
    description: "Any frame the client may send.",
    oneOf: keys.filter((k) => fromClient.has(k)).map(ref),
  };
  return {
    openapi: "3.1.0",
    info: { title: asyncapi.info.title, version: asyncapi.info.version },
    paths: {},
    components: { schemas },
  };
}

const HEADER = (from) =>
  `/**\n * Generated from openapi/${from} by openapi/types/generate.mjs (make types).\n * Do not edit: change the backend, regenerate the spec, then run make types.\n */\n\n`;

mkdirSync(outdir, { recursive: true });
const api = await generate(readFileSync(join(spec, "openapi.yaml"), "utf8"));
writeFileSync(join(outdir, "api.ts"), HEADER("openapi.yaml") + api);
const asyncapi = parse(readFileSync(join(spec, "asyncapi.yaml"), "utf8"));
const events = await generate(eventsDocument(asyncapi));
writeFileSync(join(outdir, "events.ts"), HEADER("asyncapi.yaml") + events);

// Prisma's schema engine, run from its WebAssembly build so that migrations need no native binary and no
// download (the CLI's binary comes from a host this project cannot assume). See docs/decisions/0002.
import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlDriverAdapter, type SqlQuery, type Transaction } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { QueryResult } from "pg";

export type { SchemaEngine };

const require = createRequire(import.meta.url);

let wasmReady: Promise<void> | undefined;

// The engine races each advisory-lock wait against a 10 s timer that it never clears; a plain timer would keep
// every short command (and Jest) alive for those 10 s after its work is done. Its timers need not hold the process.
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  return Object.fromEntries(
    Object.entries(imports).map(([name, value]) =>
      name.startsWith("__wbg_setTimeout_")
        ? [name, (callback: () => void, milliseconds: number) => setTimeout(callback, milliseconds >>> 0).unref()]
        : [name, value],
    ),
  );
}

// The engine reports a Rust panic's message through this global before it traps; keep it for the error we throw.
const panicRegistry = {
  lastMessage: "",
  set_message(message: string) {
    panicRegistry.lastMessage = message;
  },
};
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

/** Runs an engine call, turning a panic trap into an error that carries the panic's message. */
export async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  panicRegistry.lastMessage = "";
  try {
    return await call();
  } catch (error) {
    if (panicRegistry.lastMessage) throw new Error(`Prisma schema engine failed: ${panicRegistry.lastMessage}`, { cause: error });
    throw error;
  }
}

function loadEngineWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package exports only its JS entries, so find the .wasm file beside them.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": withUnrefTimers(engineBindings as unknown as WebAssembly.ModuleImports),
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

// The engine's catalog queries return Postgres' internal "char" type, which adapter-pg cannot map: such columns pass
// as text and leave labelled Character, as the engine expects.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PerformIO = (query: SqlQuery) => Promise<QueryResult>;
type PgQueryable = (SqlDriverAdapter | Transaction) & { performIO: PerformIO };

function labelCharColumns<T extends SqlDriverAdapter | Transaction>(queryable: T): T {
  const target = queryable as T & PgQueryable;
  const charColumnsOf = new WeakMap<SqlQuery, number[]>();
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length) charColumnsOf.set(query, charColumns);
    return result;
  };
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOf.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  if ("startTransaction" in target) {
    const startTransaction = target.startTransaction.bind(target);
    target.startTransaction = async (...args) => labelCharColumns(await startTransaction(...args));
  }
  return target;
}

class IntrospectingPgAdapterFactory extends PrismaPg {
  readonly connections: SqlDriverAdapter[] = [];

  override async connect() {
    return this.track(await super.connect());
  }
  override async connectToShadowDb() {
    return this.track(await super.connectToShadowDb());
  }
  private track<T extends SqlDriverAdapter>(adapter: T): T {
    this.connections.push(adapter);
    return labelCharColumns(adapter);
  }
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections: they hold migrate's advisory lock until they close. */
  close(): Promise<void>;
}

/** Opens an engine on one database. */
export async function openSchemaEngine(databaseUrl: string, schema: SchemaFile): Promise<OpenSchemaEngine> {
  await loadEngineWasm();
  const factory = new IntrospectingPgAdapterFactory({ connectionString: databaseUrl });
  // The engine reports progress as JSON log lines; the migration commands print their own summaries instead.
  const ignoreEngineLog = () => {};
  const engine = await engineCall(() =>
    engineBindings.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, ignoreEngineLog, bindMigrationAwareSqlAdapterFactory(factory)),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(factory.connections.map((connection) => connection.dispose()));
    },
  };
}

/** Opens an engine, runs `work` with it, and closes it whatever happens. */
export async function withSchemaEngine<T>(databaseUrl: string, schema: SchemaFile, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { engine, close } = await openSchemaEngine(databaseUrl, schema);
  try {
    return await engineCall(() => work(engine));
  } finally {
    await close();
  }
}

export const NO_SCHEMA_FILTER = { externalTables: [], externalEnums: [] };

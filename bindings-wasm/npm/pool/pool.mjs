// ES-module entry of pbx-rules/pool: the CommonJS pool, re-exported by name.
import cjs from "./pool.js";

export const { HashPool } = cjs;

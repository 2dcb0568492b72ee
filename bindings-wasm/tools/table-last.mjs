// Moves the numbering table to the end of the numbers module's .wasm, as a data segment of
// its own after every other one, where gzip packs the module 0.7 KB smaller than with the
// table among the code's data (GNU gzip -9; zlib 0.1 KB): the code's bytes and the table's
// text then share no deflate block. Active data segments with disjoint ranges may come in
// any order, so the module is the same to the engine.
//   node tools/table-last.mjs CARGO-MESSAGES.json MODULE.wasm…
// CARGO-MESSAGES.json is what `cargo build --message-format=json-render-diagnostics`
// printed for the module; its `build-script-executed` message of pbx-rules names the
// directory that holds metadata.txt (core/build.rs), the text to move. It must lie in exactly
// one segment; segments are MVP active ones (`i32.const` offsets), as rust-lld and wasm-opt
// write them.
import { readFileSync, writeFileSync } from "node:fs";

const [messages, ...modules] = process.argv.slice(2);
if (!messages || modules.length === 0) throw new Error("usage: table-last.mjs CARGO-MESSAGES.json MODULE.wasm…");
const dirs = readFileSync(messages, "utf8")
  .split("\n")
  .filter((line) => line.startsWith("{"))
  .map((line) => JSON.parse(line))
  .filter((m) => m.reason === "build-script-executed" && m.package_id.includes("#pbx-rules@"))
  .map((m) => m.out_dir);
if (new Set(dirs).size !== 1) throw new Error(`pbx-rules build scripts in ${messages}: ${dirs}`);
const table = readFileSync(`${dirs[0]}/metadata.txt`);

/** An unsigned and a signed LEB128 number at `pos`: [value, next position]. */
const uleb = (buf, pos) => {
  let value = 0, scale = 1, byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, pos];
};
const sleb = (buf, pos) => {
  let value = 0n, shift = 0n, byte;
  do {
    byte = buf[pos++];
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  } while (byte & 0x80);
  return [byte & 0x40 ? value - (1n << shift) : value, pos];
};
const encodeU = (value) => {
  const out = [];
  do {
    const low = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? low | 0x80 : low);
  } while (value);
  return Buffer.from(out);
};
const encodeS = (value) => {
  const out = [];
  for (;;) {
    const low = Number(value & 0x7fn);
    value >>= 7n;
    const done = (value === 0n && !(low & 0x40)) || (value === -1n && low & 0x40);
    out.push(done ? low : low | 0x80);
    if (done) return Buffer.from(out);
  }
};

for (const path of modules) {
  const wasm = readFileSync(path);
  const sections = [];
  for (let pos = 8; pos < wasm.length;) {
    const [size, body] = uleb(wasm, pos + 1);
    sections.push({ id: wasm[pos], body: wasm.subarray(body, body + size) });
    pos = body + size;
  }
  const data = sections.find((s) => s.id === 11);
  if (!data) throw new Error(`${path}: no data section`);
  const [count, first] = uleb(data.body, 0);
  const segments = [];
  for (let i = 0, pos = first; i < count; i++) {
    const [flags, at] = uleb(data.body, pos);
    if (flags !== 0 || data.body[at] !== 0x41) throw new Error(`${path}: segment ${i} is not active at an i32.const`);
    const [offset, end] = sleb(data.body, at + 1);
    if (data.body[end] !== 0x0b) throw new Error(`${path}: segment ${i}: offset expression`);
    const [length, bytes] = uleb(data.body, end + 1);
    segments.push({ offset, bytes: data.body.subarray(bytes, bytes + length) });
    pos = bytes + length;
  }
  const holders = segments.filter((s) => s.bytes.includes(table));
  if (holders.length !== 1 || holders[0].bytes.indexOf(table) !== holders[0].bytes.lastIndexOf(table)) {
    throw new Error(`${path}: the table is not in exactly one place`);
  }
  const [holder] = holders;
  const at = holder.bytes.indexOf(table);
  const ordered = segments.flatMap((s) =>
    s !== holder ? [s] : [
      { offset: s.offset, bytes: s.bytes.subarray(0, at) },
      { offset: s.offset + BigInt(at + table.length), bytes: s.bytes.subarray(at + table.length) },
    ].filter((part) => part.bytes.length > 0));
  ordered.push({ offset: holder.offset + BigInt(at), bytes: table });
  data.body = Buffer.concat([
    encodeU(ordered.length),
    ...ordered.flatMap((s) => [Buffer.from([0, 0x41]), encodeS(s.offset), Buffer.from([0x0b]), encodeU(s.bytes.length), s.bytes]),
  ]);
  const dataCount = sections.find((s) => s.id === 12);
  if (dataCount) dataCount.body = encodeU(ordered.length);
  writeFileSync(path, Buffer.concat([
    wasm.subarray(0, 8),
    ...sections.flatMap((s) => [Buffer.from([s.id]), encodeU(s.body.length), s.body]),
  ]));
}

// The browser modules take two of the core's records as plain objects: `PinContext` (pins)
// and `PasswordContext` (meter). Their TypeScript declarations are the core's own (tsify,
// core feature `wasm`), which only the Node build turns on: every tsify declaration lands in
// every module that links the core with it, and a browser module does not export the
// classes they name (`Secret`, `ExtensionAccount`, …). So build.sh copies the named
// declarations, doc comments included, from the Node build's `.d.ts` into a browser
// module's: no record is declared by hand.
//
// node tools/core-records.mjs <node .d.ts> <browser .d.ts> <name>...
import { readFileSync, writeFileSync } from "node:fs";

const [source, target, ...names] = process.argv.slice(2);
const node = readFileSync(source, "utf8");
let dts = readFileSync(target, "utf8");
for (const name of names) {
  const decl = new RegExp(
    String.raw`(?:/\*\*(?:(?!\*/)[\s\S])*\*/\n)?export (?:interface ${name} \{[\s\S]*?\n\}|type ${name} = [^\n]*;)\n`,
  ).exec(node);
  if (!decl) throw new Error(`${source} declares no ${name}`);
  if (!new RegExp(String.raw`export (?:interface|type) ${name}\b`).test(dts)) dts += `\n${decl[0]}`;
}
writeFileSync(target, dts);

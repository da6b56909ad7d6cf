// node tests/js/extension_logic_test.mjs: checks maps/extensions/danger-close/logic.mjs.
// Run by tests/test_tiled_extension.py; exits non-zero on the first failed check.
import assert from "node:assert/strict";
import * as L from "../../maps/extensions/danger-close/logic.mjs";

// command lines: quotes keep spaces, nothing else is shell syntax
assert.deepEqual(L.splitCommand(' "C:/Program Files/py.exe" -m game '),
  ["C:/Program Files/py.exe", "-m", "game"]);
assert.deepEqual(L.splitCommand("a 'b c' \"\""), ["a", "b c", ""]);

// where the command comes from, in order, and a clear message when nowhere
const exists = (p) => p === "/opt/dc/bin/danger-close";
let found = L.findCommand({ projectValue: "python3 -m game", envValue: "x", pathValue: "/opt/dc/bin",
  platform: "linux", exists });
assert.deepEqual(found, { argv: ["python3", "-m", "game"], source: "the project property dangerCloseCommand" });
found = L.findCommand({ projectValue: "  ", envValue: "/e/dc", pathValue: "/opt/dc/bin", platform: "linux", exists });
assert.deepEqual(found.argv, ["/e/dc"]);
found = L.findCommand({ projectValue: null, envValue: "", pathValue: "/usr/bin:/opt/dc/bin/", platform: "linux", exists });
assert.deepEqual(found, { argv: ["/opt/dc/bin/danger-close"], source: "the PATH" });
found = L.findCommand({ projectValue: null, envValue: "", pathValue: "C:/x;C:/dc", platform: "windows",
  exists: (p) => p === "C:/dc/danger-close.exe" });
assert.deepEqual(found.argv, ["C:/dc/danger-close.exe"]);
found = L.findCommand({ projectValue: null, envValue: "", pathValue: "/usr/bin", platform: "linux", exists });
assert.ok(found.error.includes("cannot find the game's command") && found.error.includes("dangerCloseCommand"));

assert.equal(L.projectCommandFromJson('{"properties":[{"name":"dangerCloseCommand","type":"string","value":" dc "}]}'), "dc");
assert.equal(L.projectCommandFromJson('{"extensionsPath":"extensions"}'), null);
assert.equal(L.projectCommandFromJson("not json"), null);

assert.deepEqual(L.validateArgv(["dc"], "/m/a b.tmx"), ["dc", "validate", "--json", "/m/a b.tmx"]);
assert.deepEqual(L.playArgv(["py", "-m", "game"], "m.tmx"), ["py", "-m", "game", "play", "m.tmx"]);
assert.deepEqual(L.simulateArgv(["dc"], "m.tmx"), ["dc", "sim", "m.tmx", "--autopilot", "--seeds", "1..5", "--json"]);
const launch = L.detached("linux", ["dc", "play", "m.tmx"]);
assert.equal(launch.program, "/bin/sh");
assert.deepEqual(launch.args.slice(2), ["dc", "play", "m.tmx"]);  // arguments never pasted into shell text
assert.ok(launch.args[1].endsWith("&"));

// validator report -> issues: severity, text, and where to go when activated
const report = { ok: false, maps: [{ file: "/m/granary.tmx", problems: [
  { file: "/m/granary.tmx", severity: "error", message: "Civilian is inside a wall", object_id: 7,
    object_name: "Child", x: 304.0, y: 144.0, tile: [9, 4], layer: null },
  { file: "/m/granary.tmx", severity: "warning", message: "unknown tile", object_id: null,
    object_name: null, x: null, y: null, tile: [3, 2], layer: "Ground" },
  { file: "/m/granary.tmx", severity: "error", message: "no Extraction zone", object_id: null,
    object_name: null, x: null, y: null, tile: null, layer: null }] }] };
let issues = L.issuesFromOutput(JSON.stringify(report), "", 1, "/m/granary.tmx");
assert.equal(issues.length, 3);
assert.deepEqual(issues[0], { severity: "error", file: "/m/granary.tmx", objectId: 7, tile: [9, 4], x: 304, y: 144,
  text: 'Danger Close: granary.tmx: object 7 "Child": Civilian is inside a wall' });
assert.equal(issues[1].severity, "warning");
assert.equal(issues[1].text, "Danger Close: granary.tmx: tile 3,2: unknown tile");
assert.equal(issues[2].text, "Danger Close: granary.tmx: no Extraction zone");
assert.equal(L.validationLine(issues, "/m/granary.tmx"),
  "Danger Close: granary.tmx: 2 errors, 1 warning (see the Issues view).");
assert.deepEqual(L.issuesFromOutput('{"ok": true, "maps": [{"file": "a.tmx", "problems": []}]}', "", 0, "a.tmx"), []);
assert.ok(L.validationLine([], "/m/a.tmx").includes("ready to play"));
// a command that is not the game, or crashed: one error that says what came back
issues = L.issuesFromOutput("", "python: No module named game\n", 1, "/m/a.tmx");
assert.equal(issues.length, 1);
assert.equal(issues[0].severity, "error");
assert.ok(issues[0].text.includes("No module named game"));
issues = L.issuesFromOutput('{"error": {"file": "a.tmx", "message": "x", "problems": [{"severity": "error", "message": "cannot read"}]}}', "", 1, "a.tmx");
assert.equal(issues[0].text, "Danger Close: a.tmx: cannot read");

// a seeds run -> win rate, mean time, the lost missions
const sim = { map: "/m/g.tmx", difficulty: "normal", autopilot: true, runs: [
  { seed: 1, outcome: "victory", reason: "", time_s: 300, survivors_saved: 8, rescue_required: 8, squad_lost: 0 },
  { seed: 2, outcome: "defeat", reason: "squad down", time_s: 200, survivors_saved: 2, rescue_required: 8, squad_lost: 4 }],
  summary: { runs: 2, wins: 1, win_rate: 0.5, defeats: 1, undecided: 0, mean_time_s: 250,
    mean_win_time_s: 300, mean_saved: 5, mean_squad_lost: 2 } };
const summary = L.seedsSummary(JSON.stringify(sim), "", 0, "/m/g.tmx");
assert.ok(summary.ok);
assert.ok(summary.lines[1].includes("won 1/2 (50%)") && summary.lines[1].includes("mean time 250 s"));
assert.ok(summary.lines.some((l) => l.includes("seed 2: defeat (squad down)") && l.includes("squad lost 4")));
const failed = L.seedsSummary('{"error": {"message": "map has errors"}}', "", 1, "/m/g.tmx");
assert.ok(!failed.ok && failed.lines[0].includes("map has errors"));

assert.ok(L.isGameMap("a/b.TMX") && !L.isGameMap("a/b.tsx"));
console.log("extension logic: all checks passed");

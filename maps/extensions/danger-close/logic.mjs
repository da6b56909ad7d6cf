// Danger Close for Tiled: the logic, with no Tiled API in it, so `node` tests it.
//
// main.mjs (the Tiled side) calls these to find the game's command, build the
// command lines, turn `danger-close validate --json` into Issues-view entries and
// `danger-close sim --seeds --json` into a console summary.  Written for the
// JavaScript engine of Tiled 1.8 (Qt 5.15): no import.meta, no globalThis, no ?. or ??.

export const PROPERTY = "dangerCloseCommand";
export const ENV = "DANGER_CLOSE_COMMAND";
export const PROGRAM = "danger-close";
export const DEFAULT_SEEDS = "1..5";

// A command line as one string -> argv.  Double or single quotes keep spaces
// ("C:/Program Files/Python/python.exe" -m game); no other shell syntax.
export function splitCommand(text) {
  const argv = [];
  let word = null;
  let quote = null;
  for (const ch of String(text)) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word = word === null ? "" : word;
    } else if (/\s/.test(ch)) {
      if (word !== null) argv.push(word);
      word = null;
    } else {
      word = (word === null ? "" : word) + ch;
    }
  }
  if (word !== null) argv.push(word);
  return argv;
}

// The dangerCloseCommand property from a .tiled-project file's text (Tiled 1.10+
// writes project properties there; on 1.8 and 1.9 a map maker adds it by hand).
export function projectCommandFromJson(text) {
  let project;
  try {
    project = JSON.parse(text);
  } catch (e) {
    return null;
  }
  const props = project && Array.isArray(project.properties) ? project.properties : [];
  for (const p of props) {
    if (p && p.name === PROPERTY && typeof p.value === "string" && p.value.trim()) {
      return p.value.trim();
    }
  }
  return null;
}

function pathEntries(pathValue, platform) {
  const sep = platform === "windows" ? ";" : ":";
  return String(pathValue || "").split(sep).filter((d) => d.length > 0);
}

// Where the game's command comes from, first found wins: the project property, the
// DANGER_CLOSE_COMMAND environment variable, `danger-close` on the PATH.
// `exists(path)` says whether an executable file is there.  Returns
// {argv, source} or {error} with a message that tells the map maker what to do.
export function findCommand(opts) {
  const sources = [[opts.projectValue, `the project property ${PROPERTY}`],
    [opts.envValue, `the environment variable ${ENV}`]];
  for (const [value, source] of sources) {
    if (value && String(value).trim()) {
      const argv = splitCommand(value);
      if (argv.length) return { argv, source };
    }
  }
  const names = opts.platform === "windows"
    ? [`${PROGRAM}.exe`, `${PROGRAM}.cmd`, `${PROGRAM}.bat`] : [PROGRAM];
  for (const dir of pathEntries(opts.pathValue, opts.platform)) {
    for (const name of names) {
      const candidate = dir.replace(/[\\/]+$/, "") + "/" + name;
      if (opts.exists(candidate)) return { argv: [candidate], source: "the PATH" };
    }
  }
  return {
    error: `Danger Close: cannot find the game's command. Set the project property ` +
      `${PROPERTY} (a string, e.g. "/path/to/venv/bin/danger-close" or ` +
      `"python -m game"), or the environment variable ${ENV}, or put ${PROGRAM} on ` +
      `the PATH Tiled was started with.`,
  };
}

export function validateArgv(cmd, file) {
  return cmd.concat(["validate", "--json", file]);
}

export function playArgv(cmd, file) {
  return cmd.concat(["play", file]);
}

export function simulateArgv(cmd, file, seeds) {
  return cmd.concat(["sim", file, "--autopilot", "--seeds", seeds || DEFAULT_SEEDS, "--json"]);
}

// Run argv without waiting and without tying the game to Tiled's process object
// (Tiled 1.8 has no startDetached): a shell that backgrounds it and exits at once.
export function detached(platform, argv) {
  if (platform === "windows") {
    return { program: "cmd.exe", args: ["/c", "start", "\"Danger Close\"", "/b"].concat(argv) };
  }
  return {
    program: "/bin/sh",
    args: ["-c", '"$0" "$@" </dev/null >/dev/null 2>&1 &'].concat(argv),
  };
}

function where(p) {
  if (p.object_id !== null && p.object_id !== undefined) {
    const name = p.object_name ? ` "${p.object_name}"` : "";
    return `object ${p.object_id}${name}`;
  }
  if (Array.isArray(p.tile)) return `tile ${p.tile[0]},${p.tile[1]}`;
  if (p.layer !== null && p.layer !== undefined) return `layer "${p.layer}"`;
  return "";
}

function baseName(file) {
  return String(file || "").split(/[\\/]/).pop();
}

// One validator problem as an Issues-view entry.
export function issueFromProblem(p, fallbackFile) {
  const file = p.file || fallbackFile;
  const place = where(p);
  const text = `${baseName(file)}: ${place ? place + ": " : ""}${p.message}`;
  return {
    severity: p.severity === "warning" ? "warning" : "error",
    text: `Danger Close: ${text}`,
    file,
    objectId: p.object_id === undefined ? null : p.object_id,
    tile: Array.isArray(p.tile) ? [p.tile[0], p.tile[1]] : null,
    x: typeof p.x === "number" ? p.x : null,
    y: typeof p.y === "number" ? p.y : null,
  };
}

function firstLine(text) {
  const line = String(text || "").split(/\r?\n/).filter((l) => l.trim())[0];
  return line ? line.trim() : "";
}

// The validator's stdout (its --json report), stderr and exit code -> issues.
// Anything that is not the expected report is one error saying what came back.
export function issuesFromOutput(stdout, stderr, exitCode, file) {
  let report = null;
  try {
    report = JSON.parse(String(stdout || "").trim());
  } catch (e) {
    report = null;
  }
  if (report && Array.isArray(report.maps)) {
    const issues = [];
    for (const m of report.maps) {
      for (const p of (m && Array.isArray(m.problems) ? m.problems : [])) {
        issues.push(issueFromProblem(p, (m && m.file) || file));
      }
    }
    if (!issues.length && exitCode !== 0) {
      issues.push(issueFromProblem({ severity: "error",
        message: `the validator failed (exit ${exitCode}) without naming a problem` }, file));
    }
    return issues;
  }
  if (report && report.error && Array.isArray(report.error.problems)) {
    return report.error.problems.map((p) => issueFromProblem(p, file));
  }
  const why = firstLine(stderr) || firstLine(stdout) || `exit status ${exitCode}`;
  return [issueFromProblem({ severity: "error",
    message: `the validator did not give its report: ${why}` }, file)];
}

// One line for Tiled's console after a validation.
export function validationLine(issues, file) {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  if (!issues.length) return `Danger Close: ${baseName(file)} is ready to play (no problems).`;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `Danger Close: ${baseName(file)}: ${plural(errors, "error")}, ` +
    `${plural(warnings, "warning")} (see the Issues view).`;
}

function pct(rate) {
  return `${Math.round(rate * 1000) / 10}%`;
}

// `sim --autopilot --seeds A..B --json` output -> console lines: win rate, mean
// time, the missions lost (seed and why) and the squad's losses.
export function seedsSummary(stdout, stderr, exitCode, file) {
  let report = null;
  try {
    report = JSON.parse(String(stdout || "").trim());
  } catch (e) {
    report = null;
  }
  if (!report || !report.summary || !Array.isArray(report.runs)) {
    const why = (report && report.error && report.error.message) || firstLine(stderr) ||
      firstLine(stdout) || `exit status ${exitCode}`;
    return { ok: false, lines: [`Danger Close: the autopilot run on ${baseName(file)} failed: ${why}`] };
  }
  const s = report.summary;
  const lines = [`Danger Close: autopilot on ${baseName(file)}, ${s.runs} seeds ` +
    `(${report.difficulty || "normal"}):`];
  lines.push(`  won ${s.wins}/${s.runs} (${pct(s.win_rate)}), mean time ${s.mean_time_s} s` +
    (s.mean_win_time_s !== null && s.mean_win_time_s !== undefined
      ? `, mean time of a win ${s.mean_win_time_s} s` : ""));
  lines.push(`  squad lost per run ${s.mean_squad_lost}, survivors saved per run ${s.mean_saved}`);
  const lost = report.runs.filter((r) => r.outcome !== "victory");
  if (!lost.length) lines.push("  no mission lost");
  for (const r of lost) {
    lines.push(`  seed ${r.seed}: ${r.outcome}${r.reason ? " (" + r.reason + ")" : ""}, ` +
      `saved ${r.survivors_saved}/${r.rescue_required}, squad lost ${r.squad_lost}`);
  }
  return { ok: true, lines };
}

// Tiled map file kinds the game reads (and so the extension validates on save).
export function isGameMap(fileName) {
  return /\.(tmx|tmj|json)$/i.test(String(fileName || ""));
}

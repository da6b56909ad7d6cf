// Danger Close for Tiled (1.8 and later): validates a map on every save and lists its
// problems in the Issues view (activate one to select the object or tile and centre
// the view on it); Map menu: Play in Danger Close, Simulate with the autopilot,
// Validate now.  The decisions live in logic.mjs (tested under node); this file only
// talks to Tiled.

import * as L from "./logic.mjs";

// __filename is this file (Tiled sets it for modules too): the project file is in
// the folder that holds the extensions folder.
const EXTENSION_DIR = FileInfo.path(__filename);

function log(line) {
  tiled.log(line);
}

function readProjectCommand() {
  try {  // Tiled 1.10.1+: the project's own properties
    if (tiled.project && typeof tiled.project.property === "function") {
      const value = tiled.project.property(L.PROPERTY);
      if (value) return String(value);
    }
  } catch (e) { /* older Tiled: read the file below */ }
  const folders = [FileInfo.path(EXTENSION_DIR), FileInfo.path(FileInfo.path(EXTENSION_DIR))];
  for (const dir of folders) {
    for (const name of File.directoryEntries(dir, File.Files)) {
      if (!/\.tiled-project$/.test(name)) continue;
      try {
        const file = new TextFile(FileInfo.joinPaths(dir, name), TextFile.ReadOnly);
        const value = L.projectCommandFromJson(file.readAll());
        file.close();
        if (value) return value;
      } catch (e) { /* unreadable: try the next */ }
    }
  }
  return null;
}

function gameCommand() {
  const env = new Process();
  const found = L.findCommand({
    projectValue: readProjectCommand(),
    envValue: env.getEnv(L.ENV),
    pathValue: env.getEnv("PATH"),
    platform: tiled.platform,
    exists: (path) => File.exists(path),
  });
  env.close();
  return found;
}

function cannot(message, loud) {
  tiled.error(message, () => {});
  if (loud) tiled.alert(message, "Danger Close");
}

function run(argv) {
  const proc = new Process();
  proc.codec = "UTF-8";
  const code = proc.exec(argv[0], argv.slice(1), false);
  const result = { code, stdout: proc.readStdOut(), stderr: proc.readStdErr() };
  proc.close();
  return result;
}

function objectById(layerHolder, id) {
  for (let i = 0; i < layerHolder.layerCount; ++i) {
    const layer = layerHolder.layerAt(i);
    if (layer.isObjectLayer) {
      for (const o of layer.objects) if (o.id === id) return o;
    } else if (layer.isGroupLayer) {
      const found = objectById(layer, id);
      if (found) return found;
    }
  }
  return null;
}

function mapAsset(file) {
  const open = tiled.openAssets.filter((a) => a.isTileMap && a.fileName === file)[0];
  const asset = open || tiled.open(file);
  if (asset) tiled.activeAsset = asset;
  return asset;
}

let lastIssues = null;  // the latest validation's issues, for a script to look at

export function lastValidation() {
  return lastIssues;
}

// What activating an issue does: bring the map forward, select what it names, centre.
export function show(issue) {
  const map = mapAsset(issue.file);
  if (!map) return;
  const view = tiled.mapEditor.currentMapView;
  if (issue.objectId !== null) {
    const obj = objectById(map, issue.objectId);
    if (obj) {
      map.selectedObjects = [obj];
      view.centerOn(obj.x + obj.width / 2, obj.y + obj.height / 2);
      return;
    }
  }
  if (issue.tile) {
    const [tx, ty] = issue.tile;
    map.selectedArea.set(Qt.rect(tx, ty, 1, 1));
    view.centerOn((tx + 0.5) * map.tileWidth, (ty + 0.5) * map.tileHeight);
  } else if (issue.x !== null && issue.y !== null) {
    view.centerOn(issue.x, issue.y);
  }
}

export function validate(file, loud) {
  const cmd = gameCommand();
  if (cmd.error) {
    cannot(cmd.error, loud);
    return null;
  }
  const out = run(L.validateArgv(cmd.argv, file));
  if (out.code === -1) {
    cannot(`Danger Close: could not run ${cmd.argv.join(" ")} (from ${cmd.source}).`, loud);
    return null;
  }
  const issues = L.issuesFromOutput(out.stdout, out.stderr, out.code, file);
  for (const issue of issues) {
    const report = issue.severity === "warning" ? tiled.warn : tiled.error;
    report(issue.text, () => show(issue));
  }
  log(L.validationLine(issues, file));
  lastIssues = issues;
  return issues;
}

function currentMapFile(action) {
  const asset = tiled.activeAsset;
  if (!asset || !asset.isTileMap) {
    tiled.alert(`${action}: open a Danger Close map first.`, "Danger Close");
    return null;
  }
  if (!asset.fileName) {
    tiled.alert(`${action}: save the map first.`, "Danger Close");
    return null;
  }
  if (asset.modified) tiled.trigger("Save");  // asset.save() is Tiled 1.11+
  return asset.fileName;
}

// Start the game on a saved map, detached; true if it started.
export function launchGame(file) {
  const cmd = gameCommand();
  if (cmd.error) {
    cannot(cmd.error, true);
    return false;
  }
  const launch = L.detached(tiled.platform, L.playArgv(cmd.argv, file));
  if (run([launch.program].concat(launch.args)).code !== 0) {
    cannot(`Danger Close: could not start ${cmd.argv.join(" ")}.`, true);
    return false;
  }
  log(`Danger Close: started ${FileInfo.fileName(file)} in a game window.`);
  return true;
}

// Run the autopilot over the default seeds; the summary's lines (also in the console).
export function simulateMap(file) {
  const cmd = gameCommand();
  if (cmd.error) {
    cannot(cmd.error, true);
    return null;
  }
  log(`Danger Close: running the autopilot on seeds ${L.DEFAULT_SEEDS} (Tiled waits)...`);
  const out = run(L.simulateArgv(cmd.argv, file, L.DEFAULT_SEEDS));
  const summary = L.seedsSummary(out.stdout, out.stderr, out.code, file);
  for (const line of summary.lines) log(line);
  if (!summary.ok) tiled.error(summary.lines[0], () => {});
  return summary;
}

function play() {
  const file = currentMapFile("Play in Danger Close");
  if (file) launchGame(file);
}

function simulate() {
  const file = currentMapFile("Simulate with the autopilot");
  if (file) simulateMap(file);
}

function validateNow() {
  const file = currentMapFile("Validate now");
  if (file) validate(file, true);
}

const actions = [
  ["DangerClosePlay", "Play in Danger Close", play],
  ["DangerCloseSimulate", "Simulate with the autopilot", simulate],
  ["DangerCloseValidate", "Validate now", validateNow],
];
for (const [id, text, fn] of actions) {
  const action = tiled.registerAction(id, () => fn());
  action.text = text;
}
tiled.extendMenu("Map", [{ separator: true }].concat(actions.map((a) => ({ action: a[0] }))));

tiled.assetSaved.connect((asset) => {
  if (asset && asset.isTileMap && L.isGameMap(asset.fileName)) validate(asset.fileName, false);
});

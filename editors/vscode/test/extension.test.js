// Tests of extension.js without VS Code: `node --test editors/vscode/test/extension.test.js` (run by EditorSupportTest).
// The modules 'vscode' and 'vscode-languageclient/node' are replaced by small fakes that record calls.
const { test, beforeEach } = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');
const { execFileSync } = require('child_process');

const calls = { terminals: [], errors: [], saved: 0, started: 0 };
let settings = {};
let activeDocument;
let workspaceFolder;

class Uri {
  constructor(fsPath) { this.fsPath = fsPath; this.scheme = 'file'; }
}
const commands = {};
const vscode = {
  Uri,
  commands: { registerCommand: (name, fn) => { commands[name] = fn; return { dispose() {} }; } },
  workspace: {
    getConfiguration: () => ({ get: (key) => settings[key] }),
    getWorkspaceFolder: () => workspaceFolder,
    openTextDocument: async (uri) => document(uri.fsPath),
  },
  window: {
    get activeTextEditor() { return activeDocument && { document: activeDocument }; },
    get terminals() { return calls.terminals; },
    createTerminal: (options) => {
      const terminal = { name: options.name, cwd: options.cwd, sent: [], shown: false,
        show() { this.shown = true; }, sendText(text) { this.sent.push(text); } };
      calls.terminals.push(terminal);
      return terminal;
    },
    showErrorMessage: (message) => calls.errors.push(message),
  },
};
class LanguageClient {
  start() { calls.started++; return Promise.resolve(); }
  stop() { return Promise.resolve(); }
}
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient };
  return originalLoad.call(this, request, parent, isMain);
};
const extension = require('../extension.js');

function document(fsPath, languageId = 'motorlearn', dirty = false) {
  return { uri: new Uri(fsPath), languageId, isDirty: dirty, save: async () => { calls.saved++; return true; } };
}

beforeEach(() => {
  calls.terminals.length = 0;
  calls.errors.length = 0;
  calls.saved = 0;
  settings = { server: 'motorlearn', serverArguments: ['lsp'], launcher: '' };
  workspaceFolder = { uri: new Uri('/work/specs') };
});

test('activation starts the server and registers the run command', async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(calls.started, 1);
  assert.strictEqual(typeof commands['motorlearn.run'], 'function');
  assert.strictEqual(context.subscriptions.length, 1);
});

test('the command declared in package.json is the one registered', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  assert.deepStrictEqual(manifest.contributes.commands.map((c) => c.command), ['motorlearn.run']);
  assert.ok('motorlearn.launcher' in manifest.contributes.configuration.properties);
});

test('run saves the spec and runs it in the MotorLearn terminal from the workspace folder', async () => {
  activeDocument = document('/work/specs/exp one.motor', 'motorlearn', true);
  await commands['motorlearn.run']();
  assert.strictEqual(calls.saved, 1);
  assert.strictEqual(calls.terminals.length, 1);
  const terminal = calls.terminals[0];
  assert.strictEqual(terminal.name, 'MotorLearn');
  assert.strictEqual(terminal.cwd, '/work/specs');
  assert.ok(terminal.shown);
  assert.deepStrictEqual(terminal.sent, ["cd '/work/specs' && 'motorlearn' run '/work/specs/exp one.motor'"]);
  // a second run reuses the terminal
  await commands['motorlearn.run']();
  assert.strictEqual(calls.terminals.length, 1);
  assert.strictEqual(terminal.sent.length, 2);
});

test('run from the explorer takes the file it was given, outside a workspace its folder', async () => {
  activeDocument = undefined;
  workspaceFolder = undefined;
  await commands['motorlearn.run'](new Uri('/tmp/a/b.motor'));
  assert.deepStrictEqual(calls.terminals[0].sent, ["cd '/tmp/a' && 'motorlearn' run '/tmp/a/b.motor'"]);
  assert.strictEqual(calls.saved, 0);
});

test('run on another language or without a launcher says why and runs nothing', async () => {
  activeDocument = document('/work/specs/notes.md', 'markdown');
  await commands['motorlearn.run']();
  settings.server = '/usr/lib/jvm/bin/java';
  activeDocument = document('/work/specs/a.motor');
  await commands['motorlearn.run']();
  assert.strictEqual(calls.terminals.length, 0);
  assert.strictEqual(calls.errors.length, 2);
  assert.match(calls.errors[0], /open a \.motor file/);
  assert.match(calls.errors[1], /motorlearn\.launcher/);
});

test('the launcher is the setting, else the server unless that is java', () => {
  const get = (values) => ({ get: (key) => values[key] });
  assert.strictEqual(extension.launcher(get({ launcher: '/x/motorlearn', server: 'java' })), '/x/motorlearn');
  assert.strictEqual(extension.launcher(get({ launcher: '', server: '/repo/motorlearn' })), '/repo/motorlearn');
  assert.strictEqual(extension.launcher(get({ launcher: '', server: 'java' })), undefined);
});

test('the command line survives spaces and quotes in a real shell', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motor learn's "));
  const launcher = path.join(dir, "fake 'motorlearn'");
  fs.writeFileSync(launcher, '#!/bin/sh\npwd\nfor a in "$@"; do echo "[$a]"; done\n', { mode: 0o755 });
  const file = path.join(dir, "it's a spec.motor");
  const line = extension.runCommandLine(launcher, dir, file);
  const out = execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' }).split('\n');
  assert.strictEqual(fs.realpathSync(out[0]), fs.realpathSync(dir));
  assert.deepStrictEqual(out.slice(1, 3), ['[run]', `[${file}]`]);
  fs.rmSync(dir, { recursive: true });
});

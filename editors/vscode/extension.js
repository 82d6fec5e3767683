// Starts the MotorLearn language server for *.motor files and adds "MotorLearn: Run Experiments".
// Highlighting comes from the TextMate grammar in syntaxes/; everything else (diagnostics,
// completion, hover, ...) from the server.
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = function (context) {
  const settings = vscode.workspace.getConfiguration('motorlearn');
  const server = { command: settings.get('server'), args: settings.get('serverArguments') };
  client = new LanguageClient('motorlearn', 'MotorLearn', server, {
    documentSelector: [{ scheme: 'file', language: 'motorlearn' }],
  });
  context.subscriptions.push(vscode.commands.registerCommand('motorlearn.run', runExperiments));
  return client.start();
};

exports.deactivate = function () {
  return client ? client.stop() : undefined;
};

/**
 * Saves the spec and runs `motorlearn run FILE` in the "MotorLearn" terminal, from the spec's
 * workspace folder (so run folders go to its runs/), where the summary and any error appear as on
 * the command line.
 */
async function runExperiments(uri) {
  const document = uri instanceof vscode.Uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor && vscode.window.activeTextEditor.document;
  if (!document || document.languageId !== 'motorlearn' || document.uri.scheme !== 'file') {
    vscode.window.showErrorMessage('MotorLearn: open a .motor file to run its experiments.');
    return;
  }
  const launcher = exports.launcher(vscode.workspace.getConfiguration('motorlearn'));
  if (!launcher) {
    vscode.window.showErrorMessage('MotorLearn: set "motorlearn.launcher" to the motorlearn script '
      + '(the server runs from a jar, which cannot run experiments).');
    return;
  }
  if (document.isDirty && !(await document.save())) {
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const cwd = folder ? folder.uri.fsPath : path.dirname(document.uri.fsPath);
  let terminal = vscode.window.terminals.find((t) => t.name === 'MotorLearn');
  if (!terminal) {
    terminal = vscode.window.createTerminal({ name: 'MotorLearn', cwd });
  }
  terminal.show(true);
  terminal.sendText(exports.runCommandLine(launcher, cwd, document.uri.fsPath));
}

/** The motorlearn script Run uses: motorlearn.launcher, else the server unless that is java. */
exports.launcher = function (settings) {
  const launcher = settings.get('launcher');
  if (launcher) {
    return launcher;
  }
  const server = settings.get('server');
  return server && path.basename(server) !== 'java' ? server : undefined;
};

/** cd to the folder, then run the spec: one line for a POSIX shell, every word quoted. */
exports.runCommandLine = function (launcher, cwd, file) {
  return `cd ${quote(cwd)} && ${quote(launcher)} run ${quote(file)}`;
};

function quote(word) {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

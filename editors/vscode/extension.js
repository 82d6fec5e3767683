// Starts the MotorLearn language server for *.motor files. Highlighting comes from the TextMate
// grammar in syntaxes/; everything else (diagnostics, completion, hover, ...) from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = function () {
  const settings = vscode.workspace.getConfiguration('motorlearn');
  const server = { command: settings.get('server'), args: settings.get('serverArguments') };
  client = new LanguageClient('motorlearn', 'MotorLearn', server, {
    documentSelector: [{ scheme: 'file', language: 'motorlearn' }],
  });
  return client.start();
};

exports.deactivate = function () {
  return client ? client.stop() : undefined;
};

package org.motorlearn.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' readers of what `motorlearn check` prints: Vim's quickfix list (editors/vim/compiler)
 * and Emacs's compilation errors (editors/emacs/motorlearn-mode.el) hold every problem at its file,
 * line and column with its kind, and nothing else.
 */
class EditorCompilersTest {

  private static final Path VIM_RUNTIME = Path.of("..", "editors", "vim").toAbsolutePath().normalize();
  private static final Path EMACS_MODE = Path.of("..", "editors", "emacs", "motorlearn-mode.el").toAbsolutePath().normalize();
  /** The first line of a problem and the location line after it, as the check command prints them. */
  private static final Pattern PROBLEM = Pattern.compile("(?m)^(error|warning|info): (.*)\\n\\s*--> (.*):(\\d+):(\\d+)$");

  @TempDir
  Path folder;

  @Test
  void everyProblemOfCheckLandsInVimsQuickfixListAndEmacssErrorsAtItsPlace() throws Exception {
    Files.writeString(folder.resolve("spec.motor"), """
        experiment E {
          seed 0
          network N {
            module A { units 4 tau 5 ms }
            module B { units 4 }
            module C { units 4 }
            input cue (3) -> A
            connect A -> B
            readout hand (2) from B
          }
          task T { trial 40 bins cue at bin 5 go at bin 20 movement 10 bins }
          phase initial { plastic all updates 2 batch 4 learning_rate 3 }
        }
        """);
    CliRun check = CliRun.in(folder, "check", "--no-color", "spec.motor");
    assertEquals(true, check.out().contains("warning: ") && check.out().contains("error: "), check::toString);
    Path output = folder.resolve("check.txt");
    Files.writeString(output, check.out() + check.err());

    List<String> expected = new ArrayList<>();
    Matcher problem = PROBLEM.matcher(check.out() + check.err());
    while (problem.find()) {
      expected.add(String.join("|", problem.group(3), problem.group(4), problem.group(5),
          problem.group(1).substring(0, 1).toUpperCase(), problem.group(2)));
    }
    assertEquals(true, expected.size() >= 2, check::toString);
    assertEquals(expected, quickfixList(output));
    assertEquals(expected.stream().map(line -> line.substring(0, line.lastIndexOf('|'))).toList(), compilationErrors(output));
  }

  /** Reads the output in an Emacs compilation buffer with motorlearn-mode loaded and visits every error. */
  private List<String> compilationErrors(Path output) throws IOException, InterruptedException {
    Path buffer = folder.resolve("compilation.txt");
    // a compilation buffer starts with the command; next-error moves past the first line
    Files.writeString(buffer, "motorlearn check --no-color spec.motor\n" + Files.readString(output));
    Path result = folder.resolve("errors.txt");
    String program = """
        (progn
          (require 'compile)
          (find-file "%s")
          (compilation-mode)
          (goto-char (point-min))
          (let (lines)
            (condition-case nil
                (while t
                  (compilation-next-error 1)
                  (let* ((message (get-text-property (point) 'compilation-message))
                         (location (compilation--message->loc message)))
                    (push (format "%%s|%%s|%%s|%%c" (caar (compilation--loc->file-struct location))
                                  (compilation--loc->line location) (compilation--loc->col location)
                                  (aref "IWE" (compilation--message->type message)))
                          lines)))
              (user-error nil))
            (with-temp-file "%s" (insert (mapconcat #'identity (nreverse lines) "\n") "\n"))))
        """.formatted(buffer, result);
    Process emacs = new ProcessBuilder("emacs", "--batch", "-Q", "-l", EMACS_MODE.toString(), "--eval", program)
        .directory(folder.toFile()).redirectErrorStream(true).start();
    String log = new String(emacs.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, emacs.waitFor(), "emacs: " + log);
    return Files.readAllLines(result);
  }

  /** Opens a spec in Vim with only editors/vim on the runtime path, reads the output as `:make` would. */
  private List<String> quickfixList(Path output) throws IOException, InterruptedException {
    Path result = folder.resolve("quickfix.txt");
    Path script = folder.resolve("test.vim");
    Files.writeString(script, String.join("\n",
        "set nocompatible",
        "let &runtimepath = '" + VIM_RUNTIME + ",' . &runtimepath",
        "filetype plugin on",
        "edit spec.motor",
        "if &makeprg !~# 'check --no-color' | cquit | endif",
        "cgetfile " + output,
        "call writefile(map(getqflist(), {_, e -> join([bufname(e.bufnr), e.lnum, e.col, e.type, e.text], '|')}), '"
            + result + "')",
        "qall!", ""));
    Process vim = new ProcessBuilder("vim", "-u", "NONE", "-i", "NONE", "-N", "-es", "-S", script.toString())
        .directory(folder.toFile()).redirectErrorStream(true).start();
    String log = new String(vim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, vim.waitFor(), "vim: " + log);
    return Files.readAllLines(result);
  }
}

package org.motorlearn.dsl.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code motorlearn lsp}: the language server on stdin/stdout. It lives in the IDE module, which
 * depends on this one, so it is found by name at run time instead of at compile time.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"Start the MotorLearn language server (Language Server Protocol over stdin/stdout).",
        "Editors start this; it runs until the client sends exit."})
final class LspCommand implements Callable<Integer> {

  /** Xtext's launcher; it finds the language through META-INF/services/org.eclipse.xtext.ISetup. */
  static final String SERVER_LAUNCHER = "org.eclipse.xtext.ide.server.ServerLauncher";
  /**
   * The language's IDE services. Xtext's launcher alone would start a server that knows no
   * {@code .motor} files, so both must be present.
   */
  static final String LANGUAGE_IDE_SETUP = "org.motorlearn.dsl.ide.MotorLearnIdeSetup";

  @Override
  public Integer call() throws Exception {
    Method main;
    try {
      Class.forName(LANGUAGE_IDE_SETUP, false, LspCommand.class.getClassLoader());
      main = Class.forName(SERVER_LAUNCHER, true, LspCommand.class.getClassLoader()).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, "the language server is not on the class path (missing "
          + e.getMessage() + " from module org.motorlearn.dsl.ide); start MotorLearn with the ./motorlearn script, "
          + "which builds that module and puts it there");
    }
    try {
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return ExitCode.OK;
  }
}

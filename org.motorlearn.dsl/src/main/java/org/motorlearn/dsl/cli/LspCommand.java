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

  private final String launcherClass;

  LspCommand() {
    this(SERVER_LAUNCHER);
  }

  /** Tests name a class that does not exist to see the error a user gets without the IDE module. */
  LspCommand(String launcherClass) {
    this.launcherClass = launcherClass;
  }

  @Override
  public Integer call() throws Exception {
    Method main;
    try {
      main = Class.forName(launcherClass, true, LspCommand.class.getClassLoader()).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new CliException(ExitCode.RUNTIME_FAILURE, "the language server is not on the class path (" + launcherClass
          + " from module org.motorlearn.dsl.ide); start MotorLearn with the ./motorlearn script, which builds it "
          + "and puts it there");
    }
    try {
      main.invoke(null, (Object) new String[0]);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return ExitCode.OK;
  }
}

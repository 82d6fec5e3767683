package org.motorlearn.dsl.ui.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.preferences.EditorPreferences;

/**
 * Where the MotorLearn command line lives. Runs need the runtime and ND4J, which are not OSGi
 * bundles, so they execute in a separate Java process on this class path. In order:
 * the preference (Window > Preferences > MotorLearn), then the system property
 * {@code motorlearn.cli.classpath.file} that {@code ./motorlearn studio} sets (a file holding the
 * class path the ./motorlearn script itself uses).
 */
public final class CliClasspath {
  public static final String MAIN_CLASS = "org.motorlearn.dsl.cli.Main";
  public static final String CLASSPATH_FILE_PROPERTY = "motorlearn.cli.classpath.file";

  private CliClasspath() {
  }

  public static String resolve() throws CoreException {
    String preference = MotorLearnUiPlugin.getDefault().getPreferenceStore().getString(EditorPreferences.CLI_CLASSPATH);
    if (!preference.isBlank()) {
      return preference.strip();
    }
    String file = System.getProperty(CLASSPATH_FILE_PROPERTY);
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file);
      try {
        String classpath = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (!classpath.isEmpty()) {
          return classpath;
        }
      } catch (IOException e) {
        throw new CoreException(Status.error("The MotorLearn class path file " + path + " (system property "
            + CLASSPATH_FILE_PROPERTY + ") cannot be read: " + e.getMessage()
            + ". Build MotorLearn with ./motorlearn --version, or set the class path in Window > Preferences > MotorLearn.",
            e));
      }
    }
    throw new CoreException(new Status(IStatus.ERROR, MotorLearnUiPlugin.PLUGIN_ID,
        "The MotorLearn command line is not configured: set its class path in Window > Preferences > MotorLearn "
            + "(the output of `cat org.motorlearn.dsl.ide/target/motorlearn.classpath` in a MotorLearn checkout), "
            + "or start Eclipse with ./motorlearn studio, which sets it."));
  }
}

package org.motorlearn.dsl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.motorlearn.runtime.run.Provenance;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code motorlearn --version}: the versions a run's results depend on, with the source revision the
 * engine was built from (as run manifests record it). ND4J's version is read from
 * its jar's Maven metadata, so ND4J itself (and its native libraries) is not loaded for this.
 */
public final class VersionInfo implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "MotorLearn " + motorLearn() + " (revision " + Provenance.revision() + ")",
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")",
        "ND4J " + nd4j()};
  }

  /** The project version this CLI was built as. */
  public static String motorLearn() {
    return property("/org/motorlearn/dsl/cli/version.properties", "version", "(unknown: built without Maven)");
  }

  /** The ND4J version on the class path. */
  public static String nd4j() {
    return property("/META-INF/maven/org.nd4j/nd4j-api/pom.properties", "version", "(not on the class path)");
  }

  private static String property(String resource, String key, String fallback) {
    try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
      if (in == null) {
        return fallback;
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty(key);
      return value == null || value.startsWith("${") ? fallback : value;
    } catch (IOException e) {
      return fallback;
    }
  }
}

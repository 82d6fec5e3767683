package org.motorlearn.dsl.generator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The MotorLearn version written into generated code: the runtime's, as recorded in run manifests. */
public final class MotorLearnVersion {

  private static final String RESOURCE = "/org/motorlearn/runtime/version.properties";

  private MotorLearnVersion() {
  }

  /** The version Maven wrote into the runtime jar, or "unknown" when the runtime carries none. */
  public static String get() {
    try (InputStream in = MotorLearnVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      return version == null || version.isBlank() || version.startsWith("${") ? "unknown" : version.strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package org.motorlearn.runtime.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Versions and machine facts recorded in the manifest, so a result can be traced and replayed. */
public final class Provenance {

  private Provenance() {}

  /** MotorLearn's version, from the resource Maven fills in at build time. */
  public static String motorLearnVersion() {
    String version = property("/org/motorlearn/runtime/version.properties", "version");
    return version == null ? "unknown" : version;
  }

  /**
   * The source revision the runtime was built from: {@code git describe} of the checkout (an
   * abbreviated commit, "-dirty" when it had uncommitted changes), or "unknown" when it was built
   * outside a git checkout. Two builds of one SNAPSHOT version may compute differently; this says which.
   */
  public static String revision() {
    return revision(property("/org/motorlearn/runtime/version.properties", "revision"));
  }

  static String revision(String filtered) {
    return filtered == null || filtered.isBlank() || filtered.contains("${") ? "unknown" : filtered;
  }

  public static Map<String, Object> versions() {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("motorlearn", motorLearnVersion());
    versions.put("motorlearnRevision", revision());
    versions.put("java", System.getProperty("java.version"));
    versions.put("javaVendor", System.getProperty("java.vendor"));
    versions.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    String nd4j = property("/META-INF/maven/org.nd4j/nd4j-api/pom.properties", "version");
    versions.put("nd4j", nd4j == null ? "unknown" : nd4j);
    versions.put("backend", Nd4j.getBackend().getClass().getName());
    versions.put("blas", Nd4j.factory().blas().getBlasVendor().toString());
    return versions;
  }

  public static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("host", hostName());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("arch", System.getProperty("os.arch"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    return machine;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }

  private static String property(String resource, String key) {
    try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty(key);
    } catch (IOException e) {
      return null;
    }
  }
}

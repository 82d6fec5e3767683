package org.motorlearn.dsl.ui.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.motorlearn.dsl.MotorLearnStandaloneSetup;

/**
 * What a new experiment starts from: the templates of {@code motorlearn new} (resources of the
 * language bundle, {@code org/motorlearn/dsl/cli/templates/<name>.motor}, with {{NAME}} standing for
 * the experiment's name), so the wizard and the command line always create the same files.
 */
public enum StartingPoint {
  QUICKSTART("quickstart", "Quickstart",
      "A small three-area network that trains, adapts to a 30 degree rotation and is analysed in minutes."),
  FEULNER2022("feulner2022", "Feulner et al. (2022)",
      "The paper's reference configuration: 3 x 400 units; Hinput, Hlocal and null adaptation; 10 seeds. "
          + "Training takes hours."),
  BLANK("blank", "Blank", "The smallest complete experiment, to fill in.");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String template;
  private final String label;
  private final String description;

  StartingPoint(String template, String label, String description) {
    this.template = template;
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The spec text for an experiment called {@code experimentName}. */
  public String text(String experimentName) {
    String resource = "org/motorlearn/dsl/cli/templates/" + template + ".motor";
    try (InputStream in = MotorLearnStandaloneSetup.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The MotorLearn language bundle has no template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{NAME}}", experimentName);
    } catch (IOException e) {
      throw new IllegalStateException("The template " + resource + " is unreadable: " + e.getMessage(), e);
    }
  }

  /** The experiment name for a file name: "reach vr30.motor" gives "reach_vr30". */
  public static String experimentName(String fileName) {
    String base = fileName.endsWith(".motor") ? fileName.substring(0, fileName.length() - ".motor".length()) : fileName;
    String name = base.replaceAll("[^A-Za-z0-9_]", "_");
    if (name.isEmpty() || !NAME.matcher(name).matches()) {
      name = "_" + name;
    }
    return name;
  }
}

package org.motorlearn.dsl.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.motorlearn.dsl.generator.MotorLearnGenerator;
import org.motorlearn.dsl.model.ExperimentPlan;
import org.motorlearn.dsl.model.ExperimentPlanner;
import org.motorlearn.dsl.model.Setting;
import org.motorlearn.dsl.model.SpecSource;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.util.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code motorlearn parameters FILE}: every parameter of each experiment, by the name {@code --set}
 * and sweeps take, with its value, unit and where the spec writes it (or "default").
 */
@Command(name = "parameters", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = {"List the parameters of each experiment of a spec: the names --set and sweeps take, their values and "
        + "units (the unit --set values are in), and where the spec writes them.", "Exit code 1 if the spec has errors."})
final class ParametersCommand implements Callable<Integer> {

  private final Console console;

  @Parameters(paramLabel = "FILE", description = "The spec file (*.motor).")
  private String file;

  ParametersCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    SpecFiles specs = ValidSpecs.load(console, List.of(file), "no parameters listed");
    XtextResource resource = specs.requested().get(0);
    SpecSource source = SpecSource.of(resource, MotorLearnGenerator.projectFolderOf(resource));
    boolean first = true;
    for (Experiment experiment : Experiments.declaredIn(resource)) {
      ExperimentPlan plan = ExperimentPlanner.plan(experiment, source);
      if (!first) {
        console.out().println();
      }
      first = false;
      console.out().println("experiment " + plan.name() + " (" + plan.fileName() + "): "
          + TextDiagnostics.plural(plan.parameters().size(), "parameter"));
      Map<String, String> swept = swept(plan);
      List<String> headers = new java.util.ArrayList<>(List.of("parameter", "value", "unit", "written at"));
      if (!swept.isEmpty()) {
        headers.add("swept over");
      }
      TextTable table = TextTable.withNumberColumns(headers, 1);
      for (Setting setting : plan.parameters()) {
        List<String> cells = new java.util.ArrayList<>(List.of(setting.parameter(), value(setting), setting.unit().symbol(),
            where(setting, resource)));
        if (!swept.isEmpty()) {
          cells.add(swept.getOrDefault(setting.parameter(), ""));
        }
        table.row(cells.toArray(String[]::new));
      }
      table.print(console.out());
    }
    if (first) {
      throw new CliException(ExitCode.USAGE, file + " declares no experiment; it has no parameters");
    }
    return ExitCode.OK;
  }

  /** The value in the parameter's unit, as --set takes it: 500, 0.0005, 1e-8. */
  static String value(Setting setting) {
    if (setting.isInteger()) {
      return String.format(Locale.ROOT, "%d", Math.round(setting.value()));
    }
    BigDecimal exact = new BigDecimal(Double.toString(setting.value())).stripTrailingZeros();
    if (exact.scale() <= 0 && exact.precision() - exact.scale() <= 9) {
      return exact.toPlainString(); // 1000, not 1E+3
    }
    return exact.toString().toLowerCase(Locale.ROOT).replace("e+", "e"); // 0.0005, 1e-8, 1.5e12
  }

  /**
   * "line:column" of the quantity the spec writes ("lib/common.motor:14:6" when an imported file writes
   * it), or "default" where the reference default applies.
   */
  private String where(Setting setting, XtextResource spec) {
    if (!setting.isWritten()) {
      return "default";
    }
    INode node = NodeModelUtils.getNode(setting.source());
    if (node == null) {
      return "";
    }
    String at = node.getStartLine() + ":" + NodeModelUtils.getLineAndColumn(node, node.getOffset()).getColumn();
    org.eclipse.emf.ecore.resource.Resource other = setting.source().eResource();
    return other == null || other == spec ? at : console.display(SpecFiles.pathOf(other)) + ":" + at;
  }

  /** The values each swept parameter takes, as the sweep writes them ("10, 20, 30 deg", "0..9"). */
  private static Map<String, String> swept(ExperimentPlan plan) {
    Map<String, String> swept = new java.util.LinkedHashMap<>();
    for (ExperimentPlan.SweepGroupPlan group : plan.sweeps()) {
      for (ExperimentPlan.SweepAxisPlan axis : group.axes()) {
        String written = axis.written().strip();
        String values = written.startsWith(axis.parameter()) ? written.substring(axis.parameter().length()).strip() : written;
        swept.put(axis.parameter(), values.startsWith("in ") ? values.substring(3) : values);
      }
    }
    return swept;
  }
}

package org.motorlearn.dsl.validation;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.validation.Check;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.motorLearn.UnknownSetting;
import org.motorlearn.dsl.units.SpecQuantities;
import org.motorlearn.dsl.units.SpecQuantities.Conversion;
import org.motorlearn.dsl.units.SpecQuantities.Kind;
import org.motorlearn.dsl.util.BlockSettings;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.dsl.util.Words;

/** Settings: unknown or misspelt, given twice, contradicting each other, written with a wrong unit. */
public class SettingsValidator extends MotorLearnCheckBase {

  @Inject
  private IGrammarAccess grammarAccess;

  private BlockSettings blockSettings;

  /** Times that must be whole bins of dt (they index the trial). */
  private static final Set<EStructuralFeature> IN_BINS = Set.of(ML.getTask_Trial(), ML.getTask_Cue(), ML.getTask_Go(),
      ML.getTask_Movement(), ML.getLoss_MseFrom(), ML.getLoss_MseWindow(), ML.getAnalysis_Window());

  @Check
  public void checkUnknownSetting(UnknownSetting setting) {
    EObject block = setting.eContainer();
    Map<String, String> known = new LinkedHashMap<>();
    for (BlockSettings.Setting candidate : settings().settingsOf(block)) {
      for (String spelling : candidate.spellings()) {
        known.putIfAbsent(spelling.split(" ")[0], spelling);
      }
    }
    String suggestion = Suggestions.closest(setting.getKey(), known.keySet());
    String meant = suggestion != null ? known.get(suggestion) : SettingSynonyms.meant(block.eClass().getName(), setting.getKey());
    String message = "unknown setting '" + setting.getKey() + "' in " + describe(block) + "; "
        + (meant == null ? "" : "did you mean '" + meant + "'? ")
        + "the settings of " + Words.article(block.eClass().getName().toLowerCase()) + " are: "
        + String.join(", ", new LinkedHashSet<>(known.values()));
    error(message, setting, ML.getUnknownSetting_Key(), IssueCodes.UNKNOWN_SETTING);
  }

  @Check
  public void checkDuplicateSettings(EObject object) {
    if (object.eClass().getEPackage() != ML || object instanceof Quantity || object instanceof Range) {
      return;
    }
    for (EStructuralFeature feature : object.eClass().getEAllStructuralFeatures()) {
      if (feature.isMany() || feature == object.eClass().getEStructuralFeature("name")) {
        continue;
      }
      List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
      if (nodes.size() > 1 && !syntaxErrorBetween(object, nodes.get(0), nodes.get(1))) {
        duplicate(object, settingWords(feature), nodes.get(1));
      }
    }
    if (object instanceof Experiment experiment) {
      inlineAndReference(experiment, ML.getExperiment_Network(), ML.getExperiment_NetworkRef());
      inlineAndReference(experiment, ML.getExperiment_Task(), ML.getExperiment_TaskRef());
      inlineAndReference(experiment, ML.getExperiment_Loss(), ML.getExperiment_LossRef());
    }
    if (object instanceof Analysis) {
      repeatedKeyword(object, "on");
      repeatedKeyword(object, "metrics");
    }
  }

  @Check
  public void checkConflictingSettings(EObject object) {
    if (object instanceof Readout readout && readout.isBias() && readout.isNoBias()) {
      conflict(readout, "with bias", "without bias", ML.getReadout_NoBias());
    } else if (object instanceof Module module && module.isNoRecurrence() && module.getRecurrentInit() != null) {
      conflict(module, "no recurrence", "recurrent init", ML.getModule_RecurrentInit());
    } else if (object instanceof Phase phase && phase.isEvaluateOnly() && phase.isContinueOptimizer()) {
      conflict(phase, "evaluate only", "continue optimizer", ML.getPhase_ContinueOptimizer());
    } else if (object instanceof Loss loss && loss.getMseFrom() != null && loss.getMseWindow() != null) {
      conflict(loss, "mse from", "mse window", ML.getLoss_MseWindow());
    }
  }

  @Check
  public void checkUnits(Quantity quantity) {
    EObject container = quantity.eContainer();
    EStructuralFeature feature = quantity.eContainingFeature();
    EObject owner = container;
    String unit = SpecQuantities.unitOf(quantity);
    boolean inherited = false;
    if (container instanceof Range range) {
      feature = range.eContainingFeature();
      owner = range.eContainer();
      inherited = unit == null;
      if (unit == null) {
        Quantity other = range.getMin() == quantity ? range.getMax() : range.getMin();
        unit = SpecQuantities.unitOf(other);
      }
    }
    if (container instanceof SweepAxis) {
      return; // sweep values take the unit of the swept setting: SweepValidator
    }
    Kind kind = SpecQuantities.kindOf(feature);
    if (kind == null || quantity.getValue() == null) {
      return;
    }
    Double dt = dtFor(owner);
    Conversion conversion = SpecQuantities.convert(quantity.getValue(), unit, kind, dt);
    if (conversion.ok() && IN_BINS.contains(feature) && dt != null) {
      double bins = conversion.value() / dt;
      if (Math.abs(bins - Math.rint(bins)) > 1e-9 * Math.max(1, Math.abs(bins))) {
        conversion = Conversion.problem(SpecQuantities.format(quantity) + " is not a whole number of bins of dt "
            + NumericRules.millis(dt) + " (it is " + NumericRules.number(bins) + " bins)");
      }
    }
    if (!conversion.ok() && inherited && unit != null && !IssueCodes.NOT_WHOLE_NUMBER.equals(codeOf(conversion.problem()))) {
      return; // "7..10 deg": the unit is wrong where it is written, reported at that end
    }
    if (conversion.lacksDt()) {
      return; // dt is wrongly written: its own error says so, and this time is read once dt is fixed
    }
    if (!conversion.ok()) {
      error(settingWords(feature) + ": " + conversion.problem(), quantity, null, codeOf(conversion.problem()));
    }
  }

  /** The issue code of a conversion problem of {@link SpecQuantities}. */
  static String codeOf(String problem) {
    if (problem.startsWith("missing unit")) {
      return IssueCodes.MISSING_UNIT;
    }
    if (problem.startsWith("wrong unit")) {
      return IssueCodes.WRONG_UNIT;
    }
    return problem.contains("whole number") ? IssueCodes.NOT_WHOLE_NUMBER : IssueCodes.BAD_QUANTITY;
  }

  private static Double dtFor(EObject owner) {
    Network network = org.eclipse.xtext.EcoreUtil2.getContainerOfType(owner, Network.class);
    Experiment experiment = Experiments.experimentOf(owner);
    if (network == null && experiment != null) {
      network = Experiments.network(experiment);
    }
    return SpecQuantities.dtSeconds(network);
  }

  private void inlineAndReference(Experiment experiment, EStructuralFeature inline, EStructuralFeature reference) {
    if (experiment.eGet(inline) != null && NodeModelUtils.findNodesForFeature(experiment, reference).size() > 0) {
      List<INode> nodes = new ArrayList<>(NodeModelUtils.findNodesForFeature(experiment, inline));
      nodes.addAll(NodeModelUtils.findNodesForFeature(experiment, reference));
      nodes.sort((a, b) -> Integer.compare(a.getOffset(), b.getOffset()));
      duplicate(experiment, settingWords(reference), nodes.get(1));
    }
  }

  private void repeatedKeyword(EObject object, String keyword) {
    int seen = 0;
    for (INode node : NodeModelUtils.findActualNodeFor(object).getChildren()) {
      if (node.getGrammarElement() instanceof Keyword k && keyword.equals(k.getValue()) && ++seen == 2) {
        duplicate(object, keyword, node);
      }
    }
  }

  /**
   * Whether the parser reported an error between two occurrences of a setting: then the second is
   * most likely its recovery's reading of the text ("units 4 activation" followed by "activation
   * tanh"), and the syntax error already says what is wrong.
   */
  private static boolean syntaxErrorBetween(EObject object, INode first, INode second) {
    for (INode node : NodeModelUtils.getNode(object).getAsTreeIterable()) {
      if (node.getSyntaxErrorMessage() != null && node.getOffset() >= first.getOffset()
          && node.getOffset() <= second.getEndOffset()) {
        return true;
      }
    }
    return false;
  }

  private void duplicate(EObject object, String words, INode second) {
    getMessageAcceptor().acceptError("'" + words + "' is given twice in " + describe(object) + "; keep one of them",
        object, second.getOffset(), second.getLength(), IssueCodes.DUPLICATE_SETTING);
  }

  private void conflict(EObject object, String first, String second, EStructuralFeature at) {
    error(describe(object) + " says both '" + first + "' and '" + second + "', which contradict each other; keep one of them",
        object, at, IssueCodes.CONFLICTING_SETTINGS);
  }

  private BlockSettings settings() {
    if (blockSettings == null) {
      blockSettings = new BlockSettings(grammarAccess.getGrammar());
    }
    return blockSettings;
  }
}

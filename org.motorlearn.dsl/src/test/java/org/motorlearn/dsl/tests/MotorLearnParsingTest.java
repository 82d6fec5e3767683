package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motorlearn.dsl.motorLearn.Activation;
import org.motorlearn.dsl.motorLearn.AllGroups;
import org.motorlearn.dsl.motorLearn.Analysis;
import org.motorlearn.dsl.motorLearn.Anchor;
import org.motorlearn.dsl.motorLearn.Connection;
import org.motorlearn.dsl.motorLearn.DefaultInit;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.InputGroup;
import org.motorlearn.dsl.motorLearn.Loss;
import org.motorlearn.dsl.motorLearn.Metric;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Module;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.motorLearn.Norm;
import org.motorlearn.dsl.motorLearn.OptimizerKind;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.motorLearn.Precision;
import org.motorlearn.dsl.motorLearn.Profile;
import org.motorlearn.dsl.motorLearn.ProjectionGroup;
import org.motorlearn.dsl.motorLearn.Quantity;
import org.motorlearn.dsl.motorLearn.Readout;
import org.motorlearn.dsl.motorLearn.ReadoutKind;
import org.motorlearn.dsl.motorLearn.RecurrentGroup;
import org.motorlearn.dsl.motorLearn.Rotation;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.motorLearn.Task;
import org.motorlearn.dsl.motorLearn.UniformInit;
import org.motorlearn.dsl.motorLearn.UnknownSetting;
import org.motorlearn.dsl.parser.MotorLearnSyntaxErrorMessageProvider;

/** The parser on the full Feulner et al. (2022) spec, and on the corners of the syntax. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class MotorLearnParsingTest {

  @Inject
  private ParseHelper<Model> parseHelper;

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  private Experiment feulner() {
    Model model = TestSpecs.load(resourceSets.get(), "feulner2022.motor");
    TestSpecs.assertNoErrors(model.eResource());
    assertEquals(1, model.getElements().size());
    return (Experiment) model.getElements().get(0);
  }

  @Test
  public void feulnerExperimentHeader() {
    Experiment experiment = feulner();
    assertEquals("Feulner2022_VR30", experiment.getName());
    assertNumber("0", null, experiment.getSeed());
    assertEquals(Precision.FLOAT32, experiment.getPrecision());
    assertNumber("50", null, experiment.getCheckpointEvery());
    assertTrue(experiment.getUnknown().isEmpty());
  }

  @Test
  public void feulnerNetwork() {
    Network network = feulner().getNetwork();
    assertEquals("Cortex", network.getName());
    assertNumber("10", "ms", network.getDt());
    assertEquals(List.of("Upstream", "PMd", "M1"), network.getModules().stream().map(Module::getName).collect(Collectors.toList()));
    Module upstream = network.getModules().get(0);
    assertNumber("400", null, upstream.getUnits());
    assertEquals(Activation.TANH, upstream.getActivation());
    assertNumber("50", "ms", upstream.getTau());
    assertNumber("0.0", null, upstream.getNoise());
    UniformInit state = assertInstanceOf(UniformInit.class, upstream.getInitialState());
    assertNumber("-0.1", null, state.getLow());
    assertNumber("0.1", null, state.getHigh());
    assertInstanceOf(DefaultInit.class, upstream.getRecurrentInit());
    assertNumber("0.05", "s", network.getModules().get(2).getTau());

    assertEquals(1, network.getInputs().size());
    assertEquals("cue", network.getInputs().get(0).getName());
    assertNumber("3", null, network.getInputs().get(0).getSize());
    assertEquals(List.of(network.getModules().get(0), network.getModules().get(1)), network.getInputs().get(0).getTargets());

    assertEquals(2, network.getConnections().size());
    Connection pmdToM1 = network.getConnections().get(1);
    assertEquals("PMd", pmdToM1.getSource().getName());
    assertEquals("M1", pmdToM1.getTarget().getName());
    assertInstanceOf(UniformInit.class, pmdToM1.getInit());

    Readout hand = network.getReadouts().get(0);
    assertEquals("hand", hand.getName());
    assertEquals(ReadoutKind.POSITION, hand.getKind());
    assertNumber("2", null, hand.getSize());
    assertEquals("M1", hand.getSource().getName());
    assertTrue(hand.isBias());
  }

  @Test
  public void feulnerTask() {
    Task task = feulner().getTask();
    assertEquals("CenterOut", task.getName());
    assertNumber("8", null, task.getTargets());
    assertNumber("7", null, task.getReach().getMin());
    assertNumber("10", "cm", task.getReach().getMax());
    assertNumber("400", "bins", task.getTrial());
    assertNumber("150", "bin", task.getCue().getMin());
    assertNumber("180", null, task.getCue().getMax());
    assertNumber("282", "bin", task.getGo().getMin());
    assertNull(task.getGo().getMax());
    assertNumber("100", "bins", task.getMovement());
    assertEquals(Profile.SIGMOID, task.getProfile());
    assertNumber("5", "deg", task.getJitter().getDirection());
    assertNumber("10", "bins", task.getJitter().getDuration());
    assertNumber("400", "trials", task.getTrain());
    assertNumber("160", "trials", task.getTest());
    assertNumber("2", null, task.getInputGain());
    assertNumber("2", null, task.getHold());
  }

  @Test
  public void feulnerPerturbationAndLoss() {
    Experiment experiment = feulner();
    assertEquals("VR30", experiment.getPerturbations().get(0).getName());
    Rotation rotation = assertInstanceOf(Rotation.class, experiment.getPerturbations().get(0).getEffect());
    assertNumber("30", "deg", rotation.getAngle());
    Loss loss = experiment.getLoss();
    assertNull(loss.getName());
    assertNumber("50", "bin", loss.getMseFrom());
    assertNumber("1e-3", null, loss.getWeightPenalty());
    assertEquals(Norm.FROBENIUS, loss.getWeightNorm());
    assertNumber("0.8", null, loss.getRatePenalty());
  }

  @Test
  public void feulnerPhases() {
    Experiment experiment = feulner();
    List<Phase> phases = experiment.getPhases();
    assertEquals(List.of("initial", "Hinput", "Hlocal", "null"), phases.stream().map(Phase::getName).collect(Collectors.toList()));

    Phase initial = phases.get(0);
    assertNull(initial.getFrom());
    assertNull(initial.getUnder());
    assertInstanceOf(AllGroups.class, initial.getPlastic().getGroups().get(0));
    assertEquals(OptimizerKind.ADAM, initial.getOptimizer().getKind());
    assertNumber("1e-4", null, initial.getOptimizer().getLr());
    assertNumber("0.9", null, initial.getOptimizer().getBeta1());
    assertNumber("0.999", null, initial.getOptimizer().getBeta2());
    assertNumber("1e-8", null, initial.getOptimizer().getEps());
    assertNumber("500", null, initial.getUpdates());
    assertNumber("80", null, initial.getBatch());
    assertNumber("0.2", null, initial.getClip());

    Phase hinput = phases.get(1);
    assertEquals(initial, hinput.getFrom());
    assertEquals(experiment.getPerturbations().get(0), hinput.getUnder());
    Module upstream = experiment.getNetwork().getModules().get(0);
    Module pmd = experiment.getNetwork().getModules().get(1);
    assertEquals(upstream, assertInstanceOf(InputGroup.class, hinput.getPlastic().getGroups().get(0)).getModule());
    assertEquals(upstream, assertInstanceOf(RecurrentGroup.class, hinput.getPlastic().getGroups().get(1)).getModule());
    ProjectionGroup upToPmd = assertInstanceOf(ProjectionGroup.class, hinput.getPlastic().getGroups().get(2));
    assertEquals(upstream, upToPmd.getSource());
    assertEquals(pmd, upToPmd.getTarget());
    assertFalse(hinput.isEvaluateOnly());

    Phase nullPhase = phases.get(3);
    assertTrue(nullPhase.isEvaluateOnly());
    assertEquals(initial, nullPhase.getFrom());
    assertNull(nullPhase.getPlastic());
  }

  @Test
  public void feulnerAnalysisAndSweep() {
    Experiment experiment = feulner();
    Analysis analysis = experiment.getAnalyses().get(0);
    assertEquals("initial", analysis.getBaseline().getName());
    assertEquals(List.of("Hinput", "Hlocal", "null"), analysis.getCompared().stream().map(Phase::getName).collect(Collectors.toList()));
    assertEquals(List.of("PMd", "M1"), analysis.getModules().stream().map(Module::getName).collect(Collectors.toList()));
    assertNumber("-600", "ms", analysis.getWindow().getMin());
    assertNumber("600", "ms", analysis.getWindow().getMax());
    assertEquals(Anchor.GO, analysis.getAnchor());
    assertEquals(8, analysis.getMetrics().size());
    assertEquals(Metric.ROBUSTNESS, analysis.getMetrics().get(7));
    assertNumber("10", null, analysis.getNoiseScale());
    assertNumber("10", null, analysis.getNoiseRepeats());
    assertNumber("10", null, analysis.getComponents());

    SweepAxis seed = experiment.getSweeps().get(0).getAxes().get(0);
    assertEquals("seed", seed.getParameter());
    assertNumber("0", null, seed.getFrom());
    assertNumber("9", null, seed.getTo());
  }

  @Test
  public void documentationCommentsAreKept() {
    Experiment experiment = feulner();
    String text = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(experiment).getText();
    assertTrue(text.contains("Three 400-unit tanh modules"));
  }

  @Test
  public void numbersAreExactDecimals() throws Exception {
    Model model = parse("experiment E { phase p { adam lr 1e-4 betas 0.9 .999e0 eps 1E-8 clip +2.5 updates 1.5e3 } }");
    assertFalse(model.eResource().getErrors().isEmpty(), "'.999e0' has no leading digit and is not a number");

    model = parse("experiment E { phase p { adam lr 1e-4 eps 1E-8 clip +2.5 updates 1.5e3 } }");
    TestSpecs.assertNoErrors(model.eResource());
    Phase phase = ((Experiment) model.getElements().get(0)).getPhases().get(0);
    assertEquals(new BigDecimal("1e-4"), phase.getOptimizer().getLr().getValue());
    assertEquals(new BigDecimal("1E-8"), phase.getOptimizer().getEps().getValue());
    assertEquals(new BigDecimal("2.5"), phase.getClip().getValue());
    assertEquals(0, new BigDecimal("1500").compareTo(phase.getUpdates().getValue()));
  }

  @Test
  public void unitsAreKeptAsWritten() throws Exception {
    Model model = parse("network N { dt 0.01 s module A { tau 5 cm units 10 % } }");
    TestSpecs.assertNoErrors(model.eResource());
    Module a = ((Network) model.getElements().get(0)).getModules().get(0);
    assertNumber("5", "cm", a.getTau()); // wrong, but reported by the validator, not by the parser
    assertNumber("10", "%", a.getUnits());
  }

  @Test
  public void misspeltSettingParsesAsUnknownSetting() throws Exception {
    Model model = parse("network N { module PMd { unit 400 activaton tanh tau 50 ms } }");
    TestSpecs.assertNoErrors(model.eResource());
    Module pmd = ((Network) model.getElements().get(0)).getModules().get(0);
    assertEquals(List.of("unit", "activaton"), pmd.getUnknown().stream().map(UnknownSetting::getKey).collect(Collectors.toList()));
    assertEquals(List.of("400"), pmd.getUnknown().get(0).getValues());
    assertEquals(List.of("tanh"), pmd.getUnknown().get(1).getValues());
    assertNumber("50", "ms", pmd.getTau());
  }

  @Test
  public void duplicateSettingsParse() throws Exception {
    // "at most once" is the validator's job (it sees both through the node model)
    Model model = parse("network N { module PMd { units 400 units 200 } }");
    TestSpecs.assertNoErrors(model.eResource());
  }

  @Test
  public void settingOfAnotherBlockGetsAPreciseMessage() throws Exception {
    Model model = parse("network N {\n  module PMd {\n    units 400\n    targets 8\n  }\n}\n");
    List<Resource.Diagnostic> errors = model.eResource().getErrors();
    assertFalse(errors.isEmpty());
    assertEquals("'targets' is not a setting of module PMd (it belongs in a task); module settings are: units, "
        + "activation, tau, noise, initial state, recurrent init, no recurrence", errors.get(0).getMessage());
    assertEquals(4, errors.get(0).getLine());
    assertEquals(MotorLearnSyntaxErrorMessageProvider.SETTING_IN_WRONG_BLOCK,
        ((org.eclipse.xtext.diagnostics.AbstractDiagnostic) errors.get(0)).getCode());
  }

  @Test
  public void everyWordOfAnEnumSettingIsKnownAsASetting() throws Exception {
    // 'sgd' starts a phase setting as much as 'adam' does (an enum's words are each a spelling)
    Model model = parse("network N {\n  module PMd {\n    units 400\n    sgd lr 0.1\n  }\n}\n");
    String message = model.eResource().getErrors().get(0).getMessage();
    assertEquals("'sgd' is not a setting of module PMd (it belongs in a phase); module settings are: units, "
        + "activation, tau, noise, initial state, recurrent init, no recurrence", message);
  }

  @Test
  public void aWordOutsideAnEnumGetsTheWordsItMayBe() throws Exception {
    // it was a bare "unexpected 'sigmoid' in module A"; the words come from the grammar
    assertEquals("unexpected 'sigmoid' in module A; 'activation' takes one of tanh, relu, softplus, linear",
        firstError("network N {\n  module A { units 4 activation sigmoid tau 50 ms }\n}\n"));
    assertEquals("unexpected 'float16' in experiment E; did you mean 'float32'? 'precision' takes one of float32, float64",
        firstError("experiment E {\n  precision float16\n}\n"));
    assertEquals("unexpected 'minjerk' in task T; 'profile' takes one of sigmoid, minimum-jerk",
        firstError("task T {\n  profile minjerk\n}\n"));
    String metrics = "'metrics' takes one of behaviour, activity, covariance, weights, dimensionality, pca, angles, robustness";
    assertEquals("unexpected 'behavior' in an analysis; did you mean 'behaviour'? " + metrics,
        firstError("experiment E {\n  analysis { metrics behavior }\n}\n"));
    assertEquals("unexpected 'behavior' in an analysis; did you mean 'behaviour'? " + metrics,
        firstError("experiment E {\n  analysis { metrics activity, behavior }\n}\n"));
    assertEquals("unexpected 'target' in an analysis; 'around' takes one of go, cue, movement, start",
        firstError("experiment E {\n  analysis { window -1 s..1 s around target }\n}\n"));
    // a rule whose every form starts with a keyword lists those keywords
    assertEquals("unexpected 'xavier' in module A; 'init' takes one of uniform, normal, gain, zeros, default, from",
        firstError("network N {\n  module A { units 4 recurrent init xavier }\n}\n"));
    assertEquals("unexpected 'shift' in perturbation P; 'perturbation' takes one of rotation, reassociation, gain",
        firstError("perturbation P = shift 3\n"));
  }

  @Test
  public void keywordAsNameGetsAPreciseMessage() throws Exception {
    Model model = parse("network N { module module { units 4 } }");
    assertEquals("'module' is a keyword: write ^module to use it as a name", model.eResource().getErrors().get(0).getMessage());
    model = parse("network N { module ^module { units 4 } }");
    TestSpecs.assertNoErrors(model.eResource());
    assertEquals("module", ((Network) model.getElements().get(0)).getModules().get(0).getName());
  }

  @Test
  public void otherSyntaxErrorsAreSaidInTheLanguagesWords() throws Exception {
    // ANTLR's "extraneous input '5' expecting '}'" and "mismatched input '{' expecting RULE_ID", with the block and
    // without token names
    assertEquals("unexpected '5' in module PMd (expected '}')", firstError("network N { module PMd { units 400 5 } }"));
    assertEquals("'network' needs a name: write one after it, e.g. 'network Name' before '{'", firstError("network { dt 10 ms }"));
    assertEquals("'seed' is missing its value in experiment E (the block ends right after it)",
        firstError("experiment E {\n  seed\n}\n"));
    assertEquals("'activation' on line 2 is missing its value in module PMd (the next setting, 'tau', follows it)",
        firstError("network N { module PMd {\n  units 400 activation\n  tau 50 ms\n} }"));
    assertEquals("'tau' is missing its value in module PMd (the next setting, 'units', follows it)",
        firstError("network N { module PMd { tau units 400 } }"));
    // "missing EOF at '}'" / "extraneous input '}' expecting EOF": the file was complete before it
    assertEquals("unexpected '}' after the end of the last declaration; is there a '}' too many above it?",
        firstError("network N { module PMd { units 4 } } }"));
    // after an earlier error, the rest of the file the recovery could not read is no "'}' too many"
    List<Resource.Diagnostic> afterError = parse("experiment E {\n  phase p {\n    adam learning rate 1e-4\n  }\n"
        + "  phase q { }\n}\n").eResource().getErrors();
    assertEquals("'phase' could not be read after the error above (the parser lost its place there); fix that error first",
        afterError.get(afterError.size() - 1).getMessage(), afterError::toString);
    assertEquals("unexpected ';' in task T: settings need no ';' between them (a new line or a space will do); remove it",
        firstError("task T {\n  targets 8;\n  trial 150 bins\n}\n"));
    // no raw ANTLR: a space in an exponent (a lexer error), a sweep block without axes, a leading '.'
    assertEquals("a number's exponent needs its digits right after the 'e' in phase p (found a space): write e.g. 1e-2, "
        + "without spaces", firstError("experiment E {\n  phase p { plastic all adam lr 1e -2 updates 5 }\n}\n"));
    assertEquals("'zip { }' has no axes in experiment E: list at least one inside the braces, e.g. zip { seed in 0, 1  "
        + "VR30.angle in 10, 20 }", firstError("experiment E {\n  sweep zip { }\n}\n"));
    assertEquals("'cartesian { }' has no axes in experiment E: list at least one inside the braces, e.g. cartesian { seed in "
        + "0, 1  VR30.angle in 10, 20 }", firstError("experiment E {\n  sweep cartesian { }\n}\n"));
    assertEquals("a number cannot start with '.' in phase p: write 0.5",
        firstError("experiment E {\n  phase p { plastic all adam lr .5 updates 5 }\n}\n"));
    // the optimizer's settings without the optimizer
    assertEquals("'lr' is a setting of the optimizer: write it after adam or sgd, e.g. 'adam lr ...'",
        firstError("experiment E {\n  phase p { plastic all lr 1e-3 }\n}\n"));
    // a phrase from Python scripts whose second word is a keyword
    List<Resource.Diagnostic> phrase = parse("experiment E {\n  phase p { plastic all adam learning rate 1e-3 }\n}\n")
        .eResource().getErrors();
    assertEquals("'learning rate' is not a setting of phase p; did you mean 'lr'?", phrase.get(0).getMessage());
    assertEquals("'learning rate' is not a setting of phase p; did you mean 'adam lr'?",
        firstError("experiment E {\n  phase p { plastic all learning rate 1e-3 }\n}\n"));
    // a block the recovery made up from text it could not place ('task T' read as a task of its own)
    List<Resource.Diagnostic> madeUp = parse("experiment V {\n  network N ->\n  task T\n  phase p { }\n}\n")
        .eResource().getErrors();
    assertEquals("'phase' could not be read after the error above (the parser lost its place there); fix that error first",
        madeUp.get(madeUp.size() - 1).getMessage(), madeUp::toString);
    // a setting of another block, in an experiment or after the parser's recovery closed it
    assertEquals("'targets' is not a setting of experiment E (it belongs in a task); experiment settings are: seed, precision,"
        + " checkpoint every, network, task, loss, perturbation, phase, analysis, sweep",
        firstError("experiment E {\n  seed 0\n  targets 8\n}\n"));
    List<Resource.Diagnostic> errors = parse("experiment E {\n  network N { module PMd { units 4 targets 8 } }\n  targets 8\n}\n")
        .eResource().getErrors();
    assertEquals("'targets' is not a setting of experiment E (it belongs in a task); move it into that block",
        errors.get(errors.size() - 1).getMessage());
  }

  private String firstError(String text) throws Exception {
    List<Resource.Diagnostic> errors = parse(text).eResource().getErrors();
    assertFalse(errors.isEmpty(), text);
    return errors.get(0).getMessage();
  }

  @Test
  public void aByteOrderMarkAtTheStartOfAFileIsSkipped(@TempDir Path folder) throws Exception {
    // editors on Windows write one; it was "unexpected '\uFEFF' after the end of the last declaration"
    Path file = folder.resolve("bom.motor");
    byte[] text = "network N {\r\n  dt 10 ms\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Files.write(file, bytes);
    Resource resource = resourceSets.get().createResource(org.eclipse.emf.common.util.URI.createFileURI(file.toString()));
    resource.load(java.util.Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
    assertEquals(List.of(), resource.getErrors());
    assertEquals("N", ((Network) ((Model) resource.getContents().get(0)).getElements().get(0)).getName());
  }

  @Test
  public void someKeywordsAreAlsoNames() throws Exception {
    Model model = parse("""
        experiment E {
          network N { module initial { } input cue (1) -> initial input go (1) -> initial }
          phase train { }
          phase null from train { evaluate only }
          phase test from null { plastic cue -> initial, initial.recurrent }
        }
        """);
    TestSpecs.assertNoErrors(model.eResource());
  }

  @Test
  public void everyWeightGroupForm() throws Exception {
    Model model = parse("""
        experiment E {
          network N {
            module A { } module B { }
            input u (3) -> A
            connect A -> B
            connect B -> A
            connect B -> B
            readout hand velocity (2) from B without bias init zeros
          }
          phase p1 { plastic all }
          phase p2 { plastic all except readout }
          phase p3 { plastic all except (readout, A.recurrent) }
          phase p4 { plastic none }
          phase p5 { plastic A.recurrent, A.input, u -> A, A -> B, B -> A, readout, hand, B -> hand }
        }
        """);
    TestSpecs.assertNoErrors(model.eResource());
    Experiment experiment = (Experiment) model.getElements().get(0);
    assertEquals(ReadoutKind.VELOCITY, experiment.getNetwork().getReadouts().get(0).getKind());
    assertTrue(experiment.getNetwork().getReadouts().get(0).isNoBias());
    AllGroups p3 = (AllGroups) experiment.getPhases().get(2).getPlastic().getGroups().get(0);
    assertEquals(2, p3.getExcept().size());
    assertEquals(8, experiment.getPhases().get(4).getPlastic().getGroups().size());
  }

  @Test
  public void unresolvableModuleIsALinkingError() throws Exception {
    Model model = parse("experiment E { network N { module A { } } phase p { plastic X.recurrent } }");
    assertEquals(1, model.eResource().getErrors().size());
    assertTrue(model.eResource().getErrors().get(0).getMessage().contains("X"));
  }

  @Test
  public void phasesOfOtherExperimentsAreInvisible() throws Exception {
    Model model = parse("experiment A { phase p { } } experiment B { phase q from p { } }");
    assertEquals(1, model.eResource().getErrors().size());
  }

  private Model parse(String text) throws Exception {
    Model model = parseHelper.parse(text);
    assertNotNull(model);
    org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(model.eResource());
    return model;
  }

  private static void assertNumber(String value, String unit, Quantity quantity) {
    assertNotNull(quantity, "quantity missing");
    assertEquals(0, new BigDecimal(value).compareTo(quantity.getValue()), () -> "value " + quantity.getValue());
    assertEquals(unit, quantity.getUnit());
  }

  @SuppressWarnings("unused")
  private static <T extends EObject> T first(List<T> list) {
    return list.get(0);
  }
}

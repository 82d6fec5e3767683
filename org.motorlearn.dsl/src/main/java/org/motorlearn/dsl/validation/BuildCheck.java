package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LineAndColumn;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.motorlearn.dsl.model.ExperimentBuilder;
import org.motorlearn.dsl.model.ExperimentPlan;
import org.motorlearn.dsl.model.SpecBuildException;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.util.Experiments;
import org.motorlearn.runtime.spec.Parameters;
import org.motorlearn.runtime.spec.SpecException;

/**
 * The last check: an experiment that passes every rule of the language is built the way {@code run}
 * builds it before anything trains, at its written values and at every point of its sweeps, and what
 * the builder or the runtime refuses is an error here. So a spec that {@code check} passes is one
 * that {@code run} starts, and the rules of the runtime (which settings it supports, how a window must
 * fit the trial, which optimiser a phase may continue) need no second copy in the language.
 *
 * <p>It runs only on a file without errors: with one, the builder sees what the other errors are
 * about and would repeat them less clearly. The problem is reported at the element the builder names
 * when that element is in this file, otherwise at the experiment's name.
 */
final class BuildCheck {

  /** Sweep points that fail are reported one by one up to this many, then counted. */
  private static final int REPORTED_POINTS = 3;

  private BuildCheck() {
  }

  /** The build problems of every experiment declared in {@code resource}. */
  static List<Issue> issues(Resource resource, CancelIndicator indicator) {
    List<Issue> issues = new ArrayList<>();
    for (Experiment experiment : Experiments.declaredIn(resource)) {
      if (indicator.isCanceled()) {
        break;
      }
      check(experiment, resource, issues, indicator);
    }
    return issues;
  }

  private static void check(Experiment experiment, Resource resource, List<Issue> issues, CancelIndicator indicator) {
    ExperimentPlan plan;
    try {
      plan = ExperimentBuilder.plan(experiment);
      ExperimentBuilder.build(plan, Parameters.defaults()).requireTaskShape();
    } catch (SpecBuildException e) {
      issues.add(issue(resource, e.source() == experiment ? placeOf(e.getMessage(), experiment) : e.source(), experiment,
          e.getMessage()));
      return;
    } catch (SpecException e) {
      issues.add(issue(resource, placeOf(e.getMessage(), experiment), experiment, e.getMessage()));
      return;
    }
    if (experiment.getSweeps().isEmpty()) {
      return;
    }
    List<Map<String, Double>> points;
    try {
      points = ExperimentBuilder.sweep(plan).points();
    } catch (SpecException e) {
      issues.add(issue(resource, experiment.getSweeps().get(0), experiment, "sweep: " + e.getMessage()));
      return;
    }
    List<String> failures = new ArrayList<>();
    int checked = Math.min(points.size(), SweepPoints.LIMIT);
    for (int k = 0; k < checked && !indicator.isCanceled(); k++) {
      try {
        Parameters parameters = Parameters.of(points.get(k));
        ExperimentBuilder.build(plan, parameters).requireTaskShape();
        parameters.requireAllOverridesUsed();
      } catch (SpecException | SpecBuildException e) {
        failures.add("sweep point " + k + " (" + Parameters.describe(points.get(k)) + "): " + e.getMessage());
      }
    }
    for (int i = 0; i < Math.min(failures.size(), REPORTED_POINTS); i++) {
      String more = i == REPORTED_POINTS - 1 && failures.size() > REPORTED_POINTS
          ? " (and " + (failures.size() - REPORTED_POINTS) + " more of the " + points.size() + " points)" : "";
      issues.add(issue(resource, experiment.getSweeps().get(0), experiment, failures.get(i) + more));
    }
    if (checked < points.size()) {
      Issue notice = issue(resource, experiment.getSweeps().get(0), experiment, "the sweeps of experiment "
          + experiment.getName() + " have " + points.size() + " points; check builds the first " + checked
          + " (run builds them all before it starts)");
      ((Issue.IssueImpl) notice).setSeverity(Severity.WARNING);
      ((Issue.IssueImpl) notice).setCode(IssueCodes.SWEEP_PARTLY_CHECKED);
      issues.add(notice);
    }
  }

  /**
   * The element a runtime message is about, read from how the runtime starts its messages ("phase
   * adapt: ...", "analysis: ...", "experiment T: network N ..."); the experiment when none fits.
   */
  private static EObject placeOf(String message, Experiment experiment) {
    String about = message.startsWith("experiment " + experiment.getName() + ": ")
        ? message.substring(("experiment " + experiment.getName() + ": ").length()) : message;
    for (Phase phase : experiment.getPhases()) {
      if (about.startsWith("phase " + phase.getName() + ":")) {
        return phase;
      }
    }
    if (about.startsWith("analysis") && !experiment.getAnalyses().isEmpty()) {
      return experiment.getAnalyses().get(0);
    }
    if (about.startsWith("network") && experiment.getNetwork() != null) {
      return experiment.getNetwork();
    }
    if (about.startsWith("the loss") && experiment.getLoss() != null) {
      return experiment.getLoss();
    }
    if (about.startsWith("task") && experiment.getTask() != null) {
      return experiment.getTask();
    }
    return experiment;
  }

  private static Issue issue(Resource resource, EObject source, Experiment experiment, String message) {
    EObject at = source != null && source.eResource() == resource && NodeModelUtils.getNode(source) != null ? source : experiment;
    INode node = nameNode(at);
    Issue.IssueImpl issue = new Issue.IssueImpl();
    issue.setSeverity(Severity.ERROR);
    issue.setType(CheckType.NORMAL);
    issue.setCode(IssueCodes.NOT_RUNNABLE);
    issue.setMessage(message);
    issue.setUriToProblem(resource.getURI().appendFragment(resource.getURIFragment(at)));
    if (node != null) {
      int offset = node.getOffset();
      int end = node.getEndOffset();
      LineAndColumn start = NodeModelUtils.getLineAndColumn(node, offset);
      LineAndColumn stop = NodeModelUtils.getLineAndColumn(node, end);
      issue.setOffset(offset);
      issue.setLength(end - offset);
      issue.setLineNumber(start.getLine());
      issue.setColumn(start.getColumn());
      issue.setLineNumberEnd(stop.getLine());
      issue.setColumnEnd(stop.getColumn());
    }
    return issue;
  }

  /** A named element's name (a whole phase is too large a place to point at), else the element's text. */
  private static INode nameNode(EObject element) {
    EStructuralFeature name = element.eClass().getEStructuralFeature("name");
    List<INode> names = name == null ? List.of() : NodeModelUtils.findNodesForFeature(element, name);
    return names.isEmpty() ? NodeModelUtils.getNode(element) : names.get(0);
  }
}

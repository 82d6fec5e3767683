package org.motorlearn.dsl.ui.language;

import java.util.List;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.motorlearn.dsl.motorLearn.Model;

/**
 * One parse and validation of a spec's text: the resource (AST and node model) and its issues.
 * Immutable once built; the editor keeps the newest one for the outline, hover and highlighting.
 */
public record SpecAnalysis(String text, XtextResource resource, List<Issue> issues) {

  public SpecAnalysis {
    issues = List.copyOf(issues);
  }

  public Model model() {
    return resource.getContents().isEmpty() ? null : (Model) resource.getContents().get(0);
  }

  public boolean hasErrors() {
    return issues.stream().anyMatch(issue -> issue.getSeverity() == Severity.ERROR);
  }
}

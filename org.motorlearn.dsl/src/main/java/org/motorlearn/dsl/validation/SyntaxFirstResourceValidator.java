package org.motorlearn.dsl.validation;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Every check of a spec, except those on a line that has a syntax error. There the parser's
 * recovery has guessed what was meant ("reach 7.. cm" becomes a reach of 7 without unit), and a
 * check of the guess reports a problem the user did not write next to the one they did. The
 * syntax error says what to fix; the other checks speak again once the line parses. Every editor
 * and the command line validate through this class.
 */
public class SyntaxFirstResourceValidator extends ResourceValidatorImpl {

  @Override
  public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator)
      throws OperationCanceledError {
    List<Issue> issues = super.validate(resource, mode, indicator);
    Set<Integer> syntaxErrorLines = issues.stream().filter(Issue::isSyntaxError).map(Issue::getLineNumber)
        .collect(Collectors.toSet());
    if (syntaxErrorLines.isEmpty()) {
      return issues;
    }
    return issues.stream().filter(issue -> issue.isSyntaxError() || !syntaxErrorLines.contains(issue.getLineNumber()))
        .collect(Collectors.toList());
  }
}

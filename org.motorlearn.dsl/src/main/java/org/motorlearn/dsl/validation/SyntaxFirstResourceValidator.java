package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Every check of a spec, except those the parser's recovery from a syntax error has made unreliable.
 * Where the parser could not read the text it guesses what was meant ("reach 7.. cm" becomes a reach
 * of 7 without a unit) or ends a block early (an experiment "has no phases" because they were never
 * read), and a check of the guess reports a problem the user did not write. So a check is left out
 *
 * <ul>
 *   <li>on a line that has a syntax error, and</li>
 *   <li>on an element whose own text contains a syntax error (its contents were not all read).</li>
 * </ul>
 *
 * The syntax error says what to fix; the other checks speak again once the text parses. An unknown
 * setting is always reported: its word is what the user wrote, not a guess ("inital state" is an
 * unknown 'inital' and then an unexpected 'state', and the first says what to fix). Every editor and
 * the command line validate through this class.
 */
public class SyntaxFirstResourceValidator extends ResourceValidatorImpl {

  @Override
  public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator)
      throws OperationCanceledError {
    List<Issue> issues = super.validate(resource, mode, indicator);
    List<Integer> errorOffsets = new ArrayList<>();
    for (Issue issue : issues) {
      if (issue.isSyntaxError() && issue.getOffset() != null) {
        errorOffsets.add(issue.getOffset());
      }
    }
    if (errorOffsets.isEmpty()) {
      return issues;
    }
    Set<Integer> errorLines = issues.stream().filter(Issue::isSyntaxError).map(Issue::getLineNumber)
        .collect(Collectors.toSet());
    return issues.stream()
        .filter(issue -> issue.isSyntaxError() || IssueCodes.UNKNOWN_SETTING.equals(issue.getCode())
            || !errorLines.contains(issue.getLineNumber()) && !containsError(resource, issue, errorOffsets))
        .collect(Collectors.toList());
  }

  /** Whether the text of the element the issue is about (in this file) contains a syntax error. */
  private static boolean containsError(Resource resource, Issue issue, List<Integer> errorOffsets) {
    URI problem = issue.getUriToProblem();
    if (problem == null || !problem.trimFragment().equals(resource.getURI()) || problem.fragment() == null) {
      return false;
    }
    EObject object = resource.getEObject(problem.fragment());
    INode node = object == null ? null : NodeModelUtils.getNode(object);
    return node != null
        && errorOffsets.stream().anyMatch(offset -> offset >= node.getOffset() && offset < node.getEndOffset());
  }
}

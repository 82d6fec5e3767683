package org.motorlearn.dsl.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.motorlearn.dsl.parser.MotorLearnSyntaxErrorMessageProvider;

/**
 * Every check of a spec, except those the parser's recovery from a syntax error has made unreliable.
 * Where the parser could not read the text it guesses what was meant ("reach 7.. cm" becomes a reach
 * of 7 without a unit) or ends a block early (an experiment "has no phases" because they were never
 * read), and a check of the guess reports a problem the user did not write. So a check is left out
 *
 * <ul>
 *   <li>on a line that has a syntax error, and</li>
 *   <li>on an element whose own text contains a syntax error (its contents were not all read);</li>
 * </ul>
 * and of a run of syntax errors on adjacent lines only the first is reported (see {@link #followOns}).
 *
 * The syntax error says what to fix; the other checks speak again once the text parses. An unknown
 * setting before the file's first syntax error is reported all the same: it is often the cause
 * ("inital state" is an unknown 'inital', then an unexpected 'state'). After that error, unknown
 * settings on its lines are the recovery's too (names it could not place). Every editor and the
 * command line validate through this class.
 *
 * <p>A file without errors then gets the {@link BuildCheck}: what {@code run} would refuse when it
 * builds the experiment.
 */
public class MotorLearnResourceValidator extends ResourceValidatorImpl {

  @Override
  public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator)
      throws OperationCanceledError {
    List<Issue> issues = withoutRecoveryNoise(resource, phrasesAsOneError(resource, super.validate(resource, mode, indicator)));
    if (mode.shouldCheck(CheckType.NORMAL) && issues.stream().noneMatch(issue -> issue.getSeverity() == Severity.ERROR)) {
      issues = new ArrayList<>(issues);
      issues.addAll(BuildCheck.issues(resource, indicator));
    }
    return issues;
  }

  /**
   * "learning rate 1e-3" in a phase is an unknown setting 'learning', then a syntax error at 'rate', which
   * already says "'learning rate' ...; did you mean 'adam lr'?": one error, over both words.
   */
  private static List<Issue> phrasesAsOneError(Resource resource, List<Issue> issues) {
    String text = resource instanceof XtextResource xtext && xtext.getParseResult() != null
        ? xtext.getParseResult().getRootNode().getText() : null;
    if (text == null) {
      return issues;
    }
    List<Issue> result = new ArrayList<>(issues);
    for (Issue phrase : issues) {
      if (!MotorLearnSyntaxErrorMessageProvider.SETTING_PHRASE.equals(phrase.getCode()) || phrase.getOffset() == null) {
        continue;
      }
      for (Issue word : issues) {
        if (IssueCodes.UNKNOWN_SETTING.equals(word.getCode()) && word.getOffset() != null && word.getLength() != null
            && word.getOffset() + word.getLength() <= phrase.getOffset()
            && text.substring(word.getOffset() + word.getLength(), phrase.getOffset()).isBlank()) {
          result.remove(word);
          result.set(result.indexOf(phrase), spanning(word, phrase));
        }
      }
    }
    return result;
  }

  /** The issue {@code last}, from the start of {@code first} to its own end. */
  private static Issue spanning(Issue first, Issue last) {
    Issue.IssueImpl issue = new Issue.IssueImpl();
    issue.setMessage(last.getMessage());
    issue.setCode(last.getCode());
    issue.setSeverity(last.getSeverity());
    issue.setType(last.getType());
    issue.setSyntaxError(last.isSyntaxError());
    issue.setData(last.getData());
    issue.setUriToProblem(last.getUriToProblem());
    issue.setOffset(first.getOffset());
    issue.setLength(last.getOffset() + last.getLength() - first.getOffset());
    issue.setLineNumber(first.getLineNumber());
    issue.setColumn(first.getColumn());
    issue.setLineNumberEnd(last.getLineNumberEnd());
    issue.setColumnEnd(last.getColumnEnd());
    return issue;
  }

  private static List<Issue> withoutRecoveryNoise(Resource resource, List<Issue> issues) {
    List<Integer> errorOffsets = new ArrayList<>();
    for (Issue issue : issues) {
      if (issue.isSyntaxError() && issue.getOffset() != null) {
        errorOffsets.add(issue.getOffset());
      }
    }
    if (errorOffsets.isEmpty()) {
      return issues;
    }
    int firstError = errorOffsets.stream().mapToInt(Integer::intValue).min().getAsInt();
    Set<Integer> errorLines = issues.stream().filter(Issue::isSyntaxError).map(Issue::getLineNumber)
        .collect(Collectors.toSet());
    Set<Issue> followOns = followOns(issues);
    return issues.stream()
        .filter(issue -> issue.isSyntaxError() ? !followOns.contains(issue) : isCause(issue, firstError)
            || !errorLines.contains(issue.getLineNumber()) && !containsError(resource, issue, errorOffsets))
        .collect(Collectors.toList());
  }

  /**
   * Syntax errors on the line of the previous one or the line after it: the parser lost its place at
   * the first of such a run and the rest are its recovery's stumbles ("unexpected '.'", "unexpected
   * '->'"). Two mistakes further apart are both reported.
   */
  private static Set<Issue> followOns(List<Issue> issues) {
    List<Issue> syntax = issues.stream().filter(Issue::isSyntaxError).filter(issue -> issue.getOffset() != null)
        .sorted(Comparator.comparing(Issue::getOffset)).toList();
    Set<Issue> followOns = new HashSet<>();
    Integer previousLine = null;
    for (Issue issue : syntax) {
      if (previousLine != null && issue.getLineNumber() != null && issue.getLineNumber() <= previousLine + 1) {
        followOns.add(issue);
      }
      previousLine = issue.getLineNumber();
    }
    return followOns;
  }

  /** An unknown setting before the first syntax error, which it may well have caused. */
  private static boolean isCause(Issue issue, int firstError) {
    return IssueCodes.UNKNOWN_SETTING.equals(issue.getCode()) && issue.getOffset() != null && issue.getOffset() < firstError;
  }

  /** Whether the text of the element the issue is about (in this file) contains, or ends at, a syntax error. */
  private static boolean containsError(Resource resource, Issue issue, List<Integer> errorOffsets) {
    URI problem = issue.getUriToProblem();
    if (problem == null || !problem.trimFragment().equals(resource.getURI()) || problem.fragment() == null) {
      return false;
    }
    EObject object = resource.getEObject(problem.fragment());
    INode node = object == null ? null : NodeModelUtils.getNode(object);
    if (node == null) {
      return false;
    }
    String text = node.getRootNode().getText();
    // an error right after the element's text counts too: the recovery ended the element there
    return errorOffsets.stream().anyMatch(offset -> offset >= node.getOffset() && (offset < node.getEndOffset()
        || offset <= text.length() && text.substring(node.getEndOffset(), offset).isBlank()));
  }
}

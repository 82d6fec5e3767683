package org.motorlearn.dsl.formatting2;

import com.google.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Pair;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;
import org.motorlearn.dsl.motorLearn.Element;
import org.motorlearn.dsl.motorLearn.Import;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Range;
import org.motorlearn.dsl.motorLearn.Sweep;
import org.motorlearn.dsl.motorLearn.SweepAxis;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;
import org.motorlearn.dsl.util.BlockSettings;

/**
 * The canonical layout of a {@code .motor} file:
 * <ul>
 *   <li>one setting per line inside a block, blocks indented by two spaces, except a block written
 *       on one line that fits (see {@link #isCompactBlock});</li>
 *   <li>a blank line between top-level elements, and around a nested block ({@code module},
 *       {@code phase}, ...) unless it opens its block; elsewhere the author's blank lines between
 *       settings are kept (at most one), so settings can be grouped;</li>
 *   <li>single spaces between words, one space around {@code ->} and {@code =}, none before
 *       {@code ,}, inside parentheses, around {@code .}, and before the {@code (} of
 *       {@code uniform(...)}/{@code normal(...)};</li>
 *   <li>{@code 7..10 cm} without spaces, {@code -600 ms .. 600 ms} with spaces (when the lower end has a
 *       unit).</li>
 * </ul>
 * Formatting only changes whitespace (and the line structure around comments); it is idempotent.
 *
 * <p>Three priorities keep the rules free of conflicts: every token gets one space around it (low),
 * punctuation overrides that (normal), and line structure overrides both (high).
 */
public class MotorLearnFormatter extends AbstractFormatter2 {

  private static final Procedure1<IHiddenRegionFormatter> ONE_SPACE_LOW = f -> {
    f.oneSpace();
    f.lowPriority();
  };
  private static final Procedure1<IHiddenRegionFormatter> ONE_SPACE = IHiddenRegionFormatter::oneSpace;
  private static final Procedure1<IHiddenRegionFormatter> ONE_SPACE_HIGH = f -> {
    f.oneSpace();
    f.highPriority();
  };
  private static final Procedure1<IHiddenRegionFormatter> NO_SPACE = IHiddenRegionFormatter::noSpace;
  private static final Procedure1<IHiddenRegionFormatter> NEW_LINE = f -> {
    f.newLine();
    f.highPriority();
  };
  private static final Procedure1<IHiddenRegionFormatter> BLANK_LINE = f -> {
    f.setNewLines(2);
    f.highPriority();
  };
  private static final Procedure1<IHiddenRegionFormatter> KEEP_LINES = f -> {
    f.setNewLines(1, 1, 2);
    f.highPriority();
  };
  private static final Procedure1<IHiddenRegionFormatter> INDENT = IHiddenRegionFormatter::indent;

  /** Lines of a one-line block may reach this column (as in the project's code). */
  private static final int LINE_LENGTH = 100;

  private final BlockSettings blockSettings;
  private final MotorLearnGrammarAccess grammar;

  @Inject
  public MotorLearnFormatter(MotorLearnGrammarAccess grammar) {
    this.grammar = grammar;
    this.blockSettings = new BlockSettings(grammar.getGrammar());
  }

  /** The canonical layout indents by two spaces, whatever the editor's preference. */
  @Override
  protected void initialize(FormatterRequest request) {
    Map<String, String> canonical = new HashMap<>();
    canonical.put(FormatterPreferenceKeys.indentation.getId(), "  ");
    canonical.put(FormatterPreferenceKeys.lineSeparator.getId(), "\n");
    request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(), canonical));
    super.initialize(request);
  }

  @Override
  public void format(Object object, IFormattableDocument document) {
    if (object instanceof XtextResource) {
      _format((XtextResource) object, document);
      formatDocumentEnds(document);
    } else if (object instanceof Model) {
      formatModel((Model) object, document);
    } else if (object instanceof EObject) {
      formatElement((EObject) object, document);
    }
  }

  /**
   * Comments keep their line structure: a comment that stood on its own line (a documentation comment
   * above a setting) still does, with the indentation of the code around it.
   */
  @Override
  public ITextReplacer createCommentReplacer(IComment comment) {
    EObject rule = comment.getGrammarElement();
    if (rule instanceof AbstractRule && ((AbstractRule) rule).getName().startsWith("ML")) {
      return new BlockCommentReplacer(comment);
    }
    return super.createCommentReplacer(comment);
  }

  private void formatDocumentEnds(IFormattableDocument document) {
    IEObjectRegion root = getTextRegionAccess().regionForRootEObject();
    if (root == null) {
      return;
    }
    IHiddenRegion start = root.getPreviousHiddenRegion();
    IHiddenRegion end = root.getNextHiddenRegion();
    if (start != null && !start.containsComment()) {
      document.set(start, f -> {
        f.noSpace();
        f.highPriority();
      });
    }
    if (end != null) {
      document.set(end, NEW_LINE);
    }
  }

  private void formatModel(Model model, IFormattableDocument document) {
    defaultSpacing(model, document);
    boolean first = true;
    for (Import anImport : model.getImports()) {
      if (!first) {
        document.prepend(anImport, NEW_LINE);
      }
      first = false;
      document.format(anImport);
    }
    for (Element element : model.getElements()) {
      if (!first) {
        IEObjectRegion region = textRegionExtensions.regionForEObject(element);
        boolean commented = region != null && region.getPreviousHiddenRegion() != null
            && region.getPreviousHiddenRegion().containsComment();
        document.prepend(element, commented ? KEEP_LINES : BLANK_LINE);
      }
      first = false;
      document.format(element);
    }
  }

  private void formatElement(EObject object, IFormattableDocument document) {
    defaultSpacing(object, document);
    IEObjectRegion region = textRegionExtensions.regionForEObject(object);
    if (region == null) {
      return;
    }
    boolean compact = isCompactBlock(region);
    // punctuation
    for (ISemanticRegion token : region.getSemanticRegions()) {
      if ("%".equals(token.getText())) {
        document.prepend(token, NO_SPACE);
        continue;
      }
      if (!(token.getGrammarElement() instanceof Keyword)) {
        if (blockSettings.isSettingStart(token.getGrammarElement())) {
          document.prepend(token, settingStart(token, compact));
        }
        continue;
      }
      String keyword = ((Keyword) token.getGrammarElement()).getValue();
      switch (keyword) {
        case "," -> {
          document.prepend(token, NO_SPACE);
          document.append(token, ONE_SPACE);
        }
        case "." -> document.surround(token, NO_SPACE);
        case "(" -> {
          document.append(token, NO_SPACE);
          if (GrammarUtil.containingRule(token.getGrammarElement()) == grammar.getInitRule()) {
            document.prepend(token, NO_SPACE);
          }
        }
        case ")" -> document.prepend(token, NO_SPACE);
        case "->", "=" -> document.surround(token, ONE_SPACE);
        case ".." -> document.surround(token, rangeHasUnitOnLowerEnd(object) ? ONE_SPACE : NO_SPACE);
        default -> {
          if (blockSettings.isSettingStart(token.getGrammarElement())) {
            document.prepend(token, settingStart(token, compact));
          }
        }
      }
    }
    // blocks: indented interior, braces on their own lines; a block written on one line stays on one
    for (Pair<ISemanticRegion, ISemanticRegion> braces : region.getRegionFor().keywordPairs("{", "}")) {
      document.interior(braces.getKey(), braces.getValue(), INDENT);
      document.append(braces.getKey(), compact ? ONE_SPACE_HIGH : NEW_LINE);
      document.prepend(braces.getValue(), compact ? ONE_SPACE_HIGH : NEW_LINE);
    }
    // the axes of a zip { ... } or cartesian { ... } sweep: one per line
    if (object instanceof Sweep && region.getRegionFor().keyword("{") != null) {
      for (SweepAxis axis : ((Sweep) object).getAxes()) {
        IEObjectRegion axisRegion = textRegionExtensions.regionForEObject(axis);
        if (axisRegion != null) {
          document.prepend(axis, settingStart(firstToken(axisRegion), compact));
        }
      }
    }
    // children that are settings (a module in a network, a phase in an experiment, ...)
    for (EObject child : object.eContents()) {
      IEObjectRegion childRegion = textRegionExtensions.regionForEObject(child);
      if (childRegion != null && startsSetting(childRegion)) {
        boolean isBlock = childRegion.getRegionFor().keyword("{") != null && !isCompactBlock(childRegion);
        ISemanticRegion previous = childRegion.getPreviousSemanticRegion();
        boolean firstInBlock = previous != null && "{".equals(previous.getText());
        boolean afterBlock = previous != null && "}".equals(previous.getText())
            && !isCompactBlock(textRegionExtensions.regionForEObject(previous.getSemanticElement()));
        IHiddenRegion before = childRegion.getPreviousHiddenRegion();
        if (compact || firstInBlock) {
          document.prepend(child, settingStart(firstToken(childRegion), compact));
        } else if (before != null && before.containsComment()) {
          document.prepend(child, KEEP_LINES); // comments above: keep the author's blank lines (at most one)
        } else if (isBlock || afterBlock) {
          document.prepend(child, BLANK_LINE); // a nested block stands apart from the settings around it
        } else {
          document.prepend(child, KEEP_LINES); // the author's grouping of settings: at most one blank line
        }
      }
      document.format(child);
    }
  }

  /**
   * The space before a setting: one space in a one-line block; a line break after the opening brace
   * (the brace's own rule, so the two agree); elsewhere a line break keeping the author's blank line.
   *
   * @param first the setting's first token
   */
  private static Procedure1<IHiddenRegionFormatter> settingStart(ISemanticRegion first, boolean compact) {
    if (compact) {
      return ONE_SPACE_HIGH;
    }
    ISemanticRegion previous = first == null ? null : first.getPreviousSemanticRegion();
    return previous != null && "{".equals(previous.getText()) ? NEW_LINE : KEEP_LINES;
  }

  private static ISemanticRegion firstToken(IEObjectRegion region) {
    return region.getPreviousHiddenRegion() == null ? null : region.getPreviousHiddenRegion().getNextSemanticRegion();
  }

  /**
   * A block written on one line ({@code module PMd { units 24 }}) stays on one line, its settings one
   * space apart, if it holds no comment and no nested block and, with one space between all its
   * tokens, fits in {@link #LINE_LENGTH} columns at its indentation.
   */
  private static boolean isCompactBlock(IEObjectRegion region) {
    if (region == null) {
      return false;
    }
    ISemanticRegion open = region.getRegionFor().keyword("{");
    ISemanticRegion close = region.getRegionFor().keyword("}");
    if (open == null || close == null) {
      return false;
    }
    for (IHiddenRegion hidden = open.getNextHiddenRegion(); hidden != null && hidden.getOffset() < close.getOffset();
        hidden = hidden.getNextSemanticRegion() == null ? null : hidden.getNextSemanticRegion().getNextHiddenRegion()) {
      if (hidden.isMultiline() || hidden.containsComment()) {
        return false;
      }
    }
    for (EObject child : region.getSemanticElement().eContents()) {
      if (hasBraces(child)) {
        return false;
      }
    }
    int depth = 0;
    for (EObject container = region.getSemanticElement().eContainer(); container != null
        && !(container instanceof Model); container = container.eContainer()) {
      depth++;
    }
    // The line's length if every token had one space after it: at least the formatted length, and
    // independent of the whitespace written, so formatting twice decides the same.
    int length = -1;
    for (ISemanticRegion token : region.getAllSemanticRegions()) {
      length += token.getLength() + 1;
    }
    return 2 * depth + length <= LINE_LENGTH;
  }

  /** Whether an element is (or holds) a block: its text has a brace. */
  private static boolean hasBraces(EObject object) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(object);
    return node != null && node.getText().contains("{");
  }

  /** Every token of the object: one space on each side, unless something more specific applies. */
  private void defaultSpacing(EObject object, IFormattableDocument document) {
    IEObjectRegion region = textRegionExtensions.regionForEObject(object);
    if (region == null) {
      return;
    }
    for (ISemanticRegion token : region.getSemanticRegions()) {
      document.surround(token, ONE_SPACE_LOW);
    }
  }

  private boolean startsSetting(IEObjectRegion childRegion) {
    EObject element = childRegion.getGrammarElement();
    if (element instanceof RuleCall && element.eContainer() instanceof Assignment) {
      return blockSettings.isSettingStart(element.eContainer());
    }
    return blockSettings.isSettingStart(element);
  }

  private static boolean rangeHasUnitOnLowerEnd(EObject object) {
    if (!(object instanceof Range) || ((Range) object).getMin() == null) {
      return false;
    }
    String unit = ((Range) object).getMin().getUnit();
    return unit != null && !"bin".equals(unit);
  }
}

package org.motorlearn.dsl.formatting2;

import java.util.List;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.internal.MultilineCommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.ILineRegion;
import org.eclipse.xtext.formatting2.regionaccess.ITextSegment;

/**
 * A {@code /* ... * /} or {@code /** ... * /} comment re-indented with the code around it: every inner
 * line starts with the indentation, {@code " * "} and the line's text; an empty line is just
 * {@code " *"} (Xtext's own replacer leaves a trailing space there). A comment that stood on its own
 * line still does; one at the very start of the file stays there.
 */
final class BlockCommentReplacer extends MultilineCommentReplacer {

  private static final char PREFIX = '*';

  BlockCommentReplacer(IComment comment) {
    super(comment, PREFIX);
  }

  @Override
  public void configureWhitespace(WhitespaceReplacer leading, WhitespaceReplacer trailing) {
    super.configureWhitespace(leading, trailing);
    if (leading.getRegion().getOffset() == 0) {
      leading.getFormatting().setSpace("");
      leading.getFormatting().setNewLinesMin(0);
      leading.getFormatting().setNewLinesDefault(0);
      leading.getFormatting().setNewLinesMax(0);
    } else if (leading.getRegion().getText().contains("\n")) {
      enforceNewLine(leading);
    }
    if (trailing.getRegion().getText().contains("\n")) {
      enforceNewLine(trailing);
    }
  }

  @Override
  public ITextReplacerContext createReplacements(ITextReplacerContext context) {
    IComment comment = getComment();
    List<ILineRegion> lines = comment.getLineRegions();
    if (!comment.isMultiline() || lines.size() < 2) {
      return context;
    }
    String indentation = context.getIndentationString();
    String firstIndentation = lines.get(0).getIndentation().getText();
    for (ILineRegion line : lines.subList(1, lines.size() - 1)) {
      String text = line.getText();
      // what goes: the whitespace and the "*" (and one space after it) before the line's text
      int cut = prefixEnd(text);
      if (cut < 0) {
        cut = text.startsWith(firstIndentation) ? firstIndentation.length() : 0;
      }
      boolean empty = text.substring(cut).isBlank();
      ITextSegment target = comment.getTextRegionAccess().regionForOffset(line.getOffset(), empty ? text.length() : cut);
      context.addReplacement(target.replaceWith(indentation + " " + PREFIX + (empty ? "" : " ")));
    }
    ILineRegion last = lines.get(lines.size() - 1);
    context.addReplacement(last.getIndentation().replaceWith(indentation + " "));
    return context;
  }

  /** The end of a leading "*" and the one whitespace after it; -1 when the line does not start with "*". */
  private static int prefixEnd(String line) {
    int star = 0;
    while (star < line.length() && Character.isWhitespace(line.charAt(star))) {
      star++;
    }
    if (star == line.length() || line.charAt(star) != PREFIX) {
      return -1;
    }
    return star + 1 < line.length() && Character.isWhitespace(line.charAt(star + 1)) ? star + 2 : star + 1;
  }
}

package org.motorlearn.dsl.formatting2;

import java.util.List;
import org.eclipse.xtext.formatting2.ITextReplacerContext;
import org.eclipse.xtext.formatting2.internal.MultilineCommentReplacer;
import org.eclipse.xtext.formatting2.internal.WhitespaceReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
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
    // The comment's own lines, blank ones included (Xtext's getLineRegions() skips empty lines).
    String[] lines = comment.getText().split("\n", -1);
    if (!comment.isMultiline() || lines.length < 2) {
      return context;
    }
    String indentation = context.getIndentationString();
    String firstIndentation = comment.getLineRegions().get(0).getIndentation().getText();
    dropCarriageReturn(context, comment, comment.getOffset(), lines[0]);
    int offset = comment.getOffset() + lines[0].length() + 1;
    for (int i = 1; i < lines.length - 1; i++) {
      String text = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      // what goes: the whitespace and the "*" (and one space after it) before the line's text
      int cut = prefixEnd(text);
      if (cut < 0) {
        cut = text.startsWith(firstIndentation) ? firstIndentation.length() : 0;
      }
      boolean empty = text.substring(cut).isBlank();
      ITextSegment target = comment.getTextRegionAccess().regionForOffset(offset, empty ? text.length() : cut);
      context.addReplacement(target.replaceWith(indentation + " " + PREFIX + (empty ? "" : " ")));
      dropCarriageReturn(context, comment, offset, lines[i]);
      offset += lines[i].length() + 1;
    }
    String last = lines[lines.length - 1];
    int lastIndentation = last.length() - last.stripLeading().length();
    context.addReplacement(comment.getTextRegionAccess().regionForOffset(offset, lastIndentation).replaceWith(indentation + " "));
    return context;
  }

  /** The formatter ends lines with "\n"; a comment's lines do too (a file written on Windows had "\r\n"). */
  private static void dropCarriageReturn(ITextReplacerContext context, IComment comment, int lineOffset, String line) {
    if (line.endsWith("\r")) {
      context.addReplacement(comment.getTextRegionAccess().regionForOffset(lineOffset + line.length() - 1, 1).replaceWith(""));
    }
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

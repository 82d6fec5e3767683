package org.motorlearn.dsl.ui.editor;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;

/** The editor's text styles: one place, so lexical and semantic colouring agree. */
public final class SpecColors {
  public static final String KEYWORD = "keyword";
  public static final String UNIT = "unit";
  public static final String NUMBER = "number";
  public static final String COMMENT = "comment";
  public static final String STRING = "string";
  public static final String DECLARATION = "declaration";
  public static final String REFERENCE = "reference";

  private final Map<String, TextAttribute> attributes = new HashMap<>();

  public SpecColors() {
    define(KEYWORD, new RGB(127, 0, 85), SWT.BOLD);
    define(UNIT, new RGB(0, 128, 128), SWT.NORMAL);
    define(NUMBER, new RGB(0, 0, 192), SWT.NORMAL);
    define(COMMENT, new RGB(63, 127, 95), SWT.NORMAL);
    define(STRING, new RGB(42, 0, 255), SWT.NORMAL);
    define(DECLARATION, new RGB(0, 0, 0), SWT.BOLD);
    define(REFERENCE, new RGB(0, 80, 160), SWT.ITALIC);
  }

  private void define(String key, RGB rgb, int style) {
    // Color no longer needs disposing (SWT >= 3.115), so a plain instance per style is enough.
    attributes.put(key, new TextAttribute(new Color(rgb), null, style));
  }

  public TextAttribute attribute(String key) {
    return attributes.get(key);
  }
}

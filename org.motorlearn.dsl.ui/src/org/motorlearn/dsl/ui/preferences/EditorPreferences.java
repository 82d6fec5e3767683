package org.motorlearn.dsl.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.graphics.RGB;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/** Preference keys of the MotorLearn editor and launcher, with their defaults. */
public final class EditorPreferences extends AbstractPreferenceInitializer {
  public static final String MATCHING_BRACKETS = "matchingBrackets";
  public static final String MATCHING_BRACKETS_COLOR = "matchingBracketsColor";
  public static final String HIGHLIGHT_BRACKET_AT_CARET = "highlightBracketAtCaretLocation";
  public static final String ENCLOSING_BRACKETS = "enclosingBrackets";
  /** Class path of the MotorLearn command line (org.motorlearn.dsl.cli.Main); empty: see CliClasspath. */
  public static final String CLI_CLASSPATH = "cliClasspath";
  /** Extra JVM options of experiment runs, e.g. -Xmx8g. */
  public static final String RUN_VM_ARGUMENTS = "runVmArguments";
  /** Generate Java into the project's src-gen folder whenever a spec without errors is saved. */
  public static final String GENERATE_ON_SAVE = "generateOnSave";

  @Override
  public void initializeDefaultPreferences() {
    IPreferenceStore store = MotorLearnUiPlugin.getDefault().getPreferenceStore();
    store.setDefault(MATCHING_BRACKETS, true);
    PreferenceConverter.setDefault(store, MATCHING_BRACKETS_COLOR, new RGB(128, 128, 128));
    store.setDefault(HIGHLIGHT_BRACKET_AT_CARET, true);
    store.setDefault(ENCLOSING_BRACKETS, false);
    store.setDefault(CLI_CLASSPATH, "");
    store.setDefault(RUN_VM_ARGUMENTS, "-Xmx4g");
    store.setDefault(GENERATE_ON_SAVE, true);
  }
}

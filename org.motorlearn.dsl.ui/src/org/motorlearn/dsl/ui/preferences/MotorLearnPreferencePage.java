package org.motorlearn.dsl.ui.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/** Window > Preferences > MotorLearn: where the command line is, how runs start, generation on save. */
public final class MotorLearnPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

  public MotorLearnPreferencePage() {
    super(GRID);
    setDescription("Experiments run in a separate Java process with the MotorLearn command line "
        + "(org.motorlearn.dsl.cli.Main). ./motorlearn studio configures it; in another Eclipse, paste the "
        + "contents of org.motorlearn.dsl.ide/target/motorlearn.classpath of a built MotorLearn checkout.");
  }

  @Override
  public void init(IWorkbench workbench) {
    setPreferenceStore(MotorLearnUiPlugin.getDefault().getPreferenceStore());
  }

  @Override
  protected void createFieldEditors() {
    addField(new StringFieldEditor(EditorPreferences.CLI_CLASSPATH, "Command line class path:", getFieldEditorParent()));
    addField(new StringFieldEditor(EditorPreferences.RUN_VM_ARGUMENTS, "Java options of runs:", getFieldEditorParent()));
    addField(new BooleanFieldEditor(EditorPreferences.GENERATE_ON_SAVE,
        "Generate Java into src-gen when a spec without errors is saved", getFieldEditorParent()));
  }
}

package org.motorlearn.dsl.ui.preferences;

import org.eclipse.ui.texteditor.templates.TemplatePreferencePage;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/** Window > Preferences > MotorLearn > Templates: view, edit and add the editor's templates. */
public final class TemplatesPreferencePage extends TemplatePreferencePage {

  public TemplatesPreferencePage() {
    MotorLearnUiPlugin plugin = MotorLearnUiPlugin.getDefault();
    setPreferenceStore(plugin.getPreferenceStore());
    setTemplateStore(plugin.templateStore());
    setContextTypeRegistry(plugin.templateContextTypes());
  }

  @Override
  protected boolean isShowFormatterSetting() {
    return false;
  }
}

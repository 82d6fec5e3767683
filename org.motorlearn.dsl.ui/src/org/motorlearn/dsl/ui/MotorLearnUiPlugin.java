package org.motorlearn.dsl.ui;

import java.io.IOException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.templates.ContextTypeRegistry;
import org.eclipse.ui.editors.text.templates.ContributionContextTypeRegistry;
import org.eclipse.ui.editors.text.templates.ContributionTemplateStore;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The bundle's activator: preferences, templates and one place for logging. */
public final class MotorLearnUiPlugin extends AbstractUIPlugin {
  public static final String PLUGIN_ID = "org.motorlearn.dsl.ui";
  private static final String TEMPLATES_KEY = PLUGIN_ID + ".customTemplates";

  private static MotorLearnUiPlugin instance;
  private ContributionContextTypeRegistry contextTypes;
  private ContributionTemplateStore templateStore;

  @Override
  public void start(BundleContext context) throws Exception {
    super.start(context);
    instance = this;
  }

  @Override
  public void stop(BundleContext context) throws Exception {
    instance = null;
    super.stop(context);
  }

  public static MotorLearnUiPlugin getDefault() {
    return instance;
  }

  public synchronized ContextTypeRegistry templateContextTypes() {
    if (contextTypes == null) {
      contextTypes = new ContributionContextTypeRegistry(PLUGIN_ID + ".templates");
    }
    return contextTypes;
  }

  public synchronized ContributionTemplateStore templateStore() {
    if (templateStore == null) {
      templateStore = new ContributionTemplateStore(
          (ContributionContextTypeRegistry) templateContextTypes(), getPreferenceStore(), TEMPLATES_KEY);
      try {
        templateStore.load();
      } catch (IOException e) {
        log(IStatus.ERROR, "MotorLearn templates could not be loaded: " + e.getMessage(), e);
      }
    }
    return templateStore;
  }

  public static void log(int severity, String message, Throwable error) {
    ILog.of(MotorLearnUiPlugin.class).log(new Status(severity, PLUGIN_ID, message, error));
  }
}

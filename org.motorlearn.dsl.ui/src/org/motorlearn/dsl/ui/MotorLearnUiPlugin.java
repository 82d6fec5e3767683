package org.motorlearn.dsl.ui;

import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/** The bundle's activator: gives the editor, launcher and views one shared place for logging. */
public final class MotorLearnUiPlugin extends AbstractUIPlugin {
  public static final String PLUGIN_ID = "org.motorlearn.dsl.ui";

  private static MotorLearnUiPlugin instance;

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
}

package org.motorlearn.dsl.ui;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;
import org.motorlearn.dsl.ui.runs.RunsView;

/**
 * The MotorLearn perspective (MotorLearn Studio opens in it): projects on the left, the spec and its
 * outline in the middle, problems, runs, console and progress below.
 */
public final class MotorLearnPerspective implements IPerspectiveFactory {
  public static final String ID = MotorLearnUiPlugin.PLUGIN_ID + ".perspective";
  private static final String NEW_EXPERIMENT = MotorLearnUiPlugin.PLUGIN_ID + ".newExperiment";

  @Override
  public void createInitialLayout(IPageLayout layout) {
    String editors = layout.getEditorArea();
    IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editors);
    left.addView(IPageLayout.ID_PROJECT_EXPLORER);
    IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.66f, editors);
    bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
    bottom.addView(RunsView.ID);
    bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
    bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
    layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.75f, editors);

    layout.addNewWizardShortcut(NEW_EXPERIMENT);
    layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
    layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
    layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
    for (String view : new String[] {IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.ID_OUTLINE,
        IPageLayout.ID_PROBLEM_VIEW, RunsView.ID, IConsoleConstants.ID_CONSOLE_VIEW, IPageLayout.ID_PROGRESS_VIEW}) {
      layout.addShowViewShortcut(view);
    }
    layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
  }
}

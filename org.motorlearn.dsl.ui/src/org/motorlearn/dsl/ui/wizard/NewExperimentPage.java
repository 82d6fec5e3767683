package org.motorlearn.dsl.ui.wizard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;

/** Where the new spec goes and what it starts from. */
public final class NewExperimentPage extends WizardNewFileCreationPage {
  private StartingPoint startingPoint = StartingPoint.QUICKSTART;

  NewExperimentPage(IStructuredSelection selection) {
    super("newExperiment", selection);
    setTitle("New MotorLearn Experiment");
    setDescription("Create a *.motor experiment specification from a starting point.");
    setFileExtension("motor");
    setFileName("reaching.motor");
  }

  @Override
  public void createControl(Composite parent) {
    super.createControl(parent);
    Composite control = (Composite) getControl();
    Group group = new Group(control, SWT.NONE);
    group.setText("Start from");
    group.setLayout(new GridLayout(1, false));
    GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
    for (StartingPoint point : StartingPoint.values()) {
      Button button = new Button(group, SWT.RADIO);
      button.setText(point.label());
      button.setData(point);
      button.setSelection(point == startingPoint);
      button.addListener(SWT.Selection, event -> {
        if (button.getSelection()) {
          startingPoint = point;
        }
      });
      Label description = new Label(group, SWT.WRAP);
      description.setText(point.description());
      GridDataFactory.fillDefaults().grab(true, false).indent(20, 0).hint(400, SWT.DEFAULT).applyTo(description);
    }
  }

  public StartingPoint startingPoint() {
    return startingPoint;
  }

  /** Chooses the starting point, as clicking its radio button does. */
  public void setStartingPoint(StartingPoint point) {
    startingPoint = point;
    for (org.eclipse.swt.widgets.Control group : ((Composite) getControl()).getChildren()) {
      if (group instanceof Group) {
        for (org.eclipse.swt.widgets.Control child : ((Group) group).getChildren()) {
          if (child instanceof Button button) {
            button.setSelection(button.getData() == point);
          }
        }
      }
    }
  }

  @Override
  protected InputStream getInitialContents() {
    String text = startingPoint.text(StartingPoint.experimentName(getFileName()));
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}

package org.motorlearn.dsl.ui.generate;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IOutputConfigurationProvider;
import org.eclipse.xtext.generator.OutputConfiguration;
import org.eclipse.xtext.util.CancelIndicator;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;
import org.motorlearn.dsl.ui.language.SpecAnalysis;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;
import org.motorlearn.dsl.ui.language.SpecUris;
import org.motorlearn.dsl.ui.preferences.EditorPreferences;

/**
 * Generation on save: the language's generator writes the experiment's Java into the project's
 * src-gen folder, readable, for users who want to study what a spec means in code. Specs with
 * errors are not generated (their problems are already in the editor and the Problems view).
 */
public final class GenerateOnSave {
  public static final String JOB_FAMILY = MotorLearnUiPlugin.PLUGIN_ID + ".generate";

  private GenerateOnSave() {
  }

  public static void schedule(IFile spec) {
    if (!MotorLearnUiPlugin.getDefault().getPreferenceStore().getBoolean(EditorPreferences.GENERATE_ON_SAVE)) {
      return;
    }
    WorkspaceJob job = new WorkspaceJob("Generating Java for " + spec.getName()) {
      @Override
      public IStatus runInWorkspace(IProgressMonitor monitor) {
        return generate(spec, monitor);
      }

      @Override
      public boolean belongsTo(Object family) {
        return JOB_FAMILY.equals(family);
      }
    };
    job.setRule(spec.getProject());
    job.schedule();
  }

  /** Generates synchronously; the caller must hold the project's scheduling rule. */
  public static IStatus generate(IFile spec, IProgressMonitor monitor) {
    try (java.io.InputStream in = spec.getContents(true)) {
      String text = new String(in.readAllBytes(), spec.getCharset());
      SpecAnalysis analysis = SpecAnalyzer.analyse(SpecUris.of(spec), text);
      if (analysis.hasErrors()) {
        return Status.OK_STATUS;
      }
      WorkspaceFileSystemAccess fsa = new WorkspaceFileSystemAccess(spec.getProject(), monitor);
      Map<String, OutputConfiguration> outputs = new HashMap<>();
      for (OutputConfiguration output : MotorLearnLanguage.get(IOutputConfigurationProvider.class)
          .getOutputConfigurations()) {
        outputs.put(output.getName(), output);
      }
      fsa.setOutputConfigurations(outputs);
      GeneratorContext context = new GeneratorContext();
      context.setCancelIndicator(monitor == null ? CancelIndicator.NullImpl : monitor::isCanceled);
      MotorLearnLanguage.get(GeneratorDelegate.class).generate(analysis.resource(), fsa, context);
      return Status.OK_STATUS;
    } catch (Exception e) {
      return new Status(IStatus.ERROR, MotorLearnUiPlugin.PLUGIN_ID,
          "Generating Java for " + spec.getFullPath() + " failed: " + e.getMessage(), e);
    }
  }
}

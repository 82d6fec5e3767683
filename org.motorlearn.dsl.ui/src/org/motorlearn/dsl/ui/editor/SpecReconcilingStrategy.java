package org.motorlearn.dsl.ui.editor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.motorlearn.dsl.ui.language.SpecAnalysis;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;

/**
 * Runs on the reconciler's background thread a moment after each edit: parses and validates the
 * whole spec (they are small) and hands the result to the editor, which updates markers, outline
 * and semantic highlighting.
 */
final class SpecReconcilingStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
  private final MotorLearnEditor editor;
  private IDocument document;
  private IProgressMonitor monitor;

  SpecReconcilingStrategy(MotorLearnEditor editor) {
    this.editor = editor;
  }

  @Override
  public void setDocument(IDocument document) {
    this.document = document;
  }

  @Override
  public void setProgressMonitor(IProgressMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void initialReconcile() {
    reconcile();
  }

  @Override
  public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
    reconcile();
  }

  @Override
  public void reconcile(IRegion partition) {
    reconcile();
  }

  private void reconcile() {
    IDocument current = document;
    if (current == null) {
      return;
    }
    String text = current.get();
    CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
    SpecAnalysis analysis = SpecAnalyzer.analyse(editor.specUri(), text, cancel);
    if (!cancel.isCanceled()) {
      editor.publish(analysis);
    }
  }
}

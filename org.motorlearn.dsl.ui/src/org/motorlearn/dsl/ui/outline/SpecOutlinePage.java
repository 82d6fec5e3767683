package org.motorlearn.dsl.ui.outline;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.language.SpecAnalysis;

/**
 * The Outline view of a spec: imports, experiments, networks with their modules, inputs, connections
 * and readouts, phases, analyses and sweeps. Refreshed after every analysis; selecting an entry
 * selects its text in the editor.
 */
public final class SpecOutlinePage extends ContentOutlinePage {
  private final MotorLearnEditor editor;
  private final Consumer<SpecAnalysis> refresher = this::show;
  private final ISelectionChangedListener reveal = event -> reveal((IStructuredSelection) event.getSelection());

  public SpecOutlinePage(MotorLearnEditor editor) {
    this.editor = editor;
  }

  @Override
  public void createControl(Composite parent) {
    super.createControl(parent);
    TreeViewer viewer = getTreeViewer();
    viewer.setContentProvider(new ContentProvider());
    viewer.setLabelProvider(new LabelProvider() {
      @Override
      public String getText(Object element) {
        return Outlines.header((EObject) element);
      }
    });
    viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
    viewer.addSelectionChangedListener(reveal);
    editor.addAnalysisListener(refresher);
    if (editor.analysis() != null) {
      show(editor.analysis());
    }
  }

  @Override
  public void dispose() {
    editor.removeAnalysisListener(refresher);
    super.dispose();
  }

  private void show(SpecAnalysis analysis) {
    TreeViewer viewer = getTreeViewer();
    if (viewer == null || viewer.getControl().isDisposed()) {
      return;
    }
    viewer.setInput(analysis.model());
    viewer.expandAll();
  }

  /** The labels currently shown, depth first (for tests). */
  public List<String> labels() {
    java.util.ArrayList<String> labels = new java.util.ArrayList<>();
    Object input = getTreeViewer() == null ? null : getTreeViewer().getInput();
    if (input instanceof Model model) {
      collect(model, labels);
    }
    return labels;
  }

  private static void collect(EObject element, List<String> labels) {
    for (EObject child : Outlines.children(element)) {
      labels.add(Outlines.header(child));
      collect(child, labels);
    }
  }

  private void reveal(IStructuredSelection selection) {
    if (selection.getFirstElement() instanceof EObject element) {
      ICompositeNode node = NodeModelUtils.getNode(element);
      if (node != null) {
        int start = node.getOffset();
        String text = editor.document().get();
        int lineEnd = text.indexOf('\n', start);
        int end = Math.min(start + node.getLength(), lineEnd < 0 ? text.length() : lineEnd);
        editor.selectAndReveal(start, Math.max(0, end - start));
      }
    }
  }

  private static final class ContentProvider implements ITreeContentProvider {
    @Override
    public Object[] getElements(Object input) {
      return input instanceof EObject element ? Outlines.children(element).toArray() : new Object[0];
    }

    @Override
    public Object[] getChildren(Object parent) {
      return Outlines.children((EObject) parent).toArray();
    }

    @Override
    public Object getParent(Object element) {
      return ((EObject) element).eContainer();
    }

    @Override
    public boolean hasChildren(Object element) {
      return !Outlines.children((EObject) element).isEmpty();
    }
  }
}

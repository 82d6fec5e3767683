package org.motorlearn.dsl.ui.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;
import org.motorlearn.dsl.ui.generate.GenerateOnSave;
import org.motorlearn.dsl.ui.language.SpecAnalysis;
import org.motorlearn.dsl.ui.language.SpecUris;
import org.motorlearn.dsl.ui.outline.SpecOutlinePage;
import org.motorlearn.dsl.ui.preferences.EditorPreferences;

/**
 * The MotorLearn spec editor: the platform text editor with the language's services plugged in
 * (colouring, validation as you type, content assist, hover, outline, formatting, quick fixes,
 * bracket matching). The newest parse of the text is published to listeners (outline, tests).
 */
public class MotorLearnEditor extends TextEditor {
  public static final String ID = MotorLearnUiPlugin.PLUGIN_ID + ".editor";
  public static final String CONTEXT_ID = MotorLearnUiPlugin.PLUGIN_ID + ".editorScope";

  // Created in initializeEditor(), which the super constructor calls before field initialisers run.
  private SpecColors colors;
  private final List<Consumer<SpecAnalysis>> listeners = new CopyOnWriteArrayList<>();
  private volatile SpecAnalysis analysis;
  private SemanticHighlighter semanticHighlighter;
  private SpecOutlinePage outlinePage;

  @Override
  protected void initializeEditor() {
    super.initializeEditor();
    IPreferenceStore store = new ChainedPreferenceStore(new IPreferenceStore[] {
        MotorLearnUiPlugin.getDefault().getPreferenceStore(), EditorsUI.getPreferenceStore()});
    setPreferenceStore(store);
    colors = new SpecColors();
    setSourceViewerConfiguration(new MotorLearnSourceViewerConfiguration(this, colors, store));
    setKeyBindingScopes(new String[] {CONTEXT_ID});
  }

  @Override
  public void createPartControl(Composite parent) {
    super.createPartControl(parent);
    semanticHighlighter = new SemanticHighlighter(getSourceViewer(), colors);
    semanticHighlighter.install();
  }

  @Override
  protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
    support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(new char[] {'{', '}', '(', ')'},
        Partitions.PARTITIONING, true));
    support.setMatchingCharacterPainterPreferenceKeys(EditorPreferences.MATCHING_BRACKETS,
        EditorPreferences.MATCHING_BRACKETS_COLOR, EditorPreferences.HIGHLIGHT_BRACKET_AT_CARET,
        EditorPreferences.ENCLOSING_BRACKETS);
    super.configureSourceViewerDecorationSupport(support);
  }

  @Override
  protected void doSetInput(IEditorInput input) throws org.eclipse.core.runtime.CoreException {
    super.doSetInput(input);
    IDocument document = getDocumentProvider() == null ? null : getDocumentProvider().getDocument(input);
    if (document != null) {
      // Files opened from outside the workspace bypass the file buffer set-up participant.
      Partitions.install(document);
    }
  }

  @Override
  public void doSave(IProgressMonitor monitor) {
    super.doSave(monitor);
    IFile file = file();
    if (file != null) {
      GenerateOnSave.schedule(file);
    }
  }

  @Override
  public <T> T getAdapter(Class<T> type) {
    if (IContentOutlinePage.class.equals(type)) {
      if (outlinePage == null || outlinePage.getControl() == null || outlinePage.getControl().isDisposed()) {
        outlinePage = new SpecOutlinePage(this);
      }
      return type.cast(outlinePage);
    }
    return super.getAdapter(type);
  }

  /** The workspace file being edited, or null for files outside the workspace. */
  public IFile file() {
    return getEditorInput() instanceof IFileEditorInput input ? input.getFile() : null;
  }

  public URI specUri() {
    return SpecUris.of(getEditorInput());
  }

  public IDocument document() {
    return getDocumentProvider().getDocument(getEditorInput());
  }

  public ISourceViewer viewer() {
    return getSourceViewer();
  }

  /** The viewer configuration (content assist, hover, quick assist) of this editor. */
  public org.eclipse.jface.text.source.SourceViewerConfiguration sourceViewerConfiguration() {
    return getSourceViewerConfiguration();
  }

  /** The language's content assist entries at {@code offset} of {@code text}. */
  public List<org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry> contentAssistEntries(String text,
      int offset) {
    return new org.motorlearn.dsl.ui.contentassist.SpecContentAssistProcessor(this).entries(text, offset);
  }

  /** The newest parse and validation of the text, or null before the first one finished. */
  public SpecAnalysis analysis() {
    return analysis;
  }

  /** Listeners are called on the UI thread after each analysis whose text is still current. */
  public void addAnalysisListener(Consumer<SpecAnalysis> listener) {
    listeners.add(listener);
  }

  public void removeAnalysisListener(Consumer<SpecAnalysis> listener) {
    listeners.remove(listener);
  }

  /** Called by the reconciler (background thread) with a fresh analysis. */
  void publish(SpecAnalysis fresh) {
    IFile file = file();
    if (file != null) {
      ProblemMarkers.schedule(file, fresh.issues());
    }
    List<SemanticRegions.Region> regions = SemanticRegions.compute(fresh.resource());
    Display display = Display.getDefault();
    display.asyncExec(() -> {
      ISourceViewer viewer = getSourceViewer();
      if (viewer == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()) {
        return;
      }
      if (!fresh.text().equals(viewer.getDocument().get())) {
        return; // stale: the user typed on; the next reconcile brings a fresh analysis
      }
      analysis = fresh;
      semanticHighlighter.update(regions);
      for (Consumer<SpecAnalysis> listener : listeners) {
        listener.accept(fresh);
      }
    });
  }

  /** The hover text at {@code offset} of the newest analysis, as the editor shows it on code. */
  public String hoverText(int offset) {
    return SpecTextHover.at(this, offset);
  }

  /** The regions currently given semantic styles (for tests and diagnostics). */
  public List<SemanticRegions.Region> semanticRegions() {
    return semanticHighlighter == null ? List.of() : semanticHighlighter.regions();
  }
}

package org.motorlearn.dsl.ui.editor;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.motorlearn.dsl.ui.contentassist.SpecContentAssistProcessor;
import org.motorlearn.dsl.ui.quickfix.SpecQuickAssistProcessor;

/** Wires the language's services into the platform's source viewer. */
final class MotorLearnSourceViewerConfiguration extends TextSourceViewerConfiguration {
  private static final int RECONCILE_DELAY_MS = 300;

  private final MotorLearnEditor editor;
  private final SpecColors colors;

  MotorLearnSourceViewerConfiguration(MotorLearnEditor editor, SpecColors colors, IPreferenceStore store) {
    super(store);
    this.editor = editor;
    this.colors = colors;
  }

  @Override
  public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
    return Partitions.PARTITIONING;
  }

  @Override
  public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
    return Partitions.CONTENT_TYPES.clone();
  }

  @Override
  public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
    PresentationReconciler reconciler = new PresentationReconciler();
    reconciler.setDocumentPartitioning(Partitions.PARTITIONING);
    install(reconciler, new DefaultDamagerRepairer(new SpecTokenScanner(colors)), IDocument.DEFAULT_CONTENT_TYPE);
    install(reconciler, new DefaultDamagerRepairer(uniform(SpecColors.COMMENT)), Partitions.COMMENT);
    install(reconciler, new DefaultDamagerRepairer(uniform(SpecColors.STRING)), Partitions.STRING);
    return reconciler;
  }

  private static void install(PresentationReconciler reconciler, DefaultDamagerRepairer dr, String contentType) {
    reconciler.setDamager(dr, contentType);
    reconciler.setRepairer(dr, contentType);
  }

  private RuleBasedScanner uniform(String style) {
    RuleBasedScanner scanner = new RuleBasedScanner();
    scanner.setDefaultReturnToken(new Token(colors.attribute(style)));
    return scanner;
  }

  @Override
  public IReconciler getReconciler(ISourceViewer sourceViewer) {
    MonoReconciler reconciler = new MonoReconciler(new SpecReconcilingStrategy(editor), false);
    reconciler.setDelay(RECONCILE_DELAY_MS);
    return reconciler;
  }

  @Override
  public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
    ContentAssistant assistant = new ContentAssistant();
    assistant.setDocumentPartitioning(Partitions.PARTITIONING);
    assistant.setContentAssistProcessor(new SpecContentAssistProcessor(editor), IDocument.DEFAULT_CONTENT_TYPE);
    assistant.enableAutoActivation(true);
    assistant.setAutoActivationDelay(300);
    assistant.enableAutoInsert(true);
    assistant.setShowEmptyList(true);
    assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
    return assistant;
  }

  @Override
  public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
    QuickAssistAssistant assistant = new QuickAssistAssistant();
    assistant.setQuickAssistProcessor(new SpecQuickAssistProcessor(editor));
    assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
    return assistant;
  }

  @Override
  public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
    return new SpecTextHover(editor, sourceViewer);
  }

  @Override
  public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
    return new String[] {"//", ""};
  }
}

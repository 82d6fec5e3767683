package org.motorlearn.dsl.ui.contentassist;

import com.google.common.util.concurrent.MoreExecutors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;
import org.motorlearn.dsl.ui.language.SpecAnalyzer;

/**
 * Content assist from the language's generic IDE services (the same proposals the language server
 * gives): keywords valid at the caret and the names in scope (modules after {@code connect}, phases
 * after {@code from}, ...), followed by the editor's templates.
 */
public final class SpecContentAssistProcessor implements IContentAssistProcessor {
  private final MotorLearnEditor editor;
  private final SpecTemplateProcessor templates = new SpecTemplateProcessor();
  private String errorMessage;

  public SpecContentAssistProcessor(MotorLearnEditor editor) {
    this.editor = editor;
  }

  @Override
  public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
    errorMessage = null;
    List<ICompletionProposal> proposals = new ArrayList<>();
    List<ContentAssistEntry> entries = entries(viewer.getDocument().get(), offset);
    templates.setAcceptedKeywords(entries.stream().filter(e -> ContentAssistEntry.KIND_KEYWORD.equals(e.getKind()))
        .map(ContentAssistEntry::getProposal).collect(java.util.stream.Collectors.toSet()));
    for (ContentAssistEntry entry : entries) {
      String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
      int start = offset - prefix.length();
      String label = entry.getLabel() != null ? entry.getLabel() : entry.getProposal();
      String display = entry.getDescription() == null ? label : label + " - " + entry.getDescription();
      String documentation = entry.getDocumentation();
      proposals.add(new CompletionProposal(entry.getProposal(), start, prefix.length(),
          entry.getProposal().length(), null, display, null, documentation));
    }
    proposals.addAll(Arrays.asList(templates.computeCompletionProposals(viewer, offset)));
    if (proposals.isEmpty()) {
      errorMessage = "No MotorLearn proposals here";
    }
    return proposals.toArray(ICompletionProposal[]::new);
  }

  /** The language's proposals at {@code offset} of {@code text}, de-duplicated, best first. */
  public List<ContentAssistEntry> entries(String text, int offset) {
    XtextResource resource = SpecAnalyzer.parse(editor.specUri(), text);
    ContentAssistContextFactory factory = MotorLearnLanguage.get(ContentAssistContextFactory.class);
    factory.setPool(MoreExecutors.newDirectExecutorService());
    ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
    IdeContentProposalAcceptor acceptor = MotorLearnLanguage.get(IdeContentProposalAcceptor.class);
    MotorLearnLanguage.get(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
    Map<String, ContentAssistEntry> unique = new LinkedHashMap<>();
    for (ContentAssistEntry entry : acceptor.getEntries()) {
      unique.putIfAbsent(entry.getProposal(), entry);
    }
    return new ArrayList<>(unique.values());
  }

  @Override
  public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
    return new IContextInformation[0];
  }

  @Override
  public char[] getCompletionProposalAutoActivationCharacters() {
    return new char[] {'.'};
  }

  @Override
  public char[] getContextInformationAutoActivationCharacters() {
    return new char[0];
  }

  @Override
  public String getErrorMessage() {
    return errorMessage;
  }

  @Override
  public IContextInformationValidator getContextInformationValidator() {
    return null;
  }
}

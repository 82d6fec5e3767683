package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;

class ContentAssistTest {

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void afterConnectTheModuleNamesAreProposed() throws Exception {
    String text = Specs.VALID.replace("    connect Upstream -> PMd\n", "    connect \n    connect Upstream -> PMd\n");
    IFile file = Workbench.file(Workbench.project("assist"), "assist.motor", text);
    MotorLearnEditor editor = Workbench.open(file);
    int offset = text.indexOf("connect \n") + "connect ".length();

    ISourceViewer viewer = editor.viewer();
    IContentAssistant assistant = editor.sourceViewerConfiguration().getContentAssistant(viewer);
    IContentAssistProcessor processor = assistant.getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE);
    ICompletionProposal[] proposals = processor.computeCompletionProposals(viewer, offset);
    Set<String> names = new TreeSet<>();
    for (ICompletionProposal proposal : proposals) {
      names.add(proposal.getDisplayString().split(" - ")[0]);
    }
    assertEquals(new TreeSet<>(Set.of("M1", "PMd", "Upstream")), names, "no keywords or templates after connect");

    Set<String> references = new TreeSet<>();
    for (ContentAssistEntry entry : editor.contentAssistEntries(text, offset)) {
      if (!ContentAssistEntry.KIND_KEYWORD.equals(entry.getKind())) {
        references.add(entry.getProposal());
      }
    }
    assertEquals(new TreeSet<>(Set.of("M1", "PMd", "Upstream")), references);

    ICompletionProposal pmd = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("PMd"))
        .findFirst().orElseThrow();
    editor.selectAndReveal(offset, 0);
    int shells = viewer.getTextWidget().getDisplay().getShells().length;
    ((ITextOperationTarget) viewer).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
    Workbench.waitUntil("the proposal popup",
        () -> Arrays.stream(viewer.getTextWidget().getDisplay().getShells()).filter(s -> s.isVisible()).count() > 1
            || viewer.getTextWidget().getDisplay().getShells().length > shells);
    Workbench.screenshot("content-assist-after-connect");
    pmd.apply(editor.document());
    assertTrue(editor.document().get().contains("connect PMd\n"), editor.document().get());
  }

  @Test
  void templatesAreOfferedWhereTheirKeywordIsAccepted() throws Exception {
    String text = Specs.VALID.replace("    module M1 {", "    mod\n    module M1 {");
    IFile file = Workbench.file(Workbench.project("templates"), "templates.motor", text);
    MotorLearnEditor editor = Workbench.open(file);
    int offset = text.indexOf("mod\n") + "mod".length();
    ISourceViewer viewer = editor.viewer();
    IContentAssistProcessor processor = editor.sourceViewerConfiguration().getContentAssistant(viewer)
        .getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE);
    ICompletionProposal template = Arrays.stream(processor.computeCompletionProposals(viewer, offset))
        .filter(p -> p.getDisplayString().startsWith("module - a module of rate units")).findFirst()
        .orElseThrow(() -> new AssertionError("no module template inside a network"));
    // Templates apply through the viewer (linked editing of their variables), as the popup does it.
    ((ICompletionProposalExtension2) template).apply(viewer, (char) 0, 0, offset);
    assertTrue(editor.document().get().contains("    module Name {\n      units 400\n"), editor.document().get());
  }
}

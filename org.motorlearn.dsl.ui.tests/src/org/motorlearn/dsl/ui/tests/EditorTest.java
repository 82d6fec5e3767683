package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.editor.SemanticRegions.Region;
import org.motorlearn.dsl.ui.editor.SpecColors;
import org.motorlearn.dsl.ui.editor.ToggleCommentHandler;
import org.motorlearn.dsl.ui.outline.SpecOutlinePage;

class EditorTest {
  private IProject project;

  @BeforeEach
  void createProject() throws Exception {
    project = Workbench.project("editor");
  }

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void invalidSpecHasMarkersOnTheLinesOfItsErrors() throws Exception {
    String text = """
        experiment Broken {
          network Cortex {
            module PMd {
              units 20
            }
            module M1 {
              units 20
            }
            connect PMd -> M2
            readout hand position (2) from M1
          }
          phase initial {
            plastic all
            updates = 5
          }
        }
        """;
    IFile file = Workbench.file(project, "broken.motor", text);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);

    List<IMarker> markers = Workbench.markers(file);
    IMarker linking = markers.stream().filter(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == 9).findFirst()
        .orElseThrow(() -> new AssertionError("no marker on line 9 (connect PMd -> M2): " + describe(markers)));
    assertEquals("unknown module 'M2'; did you mean 'M1'? known modules: PMd, M1",
        linking.getAttribute(IMarker.MESSAGE, ""));
    assertEquals(IMarker.SEVERITY_ERROR, linking.getAttribute(IMarker.SEVERITY, -1));
    assertEquals("M2", text.substring(linking.getAttribute(IMarker.CHAR_START, 0), linking.getAttribute(IMarker.CHAR_END, 0)));

    assertTrue(markers.stream().anyMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == 14
        && m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR),
        "no syntax error on line 14 (updates = 5): " + describe(markers));
    IDocument document = editor.document();
    for (IMarker marker : markers) {
      assertEquals(document.getLineOfOffset(marker.getAttribute(IMarker.CHAR_START, 0)) + 1,
          marker.getAttribute(IMarker.LINE_NUMBER, -1), "line of " + marker.getAttribute(IMarker.MESSAGE, ""));
    }
    Workbench.screenshot("editor-with-problems");
  }

  @Test
  void theTestSpecHasNoErrors() throws Exception {
    IFile file = Workbench.file(project, "valid.motor", Specs.VALID);
    Workbench.reconciled(Workbench.open(file));
    assertTrue(Workbench.markers(file).stream()
        .noneMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR), describe(Workbench.markers(file)));
  }

  @Test
  void fixingTheTextRemovesItsMarkers() throws Exception {
    IFile file = Workbench.file(project, "fixed.motor", Specs.VALID.replace("connect PMd -> M1", "connect PMd -> M7"));
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    assertTrue(Workbench.markers(file).stream()
        .anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").startsWith("unknown module 'M7'")),
        describe(Workbench.markers(file)));

    IDocument document = editor.document();
    document.replace(document.get().indexOf("M7"), 2, "M1");
    Workbench.reconciled(editor);
    assertTrue(Workbench.markers(file).stream()
        .noneMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("M7")), describe(Workbench.markers(file)));
  }

  @Test
  void namesAreHighlightedAsDeclarationsAndReferences() throws Exception {
    IFile file = Workbench.file(project, "names.motor", Specs.VALID);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    String text = Specs.VALID;
    int declaration = text.indexOf("PMd {");
    int reference = text.indexOf("PMd", text.indexOf("connect Upstream -> "));
    List<Region> regions = editor.semanticRegions();
    assertTrue(regions.contains(new Region(declaration, 3, SpecColors.DECLARATION)), regions.toString());
    assertTrue(regions.contains(new Region(reference, 3, SpecColors.REFERENCE)), regions.toString());
  }

  @Test
  void outlineShowsTheDeclarationsAsWritten() throws Exception {
    IFile file = Workbench.file(project, "outline.motor", Specs.VALID);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    SpecOutlinePage outline = (SpecOutlinePage) editor.getAdapter(IContentOutlinePage.class);
    Workbench.page().showView("org.eclipse.ui.views.ContentOutline");
    Workbench.waitUntil("the outline", () -> !outline.labels().isEmpty());
    assertEquals(List.of("experiment Small", "network Cortex", "module Upstream", "module PMd", "module M1",
        "input cue (3) -> Upstream, PMd", "connect Upstream -> PMd", "connect PMd -> M1",
        "readout hand position (2) from M1 with bias", "task CenterOut", "phase initial"), outline.labels());
  }

  @Test
  void hoverOnAModuleGivesItsEulerStepAndOnAKeywordItsDocumentation() throws Exception {
    IFile file = Workbench.file(project, "hover.motor", Specs.VALID);
    MotorLearnEditor editor = Workbench.open(file);
    Workbench.reconciled(editor);
    String module = editor.hoverText(Specs.VALID.indexOf("PMd {") + 1);
    assertTrue(module.startsWith("module PMd"), module);
    assertTrue(module.contains("Euler step: a = dt/tau = ") && module.contains(" = 0.2"), module);
    String keyword = editor.hoverText(Specs.VALID.indexOf("tau") + 1);
    assertTrue(keyword != null && !keyword.isBlank() && !keyword.contains("**"), keyword);
  }

  @Test
  void toggleCommentCommentsAndUncommentsLines() throws Exception {
    IFile file = Workbench.file(project, "comment.motor", Specs.VALID);
    MotorLearnEditor editor = Workbench.open(file);
    IDocument document = editor.document();
    int start = document.getLineOffset(2);
    int end = document.getLineOffset(4);
    ToggleCommentHandler.toggle(editor, start, end - start);
    assertEquals("//  network Cortex {\n//    dt 10 ms\n", document.get(start, end - start + 4));
    ToggleCommentHandler.toggle(editor, start, end - start + 4);
    assertEquals(Specs.VALID, document.get());
  }

  private static String describe(List<IMarker> markers) {
    StringBuilder text = new StringBuilder();
    for (IMarker marker : markers) {
      text.append("\n  line ").append(marker.getAttribute(IMarker.LINE_NUMBER, -1)).append(": ")
          .append(marker.getAttribute(IMarker.MESSAGE, ""));
    }
    return text.toString();
  }
}

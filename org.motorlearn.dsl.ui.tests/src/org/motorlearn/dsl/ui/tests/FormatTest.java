package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.format.FormatHandler;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;

class FormatTest {
  private static final String BADLY_FORMATTED = """
      experiment   Small{ seed 1
      network Cortex {   dt 10 ms
      module PMd { units 20 tau 50 ms }
          module M1 {units 20}
      connect PMd->M1   readout hand position(2) from M1
      }
        task CenterOut { targets 8 }
      phase initial { plastic all updates 2 batch 8 }
      }
      """;

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void formatGivesTheFormattersOutput() throws Exception {
    IFile file = Workbench.file(Workbench.project("format"), "messy.motor", BADLY_FORMATTED);
    MotorLearnEditor editor = Workbench.open(file);

    String problem = FormatHandler.format(editor);

    String expected = formatterOutput(BADLY_FORMATTED);
    assertEquals(null, problem);
    assertNotEquals(BADLY_FORMATTED, expected, "the test text must need formatting");
    assertEquals(expected, editor.document().get());
    assertEquals(null, FormatHandler.format(editor));
    assertEquals(expected, editor.document().get(), "formatting formatted text changes nothing");
  }

  @Test
  void aSpecWithSyntaxErrorsIsLeftAlone() throws Exception {
    String broken = BADLY_FORMATTED.replace("updates 2", "updates = 2");
    IFile file = Workbench.file(Workbench.project("format-broken"), "broken.motor", broken);
    MotorLearnEditor editor = Workbench.open(file);
    assertEquals("Not formatted: the spec has syntax errors; fix them first.", FormatHandler.format(editor));
    assertEquals(broken, editor.document().get());
  }

  /** The language's formatter applied through Xtext's own rewriter, independently of the editor. */
  private static String formatterOutput(String text) throws Exception {
    XtextResourceSet resourceSet = MotorLearnLanguage.get(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("expected.motor"));
    resource.load(new LazyStringInputStream(text, "UTF-8"), null);
    ITextRegionAccess access = new TextRegionAccessBuilder().forNodeModel(resource).create();
    FormatterRequest request = MotorLearnLanguage.get(FormatterRequest.class).setTextRegionAccess(access);
    List<ITextReplacement> replacements = MotorLearnLanguage.get(IFormatter2.class).format(request);
    return access.getRewriter().renderToString(replacements);
  }
}

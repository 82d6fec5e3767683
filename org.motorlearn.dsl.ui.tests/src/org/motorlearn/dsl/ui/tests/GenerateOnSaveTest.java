package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ui.editor.MotorLearnEditor;
import org.motorlearn.dsl.ui.generate.GenerateOnSave;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;

class GenerateOnSaveTest {

  @AfterEach
  void closeEditors() {
    Workbench.page().closeAllEditors(false);
  }

  @Test
  void savingASpecWritesTheGeneratorsJavaIntoSrcGen() throws Exception {
    IProject project = Workbench.project("generate");
    IFile file = Workbench.file(project, "small.motor", Specs.VALID.replace("seed 1", "seed 2"));
    MotorLearnEditor editor = Workbench.open(file);
    editor.document().replace(editor.document().get().indexOf("seed 2"), "seed 2".length(), "seed 1");
    editor.doSave(null);
    Workbench.settle(GenerateOnSave.JOB_FAMILY);

    Map<String, String> expected = generatorOutput(Specs.VALID, URI.createFileURI(file.getLocation().toOSString()));
    assertFalse(expected.isEmpty(), "the generator writes nothing for the test spec");
    IFolder srcGen = project.getFolder("src-gen");
    Map<String, String> written = new TreeMap<>();
    srcGen.accept(resource -> {
      if (resource instanceof IFile generated) {
        try (InputStream in = generated.getContents()) {
          written.put(generated.getProjectRelativePath().makeRelativeTo(srcGen.getProjectRelativePath()).toString(),
              new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }
      return true;
    });
    assertEquals(expected, written);
    assertTrue(written.keySet().stream().allMatch(name -> name.endsWith(".java")), written.keySet().toString());
  }

  @Test
  void aSpecWithErrorsGeneratesNothing() throws Exception {
    IProject project = Workbench.project("generate-errors");
    IFile file = Workbench.file(project, "broken.motor", Specs.VALID.replace("connect PMd -> M1", "connect PMd -> M9"));
    MotorLearnEditor editor = Workbench.open(file);
    editor.document().replace(0, 0, "// edited\n");
    editor.doSave(null);
    Workbench.settle(GenerateOnSave.JOB_FAMILY);
    assertFalse(project.getFolder("src-gen").exists());
  }

  /** What the language's generator writes for {@code text}, by file name (default output only). */
  private static Map<String, String> generatorOutput(String text, URI uri) throws Exception {
    XtextResourceSet resourceSet = MotorLearnLanguage.get(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resourceSet.createResource(uri);
    resource.load(new LazyStringInputStream(text, "UTF-8"), null);
    InMemoryFileSystemAccess fsa = new InMemoryFileSystemAccess();
    MotorLearnLanguage.get(GeneratorDelegate.class).generate(resource, fsa, new GeneratorContext());
    Map<String, String> files = new TreeMap<>();
    String prefix = IFileSystemAccess.DEFAULT_OUTPUT;
    fsa.getAllFiles().forEach((name, contents) -> files.put(name.substring(prefix.length()), contents.toString()));
    return files;
  }
}

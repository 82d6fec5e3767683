package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.motorlearn.dsl.motorLearn.Model;

/**
 * The formatter: an exact canonical layout, and a round trip over every test spec
 * (format, re-parse, structurally equal; formatting the result again changes nothing).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class MotorLearnFormatterTest {

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Inject
  private Provider<IFormatter2> formatters;

  @Inject
  private Provider<FormatterRequest> requests;

  @Inject
  private TextRegionAccessBuilder regionAccessBuilder;

  @Test
  public void canonicalLayout() throws Exception {
    String messy = """
        import   "lib/cortex.motor"
        experiment   E{seed 0 precision float64
        network N {dt 10ms module A{units 400 activation tanh tau 50 ms initial state uniform ( -0.1 , 0.1 )} module B { units 4 no recurrence }
        input cue(3)->A,B  connect A->B sparse 20% init normal(0,0.05)
        readout hand position(2)from B with bias}
        task T { reach 7 .. 10 cm cue at bin 150 .. 180 go at bin 282 jitter { direction 5 deg } }
        perturbation P=rotation 30 deg on targets
        phase initial{plastic all except(readout,A.recurrent) adam lr 1e-4 betas 0.9 0.999 updates 500}
        phase null from initial under P {evaluate only}
        analysis { compare initial with null window -600 ms..600 ms around go metrics behaviour,activity }
        sweep zip { Cortex.A.units in 1,2 initial.lr 1e-4 .. 1e-3 step 1e-4 }}
        """;
    String expected = """
        import "lib/cortex.motor"

        experiment E {
          seed 0
          precision float64

          network N {
            dt 10 ms
            module A { units 400 activation tanh tau 50 ms initial state uniform(-0.1, 0.1) }
            module B { units 4 no recurrence }
            input cue (3) -> A, B
            connect A -> B sparse 20% init normal(0, 0.05)
            readout hand position (2) from B with bias
          }

          task T {
            reach 7..10 cm
            cue at bin 150..180
            go at bin 282
            jitter { direction 5 deg }
          }

          perturbation P = rotation 30 deg on targets

          phase initial {
            plastic all except (readout, A.recurrent)
            adam lr 1e-4 betas 0.9 0.999
            updates 500
          }

          phase null from initial under P { evaluate only }

          analysis {
            compare initial with null
            window -600 ms .. 600 ms around go
            metrics behaviour, activity
          }

          sweep zip { Cortex.A.units in 1, 2 initial.lr 1e-4..1e-3 step 1e-4 }
        }
        """;
    assertEquals(expected, format(messy, "canonical.motor"));
    assertEquals(expected, format(expected, "canonical.motor"));
  }

  @Test
  public void commentsSurvive() throws Exception {
    String text = """
        /** The network. */
        network N {
          dt 10 ms // trailing
          // on its own line
          /** A module. */
          module A { units 4 /* inline */ tau 50 ms }
        }
        """;
    String expected = """
        /** The network. */
        network N {
          dt 10 ms // trailing
          // on its own line
          /** A module. */
          module A {
            units 4 /* inline */
            tau 50 ms
          }
        }
        """;
    assertEquals(expected, format(text, "comments.motor"));
    assertEquals(expected, format(expected, "comments.motor"));
  }

  @Test
  public void oneLineBlocksStayOnOneLineAndTheAuthorsBlankLinesBetweenSettingsStay() throws Exception {
    String text = """
        network N {
          dt   10 ms
          module A {units 4   tau 50 ms}
          module B { units 4 }


          input cue (3) -> A
          connect A -> B
          module C {
          units 2 }
          readout hand position (2) from B
        }
        """;
    String expected = """
        network N {
          dt 10 ms
          module A { units 4 tau 50 ms }
          module B { units 4 }

          input cue (3) -> A
          connect A -> B

          module C {
            units 2
          }

          readout hand position (2) from B
        }
        """;
    assertEquals(expected, format(text, "compact.motor"));
    assertEquals(expected, format(expected, "compact.motor"));
  }

  @Test
  public void emptyLinesOfBlockCommentsHaveNoTrailingSpace() throws Exception {
    String text = "/**\n * a\n *\n * b\n */\nnetwork N {\n    /**\n     * c\n     *   \n     */\n  dt 10 ms\n}\n";
    String expected = "/**\n * a\n *\n * b\n */\nnetwork N {\n  /**\n   * c\n   *\n   */\n  dt 10 ms\n}\n";
    assertEquals(expected, format(text, "doc.motor"));
    assertEquals(expected, format(expected, "doc.motor"));
  }

  @Test
  public void aBlankLineInABlockCommentGetsItsStar() throws Exception {
    String text = "/*\n * a\n\n * b\n */\nnetwork N {\n  /*\n   * c\n\n   * d\n   */\n  dt 10 ms\n}\n";
    String expected = "/*\n * a\n *\n * b\n */\nnetwork N {\n  /*\n   * c\n   *\n   * d\n   */\n  dt 10 ms\n}\n";
    assertEquals(expected, format(text, "blank.motor"));
    assertEquals(expected, format(expected, "blank.motor"));
    assertEquals(expected, format(text.replace("\n", "\r\n"), "blank.motor"), "a file written with CRLF line ends");
  }

  static Stream<String> specs() throws IOException {
    return TestSpecs.all().stream();
  }

  @ParameterizedTest
  @MethodSource("specs")
  public void roundTrip(String spec) throws Exception {
    String original = TestSpecs.text(spec);
    String formatted = format(original, spec);
    java.nio.file.Path out = java.nio.file.Path.of("target", "formatted", spec);
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(out, formatted);
    Model before = parse(original, spec);
    Model after = parse(formatted, spec);
    TestSpecs.assertNoErrors(after.eResource());
    assertTrue(EcoreUtil.equals(before, after), () -> "structure changed by formatting:\n" + formatted);
    assertEquals(formatted, format(formatted, spec), "formatting is not idempotent");
  }

  private Model parse(String text, String spec) throws IOException {
    XtextResourceSet resourceSet = resourceSets.get();
    // same folder as the original, so imports resolve
    URI uri = URI.createFileURI(TestSpecs.path(spec).resolveSibling("formatted-" + TestSpecs.path(spec).getFileName()).toString());
    Resource resource = resourceSet.createResource(uri);
    resource.load(new org.eclipse.xtext.util.StringInputStream(text), null);
    EcoreUtil.resolveAll(resource);
    return (Model) resource.getContents().get(0);
  }

  private String format(String text, String spec) throws IOException {
    Model model = parse(text, spec);
    TestSpecs.assertNoErrors(model.eResource());
    XtextResource resource = (XtextResource) model.eResource();
    ITextRegionAccess regions = regionAccessBuilder.forNodeModel(resource).create();
    FormatterRequest request = requests.get();
    request.setTextRegionAccess(regions);
    request.setExceptionHandler(e -> {
      throw new AssertionError("formatter problem", e);
    });
    List<ITextReplacement> replacements = formatters.get().format(request);
    return regions.getRewriter().renderToString(replacements);
  }
}

package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import com.google.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.motorLearn.Experiment;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;

/** Documentation: every keyword is in docs/language.md, and documentation comments reach hover. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class LanguageDocumentationTest {

  @Inject
  private MotorLearnGrammarAccess grammar;

  @Inject
  private IEObjectDocumentationProvider documentation;

  @Inject
  private Provider<XtextResourceSet> resourceSets;

  @Test
  public void everyKeywordIsDocumented() throws Exception {
    String reference = Files.readString(Path.of("..", "docs", "language.md"));
    List<String> missing = new ArrayList<>();
    for (Keyword keyword : GrammarUtil.containedKeywords(grammar.getGrammar())) {
      String word = keyword.getValue();
      if (!Character.isLetter(word.charAt(0)) || GrammarUtil.containingRule(keyword) instanceof TerminalRule) {
        continue;
      }
      if (!Pattern.compile("(?<![\\w-])" + Pattern.quote(word) + "(?![\\w-])").matcher(reference).find()) {
        missing.add(word);
      }
    }
    assertEquals(List.of(), new ArrayList<>(new TreeSet<>(missing)), "keywords missing from docs/language.md");
  }

  @Test
  public void documentationCommentsAreAttachedToElements() {
    Model model = TestSpecs.load(resourceSets.get(), "feulner2022.motor");
    Experiment experiment = (Experiment) model.getElements().get(0);
    assertTrue(documentation.getDocumentation(experiment).startsWith("Feulner et al. (2022)"),
        documentation.getDocumentation(experiment));
    assertEquals("Three 400-unit tanh modules: Upstream -> PMd -> M1 -> hand.",
        documentation.getDocumentation(experiment.getNetwork()));
  }
}

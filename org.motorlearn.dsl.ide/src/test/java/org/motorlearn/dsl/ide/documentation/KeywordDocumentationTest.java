package org.motorlearn.dsl.ide.documentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.junit.jupiter.api.Test;
import org.motorlearn.dsl.ide.MotorLearnIdeSetup;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;

/** keywords.properties documents every keyword of the grammar, and nothing that is not one. */
public class KeywordDocumentationTest {

  private static final MotorLearnGrammarAccess GRAMMAR = new MotorLearnIdeSetup().createInjectorAndDoEMFRegistration()
      .getInstance(MotorLearnGrammarAccess.class);

  /** Words and operators a user writes; pure punctuation ({ } ( ) , . + -) needs no documentation. */
  private static boolean documentable(Keyword keyword) {
    String word = keyword.getValue();
    return Character.isLetter(word.charAt(0)) || List.of("->", "..", "=", "%").contains(word);
  }

  @Test
  public void everyKeywordIsDocumented() {
    Set<String> missing = new TreeSet<>();
    for (Keyword keyword : GrammarUtil.containedKeywords(GRAMMAR.getGrammar())) {
      AbstractRule rule = GrammarUtil.containingRule(keyword);
      boolean usedAsName = "Name".equals(rule.getName());
      if (documentable(keyword) && !(rule instanceof TerminalRule) && !usedAsName
          && KeywordDocumentation.get().of(keyword) == null) {
        missing.add(rule.getName() + "." + keyword.getValue());
      }
    }
    assertEquals(Set.of(), missing, "keywords without documentation in keywords.properties");
  }

  @Test
  public void everyEntryDocumentsAKeywordWhereItAppears() {
    Set<String> words = new HashSet<>();
    Set<String> wordsInRules = new HashSet<>();
    for (Keyword keyword : GrammarUtil.containedKeywords(GRAMMAR.getGrammar())) {
      words.add(keyword.getValue());
      wordsInRules.add(GrammarUtil.containingRule(keyword).getName() + "." + keyword.getValue());
    }
    List<String> stale = new ArrayList<>();
    for (String key : KeywordDocumentation.get().entries().keySet()) {
      if (!words.contains(key) && !wordsInRules.contains(key)) {
        stale.add(key);
      }
    }
    assertEquals(List.of(), stale, "entries in keywords.properties that name no keyword of the grammar");
  }

  @Test
  public void aRuleSpecificEntryWinsOverThePlainWord() {
    Keyword phaseFrom = GRAMMAR.getPhaseAccess().getFromKeyword_2_0();
    Keyword readoutFrom = GRAMMAR.getReadoutAccess().getFromKeyword_6();
    assertEquals(KeywordDocumentation.get().entries().get("Phase.from"), KeywordDocumentation.get().of(phaseFrom));
    assertEquals(KeywordDocumentation.get().entries().get("Readout.from"), KeywordDocumentation.get().of(readoutFrom));
  }
}

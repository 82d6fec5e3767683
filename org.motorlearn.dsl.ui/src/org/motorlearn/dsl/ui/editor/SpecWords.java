package org.motorlearn.dsl.ui.editor;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.IGrammarAccess;
import org.motorlearn.dsl.ui.language.MotorLearnLanguage;

/**
 * The words the editor colours, read from the grammar itself so highlighting never lags behind the
 * language: keywords, and the units of the {@code Unit} rule (coloured as units, not keywords).
 */
public final class SpecWords {
  private static volatile SpecWords instance;

  private final Set<String> keywords = new TreeSet<>();
  private final Set<String> units = new TreeSet<>();

  private SpecWords(IGrammarAccess grammarAccess) {
    AbstractRule unitRule = GrammarUtil.findRuleForName(grammarAccess.getGrammar(), "Unit");
    if (unitRule instanceof ParserRule) {
      for (Keyword keyword : GrammarUtil.containedKeywords(unitRule)) {
        units.add(keyword.getValue());
      }
    }
    units.add("bin");
    for (String keyword : GrammarUtil.getAllKeywords(grammarAccess.getGrammar())) {
      if (isWord(keyword) && !units.contains(keyword)) {
        keywords.add(keyword);
      }
    }
  }

  public static SpecWords get() {
    SpecWords current = instance;
    if (current == null) {
      current = new SpecWords(MotorLearnLanguage.get(IGrammarAccess.class));
      instance = current;
    }
    return current;
  }

  public Set<String> keywords() {
    return keywords;
  }

  public Set<String> units() {
    return units;
  }

  private static boolean isWord(String keyword) {
    return !keyword.isEmpty() && Character.isLetter(keyword.charAt(0));
  }
}

package org.motorlearn.dsl.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;

/**
 * What the settings of each block ({@code module}, {@code task}, {@code phase}, ...) look like,
 * read from the grammar itself so it never goes stale. A block is a parser rule with a loop
 * {@code ( alternative | alternative | ... )*}; each alternative is one setting.
 *
 * <p>Used by the formatter (every setting starts a line), the syntax error messages ("'targets' is not
 * a setting of a module; settings are ...") and, later, by the validator and content assist.
 */
public final class BlockSettings {

  /** One setting of a block: its leading words ("initial state") and the grammar element starting it. */
  public record Setting(String words, AbstractElement start) {}

  private final Map<String, List<Setting>> byRule = new LinkedHashMap<>();
  private final Set<AbstractElement> starts = new LinkedHashSet<>();

  public BlockSettings(Grammar grammar) {
    for (ParserRule rule : GrammarUtil.allParserRules(grammar)) {
      Alternatives loop = findSettingsLoop(rule);
      if (loop == null) {
        continue;
      }
      List<Setting> settings = new ArrayList<>();
      for (AbstractElement alternative : loop.getElements()) {
        AbstractElement first = firstElement(alternative);
        String words = leadingWords(alternative);
        if (words.isEmpty()) {
          continue; // the UnknownSetting fallback
        }
        settings.add(new Setting(words, first));
        starts.add(first);
      }
      byRule.put(rule.getName(), Collections.unmodifiableList(settings));
    }
  }

  /** The settings of the block produced by the given parser rule (empty if it is no block). */
  public List<Setting> settingsOf(String ruleName) {
    return byRule.getOrDefault(ruleName, List.of());
  }

  /** The settings of the block an object of this class was parsed from, if it is a block. */
  public List<Setting> settingsOf(EClass eClass) {
    return settingsOf(eClass.getName());
  }

  /** The settings of the block that contains {@code object} (the object itself if it is a block). */
  public List<Setting> settingsOf(EObject object) {
    return settingsOf(object.eClass());
  }

  /** Grammar elements that start a setting (for the formatter). */
  public boolean isSettingStart(EObject grammarElement) {
    return grammarElement != null && (starts.contains(grammarElement)
        || grammarElement.eContainer() instanceof Assignment && starts.contains(grammarElement.eContainer()));
  }

  /** The blocks (rule names) that have a setting starting with this word. */
  public List<String> blocksWithSetting(String word) {
    List<String> blocks = new ArrayList<>();
    byRule.forEach((rule, settings) -> {
      if (settings.stream().anyMatch(s -> s.words().equals(word) || s.words().startsWith(word + " "))) {
        blocks.add(rule);
      }
    });
    return blocks;
  }

  /** Names of all blocks that have settings. */
  public Set<String> blocks() {
    return byRule.keySet();
  }

  private static Alternatives findSettingsLoop(ParserRule rule) {
    if (!(rule.getAlternatives() instanceof Group)) {
      return null;
    }
    AbstractElement previous = null;
    for (AbstractElement element : ((Group) rule.getAlternatives()).getElements()) {
      if (element instanceof Alternatives && "*".equals(element.getCardinality())
          && previous instanceof Keyword && "{".equals(((Keyword) previous).getValue())) {
        return (Alternatives) element;
      }
      previous = element;
    }
    return null;
  }

  private static AbstractElement firstElement(AbstractElement element) {
    if (element instanceof Group) {
      return firstElement(((Group) element).getElements().get(0));
    }
    return element;
  }

  /**
   * Leading words of an alternative, e.g. "initial state", "recurrent init" (optional words are
   * left out), "adam | sgd" (an enum), "module" (a nested block).
   */
  private static String leadingWords(AbstractElement alternative) {
    List<AbstractElement> sequence = alternative instanceof Group
        ? ((Group) alternative).getElements() : List.of(alternative);
    String first = wordOf(sequence.get(0));
    if (first == null) {
      return "";
    }
    StringBuilder words = new StringBuilder(first);
    for (AbstractElement element : sequence.subList(1, sequence.size())) {
      if (!(element instanceof Keyword)) {
        break;
      }
      if (element.getCardinality() == null) {
        words.append(' ').append(((Keyword) element).getValue());
      }
    }
    return words.toString();
  }

  private static String wordOf(AbstractElement element) {
    if (element instanceof Keyword) {
      return ((Keyword) element).getValue();
    }
    if (element instanceof Assignment) {
      AbstractElement terminal = ((Assignment) element).getTerminal();
      if (terminal instanceof Keyword) {
        return ((Keyword) terminal).getValue();
      }
      if (terminal instanceof RuleCall) {
        return firstWordsOfRule(((RuleCall) terminal).getRule());
      }
    }
    return null;
  }

  private static String firstWordsOfRule(AbstractRule rule) {
    if (rule instanceof EnumRule) {
      List<String> literals = new ArrayList<>();
      for (EnumLiteralDeclaration literal : EcoreUtil2.getAllContentsOfType(rule, EnumLiteralDeclaration.class)) {
        literals.add(literal.getLiteral().getValue());
      }
      return String.join(" | ", literals);
    }
    if (rule instanceof ParserRule && !"UnknownSetting".equals(rule.getName())) {
      for (Keyword keyword : GrammarUtil.containedKeywords(rule.getAlternatives())) {
        return keyword.getValue();
      }
    }
    return null;
  }
}

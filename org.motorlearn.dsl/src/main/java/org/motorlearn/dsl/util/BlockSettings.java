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
import org.eclipse.xtext.Action;
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
 *
 * <p>It also knows the words a value may be after a keyword, where the grammar allows only some: the
 * literals of an enum ('activation' tanh, relu, ...) or the first words of a rule whose every form starts
 * with a keyword ('init' uniform, normal, gain, ...), so a syntax error can list them.
 */
public final class BlockSettings {

  /**
   * One setting of a block and the grammar element starting it. Its spellings are how it starts as a
   * user types it, optional words left out: "initial state", "recurrent init", "module" (a nested
   * block); an enum has one per word ("adam", "sgd").
   */
  public record Setting(List<String> spellings, AbstractElement start) {}

  /**
   * The words a value may be after a keyword, and the setting's word to name it by: "metrics" also after
   * the ',' of its list, "perturbation" after the '=' of a perturbation.
   */
  public record Choice(String setting, List<String> words) {}

  private final Map<String, List<Setting>> byRule = new LinkedHashMap<>();
  private final Set<AbstractElement> starts = new LinkedHashSet<>();
  /** "Module activation" (the type of the block and the keyword) -> activation: tanh, relu, softplus, linear. */
  private final Map<String, Choice> choices = new LinkedHashMap<>();

  public BlockSettings(Grammar grammar) {
    for (Assignment assignment : EcoreUtil2.getAllContentsOfType(grammar, Assignment.class)) {
      if (assignment.getTerminal() instanceof RuleCall call && assignment.eContainer() instanceof Group group) {
        int index = group.getElements().indexOf(assignment);
        List<String> words = closedWords(call.getRule());
        if (index > 0 && group.getElements().get(index - 1) instanceof Keyword keyword && !words.isEmpty()) {
          String type = GrammarUtil.containingRule(keyword).getType().getClassifier().getName();
          choices.putIfAbsent(type + " " + keyword.getValue(), new Choice(settingWord(keyword), List.copyOf(words)));
        }
      }
    }
    for (ParserRule rule : GrammarUtil.allParserRules(grammar)) {
      Alternatives loop = findSettingsLoop(rule);
      if (loop == null) {
        continue;
      }
      List<Setting> settings = new ArrayList<>();
      for (AbstractElement alternative : loop.getElements()) {
        AbstractElement first = firstElement(alternative);
        List<String> spellings = spellings(alternative);
        if (spellings.isEmpty()) {
          continue; // the UnknownSetting fallback
        }
        settings.add(new Setting(spellings, first));
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
      if (settings.stream().flatMap(s -> s.spellings().stream())
          .anyMatch(spelling -> spelling.equals(word) || spelling.startsWith(word + " "))) {
        blocks.add(rule);
      }
    });
    return blocks;
  }

  /**
   * The words a value may be after this keyword in this block ("activation" in a module: tanh, relu,
   * softplus, linear; "init": uniform, normal, gain, zeros, default, from), or null when the value is no
   * closed set of words (a number, a name).
   */
  public Choice choiceAfter(EObject block, String keyword) {
    return choices.get(block.eClass().getName() + " " + keyword);
  }

  /** The keyword itself if it is a word, else the first word of the groups around it (',' of 'metrics' a, b). */
  private static String settingWord(Keyword keyword) {
    if (Character.isLetter(keyword.getValue().charAt(0))) {
      return keyword.getValue();
    }
    for (EObject container = keyword.eContainer(); container instanceof Group group; container = group.eContainer()) {
      if (group.getElements().get(0) instanceof Keyword first && Character.isLetter(first.getValue().charAt(0))) {
        return first.getValue();
      }
    }
    return keyword.getValue();
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

  /** The spellings of an alternative (see {@link Setting}); none for the UnknownSetting fallback. */
  private static List<String> spellings(AbstractElement alternative) {
    List<AbstractElement> sequence = alternative instanceof Group
        ? ((Group) alternative).getElements() : List.of(alternative);
    List<String> first = wordsOf(sequence.get(0));
    if (first.size() != 1) {
      return first; // none, or an enum's words
    }
    StringBuilder words = new StringBuilder(first.get(0));
    for (AbstractElement element : sequence.subList(1, sequence.size())) {
      if (!(element instanceof Keyword)) {
        break;
      }
      if (element.getCardinality() == null) {
        words.append(' ').append(((Keyword) element).getValue());
      }
    }
    return List.of(words.toString());
  }

  private static List<String> wordsOf(AbstractElement element) {
    if (element instanceof Keyword) {
      return List.of(((Keyword) element).getValue());
    }
    if (element instanceof Assignment) {
      AbstractElement terminal = ((Assignment) element).getTerminal();
      if (terminal instanceof Keyword) {
        return List.of(((Keyword) terminal).getValue());
      }
      if (terminal instanceof RuleCall) {
        return firstWordsOfRule(((RuleCall) terminal).getRule());
      }
    }
    return List.of();
  }

  private static List<String> firstWordsOfRule(AbstractRule rule) {
    return "UnknownSetting".equals(rule.getName()) ? List.of() : firstWords(rule.getAlternatives());
  }

  /** The words of an enum, or of a rule whose every form starts with a keyword; empty for any other rule. */
  private static List<String> closedWords(AbstractRule rule) {
    if (rule instanceof EnumRule) {
      return EcoreUtil2.getAllContentsOfType(rule, EnumLiteralDeclaration.class).stream()
          .map(literal -> literal.getLiteral().getValue()).toList();
    }
    if (!(rule instanceof ParserRule parserRule) || GrammarUtil.isDatatypeRule(parserRule)) {
      return List.of();
    }
    List<AbstractElement> forms = rule.getAlternatives() instanceof Alternatives alternatives
        ? alternatives.getElements() : List.of(rule.getAlternatives());
    List<String> words = new ArrayList<>();
    for (AbstractElement form : forms) {
      AbstractElement first = form instanceof Group group
          ? group.getElements().stream().filter(e -> !(e instanceof Action)).findFirst().orElse(null) : form;
      if (!(first instanceof Keyword keyword) || first.getCardinality() != null) {
        return List.of();
      }
      words.add(keyword.getValue());
    }
    return words;
  }

  /** The words an element can start with: a keyword, the words of an enum, the first words of a rule. */
  private static List<String> firstWords(AbstractElement element) {
    List<String> words = new ArrayList<>();
    if (element instanceof Keyword keyword) {
      words.add(keyword.getValue());
    } else if (element instanceof Assignment assignment) {
      words.addAll(firstWords(assignment.getTerminal()));
    } else if (element instanceof Group group) {
      for (AbstractElement part : group.getElements()) {
        if (!(part instanceof Action)) {
          return firstWords(part);
        }
      }
    } else if (element instanceof Alternatives alternatives) {
      alternatives.getElements().forEach(alternative -> words.addAll(firstWords(alternative)));
    } else if (element instanceof RuleCall call && call.getRule() instanceof EnumRule) {
      EcoreUtil2.getAllContentsOfType(call.getRule(), EnumLiteralDeclaration.class)
          .forEach(literal -> words.add(literal.getLiteral().getValue()));
    } else if (element instanceof RuleCall call && call.getRule().getAlternatives() != null) {
      words.addAll(firstWords(call.getRule().getAlternatives()));
    }
    return words;
  }

}

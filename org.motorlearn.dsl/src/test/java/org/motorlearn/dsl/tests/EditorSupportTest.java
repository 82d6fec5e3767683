package org.motorlearn.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;

/**
 * editors/: the VS Code extension's TextMate grammar, the Vim syntax file and the Emacs mode each
 * highlight exactly the language's keywords (so they cannot drift from MotorLearn.xtext); the
 * TextMate patterns are valid regular expressions, and package.json points at files that exist.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(MotorLearnInjectorProvider.class)
public class EditorSupportTest {

  private static final Path EXTENSION = Path.of("..", "editors", "vscode");
  private static final Path VIM_SYNTAX = Path.of("..", "editors", "vim", "syntax", "motorlearn.vim");
  private static final Path EMACS_MODE = Path.of("..", "editors", "emacs", "motorlearn-mode.el");
  /** (defconst motorlearn-NAME '("word" "word" ...) */
  private static final Pattern EMACS_LIST = Pattern.compile("\\(defconst (motorlearn-\\w+)\\s+'\\(((?:\\s*\"[^\"]*\")+)\\s*\\)");
  /** The repository entries of the grammar whose word lists, together, must be the language's keywords. */
  private static final List<String> KEYWORD_GROUPS = List.of("declarations", "numbers", "keywords", "constants");
  /** A group of alternatives made only of words: (?:a|b|c) or (a|b|c). */
  private static final Pattern WORD_ALTERNATIVES = Pattern.compile("\\((?:\\?:)?([A-Za-z][A-Za-z0-9_-]*(?:\\|[A-Za-z][A-Za-z0-9_-]*)+)\\)");

  @Inject
  private MotorLearnGrammarAccess grammar;

  private static JsonObject json(String file) throws IOException {
    return JsonParser.parseString(Files.readString(EXTENSION.resolve(file))).getAsJsonObject();
  }

  /**
   * The VS Code extension's own tests (editors/vscode/test, Node's built-in runner, with fakes of the
   * vscode modules): the Run Experiments command, its settings and its command line in a real shell.
   * The file and the TAP reporter are named, as Node's defaults for both changed between versions.
   */
  @Test
  public void theVsCodeExtensionsTestsPass() throws Exception {
    Process node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "editors/vscode/test/extension.test.js").directory(Path.of("..").toFile())
        .redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, node.waitFor(), output);
    Matcher passed = Pattern.compile("(?m)^# pass (\\d+)$").matcher(output);
    assertTrue(passed.find() && Integer.parseInt(passed.group(1)) > 0, output);
    assertTrue(output.contains("\n# fail 0\n"), output);
  }

  /** The words of a letter-initial keyword of a parser or enum rule (terminal rules' characters are not keywords). */
  private Set<String> languageWords() {
    Set<String> words = new TreeSet<>();
    for (Keyword keyword : GrammarUtil.containedKeywords(grammar.getGrammar())) {
      if (Character.isLetter(keyword.getValue().charAt(0)) && !(GrammarUtil.containingRule(keyword) instanceof TerminalRule)) {
        words.add(keyword.getValue());
      }
    }
    return words;
  }

  private Set<String> enumLiterals() {
    Set<String> literals = new TreeSet<>();
    for (EnumRule rule : GrammarUtil.allEnumRules(grammar.getGrammar())) {
      for (EnumLiteralDeclaration literal : org.eclipse.xtext.EcoreUtil2.getAllContentsOfType(rule, EnumLiteralDeclaration.class)) {
        literals.add(literal.getLiteral().getValue());
      }
    }
    return literals;
  }

  /** Every word listed in the match patterns of one repository entry of the TextMate grammar. */
  private static Set<String> words(JsonObject textMate, String group) {
    Set<String> words = new TreeSet<>();
    for (JsonElement pattern : textMate.getAsJsonObject("repository").getAsJsonObject(group).getAsJsonArray("patterns")) {
      JsonElement match = pattern.getAsJsonObject().get("match");
      if (match != null) {
        Matcher alternatives = WORD_ALTERNATIVES.matcher(match.getAsString());
        while (alternatives.find()) {
          words.addAll(List.of(alternatives.group(1).split("\\|")));
        }
      }
    }
    return words;
  }

  @Test
  public void theTextMateGrammarHighlightsExactlyTheLanguagesKeywords() throws IOException {
    JsonObject textMate = json("syntaxes/motorlearn.tmLanguage.json");
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (String group : KEYWORD_GROUPS) {
      groups.put(group, words(textMate, group));
    }
    assertHighlightsExactlyTheKeywords("editors/vscode/syntaxes/motorlearn.tmLanguage.json", groups);
    assertTrue(groups.get("numbers").containsAll(List.of("ms", "s", "cm", "deg")), groups.get("numbers").toString());
    assertTrue(languageWords().containsAll(words(textMate, "members")), words(textMate, "members").toString());
  }

  @Test
  public void theVimSyntaxHighlightsExactlyTheLanguagesKeywords() throws IOException {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    for (String line : Files.readAllLines(VIM_SYNTAX)) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length > 3 && fields[0].equals("syntax") && fields[1].equals("keyword")) {
        groups.computeIfAbsent(fields[2], g -> new TreeSet<>()).addAll(List.of(fields).subList(3, fields.length));
      } else if (fields.length > 3 && fields[0].equals("syntax") && fields[1].equals("match") && fields[2].equals("motorlearnUnit")) {
        Matcher alternatives = WORD_ALTERNATIVES.matcher(line);
        while (alternatives.find()) {
          groups.computeIfAbsent("motorlearnUnit", g -> new TreeSet<>()).addAll(List.of(alternatives.group(1).split("\\|")));
        }
      }
    }
    assertEquals(Set.of("motorlearnDeclaration", "motorlearnKeyword", "motorlearnConstant", "motorlearnUnit"), groups.keySet());
    assertHighlightsExactlyTheKeywords("editors/vim/syntax/motorlearn.vim", groups);
  }

  @Test
  public void theEmacsModeHighlightsExactlyTheLanguagesKeywords() throws IOException {
    Map<String, Set<String>> groups = new LinkedHashMap<>();
    Matcher lists = EMACS_LIST.matcher(Files.readString(EMACS_MODE));
    while (lists.find()) {
      Set<String> words = new TreeSet<>();
      Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(lists.group(2));
      while (word.find()) {
        words.add(word.group(1));
      }
      groups.put(lists.group(1), words);
    }
    assertEquals(Set.of("motorlearn-declarations", "motorlearn-keywords", "motorlearn-constants", "motorlearn-units"),
        groups.keySet());
    assertHighlightsExactlyTheKeywords("editors/emacs/motorlearn-mode.el", groups);
  }

  /** Every keyword of the language in exactly one group, and no other word; constants are enum values. */
  private void assertHighlightsExactlyTheKeywords(String file, Map<String, Set<String>> groups) {
    Set<String> highlighted = new TreeSet<>();
    List<String> inTwoGroups = new ArrayList<>();
    for (Set<String> words : groups.values()) {
      for (String word : words) {
        if (!highlighted.add(word)) {
          inTwoGroups.add(word);
        }
      }
    }
    Set<String> language = languageWords();
    Set<String> missing = new TreeSet<>(language);
    missing.removeAll(highlighted);
    Set<String> extra = new TreeSet<>(highlighted);
    extra.removeAll(language);
    assertEquals(Set.of(), missing, "keywords of MotorLearn.xtext that " + file + " does not highlight: add each to one of "
        + groups.keySet());
    assertEquals(Set.of(), extra, "words " + file + " highlights that are no longer keywords of MotorLearn.xtext");
    assertEquals(List.of(), inTwoGroups, "words in two groups of " + file);
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      if (group.getKey().toLowerCase(java.util.Locale.ROOT).contains("constant")) {
        Set<String> notEnum = new TreeSet<>(group.getValue());
        notEnum.removeAll(enumLiterals());
        assertEquals(Set.of(), notEnum, file + ": the group " + group.getKey() + " holds values of enumerated settings only");
      }
    }
  }

  @Test
  public void everyPatternIsAValidRegularExpression() throws IOException {
    List<String> invalid = new ArrayList<>();
    collectInvalid(json("syntaxes/motorlearn.tmLanguage.json"), invalid);
    assertEquals(List.of(), invalid);
  }

  /** Java's regular expressions are close enough to Oniguruma's (VS Code's) for these patterns to catch typos. */
  private static void collectInvalid(JsonElement element, List<String> invalid) {
    if (element.isJsonObject()) {
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        if (List.of("match", "begin", "end").contains(entry.getKey()) && entry.getValue().isJsonPrimitive()) {
          try {
            Pattern.compile(entry.getValue().getAsString());
          } catch (PatternSyntaxException e) {
            invalid.add(entry.getKey() + ": " + e.getMessage());
          }
        } else {
          collectInvalid(entry.getValue(), invalid);
        }
      }
    } else if (element.isJsonArray()) {
      for (JsonElement item : element.getAsJsonArray()) {
        collectInvalid(item, invalid);
      }
    }
  }

  @Test
  public void packageJsonNamesTheLanguageAndFilesThatExist() throws IOException {
    JsonObject manifest = json("package.json");
    JsonObject contributes = manifest.getAsJsonObject("contributes");
    JsonObject language = contributes.getAsJsonArray("languages").get(0).getAsJsonObject();
    assertEquals("motorlearn", language.get("id").getAsString());
    assertEquals(List.of(".motor"), strings(language.getAsJsonArray("extensions")));
    json(language.get("configuration").getAsString());
    JsonObject textMateGrammar = contributes.getAsJsonArray("grammars").get(0).getAsJsonObject();
    assertEquals("motorlearn", textMateGrammar.get("language").getAsString());
    assertEquals(json(textMateGrammar.get("path").getAsString()).get("scopeName").getAsString(),
        textMateGrammar.get("scopeName").getAsString());
    assertTrue(Files.isRegularFile(EXTENSION.resolve(manifest.get("main").getAsString())), "main " + manifest.get("main"));
    assertEquals(List.of("onLanguage:motorlearn"), strings(manifest.getAsJsonArray("activationEvents")));
    assertEquals(List.of("lsp"), strings(contributes.getAsJsonObject("configuration").getAsJsonObject("properties")
        .getAsJsonObject("motorlearn.serverArguments").getAsJsonArray("default")), "the server is started as `motorlearn lsp`");
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(e -> strings.add(e.getAsString()));
    return strings;
  }
}

package org.motorlearn.dsl.parser;

import static org.motorlearn.dsl.util.Words.article;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.motorlearn.dsl.motorLearn.Model;
import org.motorlearn.dsl.motorLearn.Phase;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;
import org.motorlearn.dsl.util.BlockSettings;
import org.motorlearn.dsl.validation.SettingSynonyms;
import org.motorlearn.dsl.validation.Suggestions;

/**
 * Syntax errors in the words of the language, naming the block being parsed. The common mistakes get
 * their own message:
 * <ul>
 *   <li>a setting of one block written in another: "'targets' is not a setting of module PMd (it
 *       belongs in a task); module settings are: units, activation, ...";</li>
 *   <li>a keyword used as a name: "'module' is a keyword: write ^module to use it as a name";</li>
 *   <li>a word a setting does not take: "unexpected 'behavior' in an analysis; did you mean 'behaviour'?
 *       'metrics' takes one of behaviour, activity, ..." (the words from the grammar);</li>
 *   <li>a setting without its value, a range without its upper end, a declaration without its name,
 *       a stray ';', an optimizer setting without the optimizer ("adam lr 1e-4");</li>
 *   <li>text after an earlier error that the recovery could not place says so, rather than blaming a
 *       block the recovery made up.</li>
 * </ul>
 * Misspelt settings do not reach this class: they parse as unknown settings and the validator
 * reports them with a suggestion.
 */
@Singleton
public class MotorLearnSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

  /** Issue code of a setting keyword used in a block that does not have it. */
  public static final String SETTING_IN_WRONG_BLOCK = "org.motorlearn.dsl.syntax.settingInWrongBlock";
  /**
   * Issue code of a phrase for a setting whose second word is a keyword ("learning rate" for "adam lr").
   * Its first word parses as an unknown setting; MotorLearnResourceValidator reports the two as this one error.
   */
  public static final String SETTING_PHRASE = "org.motorlearn.dsl.syntax.settingPhrase";
  /** Issue code of a keyword used where a name was expected. */
  public static final String KEYWORD_AS_NAME = "org.motorlearn.dsl.syntax.keywordAsName";

  /** Keywords after which a name follows. */
  private static final Set<String> DECLARATIONS = Set.of(
      "experiment", "network", "module", "input", "readout", "task", "perturbation", "loss", "phase", "analysis");

  private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*)'", Pattern.DOTALL);
  private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*)' expecting (.*)", Pattern.DOTALL);
  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*)' expecting (.*)", Pattern.DOTALL);
  private static final Pattern MISSING_EOF = Pattern.compile("missing EOF at '(.*)'", Pattern.DOTALL);
  private static final Pattern MISSING = Pattern.compile("missing (.*) at '(.*)'", Pattern.DOTALL);
  /** A '+' loop of the parser that found nothing: only the axes of 'zip { }' and 'cartesian { }' are one. */
  private static final Pattern NOTHING_IN_LOOP = Pattern.compile(
      "required \\(\\.\\.\\.\\)\\+ loop did not match anything at input '(.*)'", Pattern.DOTALL);
  /** The lexer's '+' loop that found nothing: only the digits of a number's exponent ("1e -2") can be. */
  private static final Pattern NO_EXPONENT_DIGITS = Pattern.compile(
      "required \\(\\.\\.\\.\\)\\+ loop did not match anything at character '(.*)'", Pattern.DOTALL);


  /** Text after an earlier error that the parser's recovery could not place. */
  private static final String COULD_NOT_BE_READ =
      "%s could not be read after the error above (the parser lost its place there); fix that error first";

  private final Set<String> keywords = new LinkedHashSet<>();
  /** The settings of a phase's optimizer, which follow 'adam' or 'sgd' ("adam lr 1e-4"): lr, betas, eps, momentum. */
  private final Set<String> optimizerSettings = new LinkedHashSet<>();
  private final BlockSettings blockSettings;

  @Inject
  public MotorLearnSyntaxErrorMessageProvider(MotorLearnGrammarAccess grammarAccess) {
    for (Keyword keyword : GrammarUtil.containedKeywords(grammarAccess.getGrammar())) {
      keywords.add(keyword.getValue());
    }
    blockSettings = new BlockSettings(grammarAccess.getGrammar());
    for (Keyword keyword : GrammarUtil.containedKeywords(grammarAccess.getOptimizerRule())) {
      optimizerSettings.add(keyword.getValue());
    }
  }

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    RecognitionException exception = context.getRecognitionException();
    Token token = exception == null ? null : exception.token;
    String text = token == null ? null : token.getText();
    if (text == null || !keywords.contains(text) || !Character.isLetter(text.charAt(0))) {
      return inWords(context);
    }
    String previous = previousToken(exception);
    if (previous != null && DECLARATIONS.contains(previous)) {
      return new SyntaxErrorMessage("'" + text + "' is a keyword: write ^" + text + " to use it as a name", KEYWORD_AS_NAME);
    }
    EObject block = context.getCurrentContext();
    if (madeUpByRecovery(block, context)) {
      return new SyntaxErrorMessage(COULD_NOT_BE_READ.formatted(found(text)), org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
    }
    if (optimizerSettings.contains(text) && block instanceof Phase) {
      return new SyntaxErrorMessage("'" + text + "' is a setting of the optimizer: write it after adam or sgd, e.g. 'adam "
          + text + " ...'", SETTING_IN_WRONG_BLOCK);
    }
    String phrase = previous == null || block == null ? null : SettingSynonyms.meant(block.eClass().getName(), previous + " " + text);
    if (phrase != null) {
      Token first = previousTokenOf(exception);
      String before = first == null ? null : tokenBefore(exception.input, first.getTokenIndex());
      if (("adam".equals(before) || "sgd".equals(before)) && phrase.startsWith("adam ")) {
        phrase = phrase.substring("adam ".length()); // "adam learning rate": the optimizer is there already
      }
      return new SyntaxErrorMessage("'" + previous + " " + text + "' is not a setting of " + describe(block,
          block.eClass().getName().toLowerCase()) + "; did you mean '" + phrase + "'?", SETTING_PHRASE);
    }
    List<String> owners = blockSettings.blocksWithSetting(text);
    if (block != null && !blockSettings.settingsOf(block).isEmpty() && !owners.isEmpty()
        && !owners.contains(block.eClass().getName())) {
      Set<String> known = new LinkedHashSet<>();
      blockSettings.settingsOf(block).forEach(s -> known.addAll(s.spellings()));
      String kind = block.eClass().getName().toLowerCase();
      List<String> where = owners.stream().map(o -> article(o.toLowerCase())).toList();
      return new SyntaxErrorMessage("'" + text + "' is not a setting of " + describe(block, kind)
          + " (it belongs in " + String.join(" or ", where) + "); " + kind + " settings are: "
          + String.join(", ", known), SETTING_IN_WRONG_BLOCK);
    }
    if (MISSING_EOF.matcher(String.valueOf(context.getDefaultMessage())).matches() && !owners.isEmpty()) {
      // the block that does not have the setting was closed by the parser's recovery: the file's last element
      List<String> where = owners.stream().map(o -> article(o.toLowerCase())).toList();
      EObject closed = block instanceof Model model && !model.getElements().isEmpty()
          ? model.getElements().get(model.getElements().size() - 1) : null;
      int firstError = firstSyntaxErrorOffset(context);
      INode closedNode = closed == null ? null : NodeModelUtils.getNode(closed);
      if (closedNode == null || firstError >= 0 && closedNode.getOffset() > firstError
          || owners.contains(closed.eClass().getName())) {
        // a block the recovery made up after an earlier error, or one that has the setting (a '}' too many)
        return inWords(context);
      }
      String of = closed == null ? "here" : "of " + describe(closed, closed.eClass().getName().toLowerCase());
      return new SyntaxErrorMessage("'" + text + "' is not a setting " + of + " (it belongs in " + String.join(" or ", where)
          + "); move it into that block", SETTING_IN_WRONG_BLOCK);
    }
    return inWords(context);
  }

  /**
   * ANTLR's own messages ("mismatched input 'x' expecting '}'", "missing EOF at 'x'") said as a user
   * would, with the block being parsed and the expected token's meaning ("a name" for RULE_ID).
   */
  private SyntaxErrorMessage inWords(IParserErrorContext context) {
    String message = context.getDefaultMessage();
    if (message == null) {
      return super.getSyntaxErrorMessage(context);
    }
    String where = where(context);
    RecognitionException exception = context.getRecognitionException();
    String previous = exception == null || exception.token == null ? null : previousToken(exception);
    Matcher m;
    BlockSettings.Choice choice;
    if (previous != null && DECLARATIONS.contains(previous)
        && (NO_VIABLE.matcher(message).matches() || MISMATCHED.matcher(message).matches())) {
      message = "'" + previous + "' needs a name: write one after it, e.g. '" + previous + " Name'"
          + (exception.token.getText() == null ? "" : " before " + found(exception.token.getText()));
    } else if (previous != null && keywords.contains(previous) && Character.isLetter(previous.charAt(0))
        && ("}".equals(exception.token.getText()) || exception.token.getType() == Token.EOF)
        && (NO_VIABLE.matcher(message).matches() || MISMATCHED.matcher(message).matches())) {
      message = "'" + previous + "' is missing its value" + where + " (the block ends right after it)";
    } else if (previous != null && startsSetting(previous, context.getCurrentContext())
        && startsSetting(exception.token.getText(), context.getCurrentContext())
        && (NO_VIABLE.matcher(message).matches() || MISMATCHED.matcher(message).matches())) {
      // "units 48 activation" and the next line "activation tanh": the error is at the next setting
      Token setting = previousTokenOf(exception);
      String line = setting.getLine() == exception.token.getLine() ? "" : " on line " + setting.getLine();
      message = "'" + previous + "'" + line + " is missing its value" + where + " (the next setting, "
          + found(exception.token.getText()) + ", follows it)";
    } else if ((choice = choiceAfter(previous, context)) != null
        && (NO_VIABLE.matcher(message).matches() || MISMATCHED.matcher(message).matches())) {
      // "activation sigmoid": the words that may follow, and the closest of them to a misspelt one
      String close = Suggestions.closest(exception.token.getText(), choice.words());
      message = "unexpected " + found(exception.token.getText()) + where + "; "
          + (close == null ? "" : "did you mean '" + close + "'? ") + "'" + choice.setting() + "' takes one of "
          + String.join(", ", choice.words());
    } else if (".".equals(exception == null || exception.token == null ? null : exception.token.getText())
        && digitsAfter(exception) != null) {
      message = "a number cannot start with '.'" + where + ": write 0." + digitsAfter(exception);
    } else if ((m = NO_EXPONENT_DIGITS.matcher(message)).matches()) {
      message = "a number's exponent needs its digits right after the 'e'" + where + " (found " + character(m.group(1))
          + "): write e.g. 1e-2, without spaces";
    } else if ((m = NOTHING_IN_LOOP.matcher(message)).matches()) {
      Token brace = previousTokenOf(exception);
      String sweep = brace == null || !"{".equals(brace.getText()) ? null : tokenBefore(exception.input, brace.getTokenIndex());
      message = "zip".equals(sweep) || "cartesian".equals(sweep)
          ? "'" + sweep + " { }' has no axes" + where + ": list at least one inside the braces, e.g. " + sweep
              + " { seed in 0, 1  VR30.angle in 10, 20 }"
          : "unexpected " + found(m.group(1)) + where;
    } else if ("..".equals(previous)
        && (NO_VIABLE.matcher(message).matches() || MISMATCHED.matcher(message).matches())) {
      message = "a range needs its upper end after '..'" + where + ", e.g. 7..10 cm (found "
          + found(exception.token.getText()) + ")";
    } else if (";".equals(exception == null || exception.token == null ? null : exception.token.getText())) {
      message = "unexpected ';'" + where + ": settings need no ';' between them (a new line or a space will do); "
          + "remove it";
    } else if ((m = NO_VIABLE.matcher(message)).matches()) {
      message = "unexpected " + found(m.group(1)) + where;
    } else if ((m = MISMATCHED.matcher(message)).matches()) {
      message = "expected " + expected(m.group(2)) + where + " but found " + found(m.group(1));
    } else if ((m = EXTRANEOUS.matcher(message)).matches() && !"EOF".equals(m.group(2))) {
      message = "unexpected " + found(m.group(1)) + where + " (expected " + expected(m.group(2)) + ")";
    } else if (((m = MISSING_EOF.matcher(message)).matches() || (m = EXTRANEOUS.matcher(message)).matches())
        && firstSyntaxErrorOffset(context) >= 0) {
      // the recovery from that error ended a declaration early; the rest of the file is unread
      message = COULD_NOT_BE_READ.formatted(found(m.group(1)));
    } else if ((m = MISSING_EOF.matcher(message)).matches() || (m = EXTRANEOUS.matcher(message)).matches()) {
      // the parser had a complete file before this token
      message = "unexpected " + found(m.group(1)) + " after the end of the last declaration; is there a '}' too many above it?";
    } else if ((m = MISSING.matcher(message)).matches()) {
      message = "missing " + expected(m.group(1)) + " before " + found(m.group(2)) + where;
    } else {
      return super.getSyntaxErrorMessage(context);
    }
    return new SyntaxErrorMessage(message, org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
  }

  /**
   * " in task CenterOut": the innermost named block being parsed. A range or a number being parsed has
   * no name and no container yet, so the search continues up the node model.
   */
  private static String where(IParserErrorContext context) {
    EObject block = named(context.getCurrentContext());
    for (INode node = context.getCurrentNode(); block == null && node != null; node = node.getParent()) {
      block = named(node.hasDirectSemanticElement() ? node.getSemanticElement() : null);
    }
    return block == null ? "" : " in " + describe(block, block.eClass().getName().toLowerCase());
  }

  private static EObject named(EObject object) {
    EObject block = object;
    while (block != null && block.eClass().getEStructuralFeature("name") == null) {
      block = block.eContainer();
    }
    return block;
  }

  /** The words that may follow the keyword in the block being parsed, or null if any value may. */
  private BlockSettings.Choice choiceAfter(String keyword, IParserErrorContext context) {
    EObject block = context.getCurrentContext();
    return keyword == null || block == null ? null : blockSettings.choiceAfter(block, keyword);
  }

  /** The digits right after the offending token ('.5': 5), or null if a digit does not follow at once. */
  private static String digitsAfter(RecognitionException exception) {
    if (!(exception.input instanceof TokenStream tokens) || exception.token.getTokenIndex() + 1 >= tokens.size()) {
      return null;
    }
    String next = tokens.get(exception.token.getTokenIndex() + 1).getText();
    return next != null && !next.isEmpty() && Character.isDigit(next.charAt(0)) ? next : null;
  }

  /** A character the lexer found, in words: a space is hard to see between quotes. */
  private static String character(String text) {
    return switch (text) {
      case " ", "\t" -> "a space";
      case "\n", "\r", "\\n", "\\r" -> "the end of the line";
      case "<EOF>" -> "the end of the file";
      default -> "'" + text + "'";
    };
  }

  private static String found(String token) {
    return "<EOF>".equals(token) ? "the end of the file" : "'" + token + "'";
  }

  /** ANTLR's name of an expected token in words: RULE_ID is a name, '}' stays '}'. */
  private static String expected(String token) {
    return switch (token) {
      case "RULE_ID" -> "a name";
      case "RULE_INT", "RULE_EXP_INT" -> "a number";
      case "RULE_STRING" -> "a quoted string";
      case "EOF", "<EOF>" -> "the end of the file";
      default -> token;
    };
  }

  private static String previousToken(RecognitionException exception) {
    Token token = previousTokenOf(exception);
    return token == null ? null : token.getText();
  }

  /** The last token before the offending one that is not white space or a comment. */
  private static Token previousTokenOf(RecognitionException exception) {
    return exception.token == null ? null : significantBefore(exception.input, exception.token.getTokenIndex());
  }

  private static String tokenBefore(Object input, int index) {
    Token token = significantBefore(input, index);
    return token == null ? null : token.getText();
  }

  /** The last token before the one at {@code index} that is not white space or a comment. */
  private static Token significantBefore(Object input, int index) {
    if (!(input instanceof TokenStream tokens) || index <= 0) {
      return null;
    }
    for (int i = index - 1; i >= 0; i--) {
      Token token = tokens.get(i);
      String text = token.getText();
      if (token.getChannel() == Token.DEFAULT_CHANNEL && text != null && !text.isBlank()
          && !text.startsWith("//") && !text.startsWith("/*")) {
        return token;
      }
    }
    return null;
  }

  /**
   * Whether the block being parsed began after an earlier error: the recovery made it up from text
   * it could not place ("task Short" of an experiment read as a task of its own), so what it says
   * about that block's settings would mislead.
   */
  private static boolean madeUpByRecovery(EObject block, IParserErrorContext context) {
    int firstError = firstSyntaxErrorOffset(context);
    INode node = block == null || firstError < 0 ? null : NodeModelUtils.getNode(block);
    return node != null && node.getOffset() > firstError;
  }

  /** Where the parser reported its first error in this file, before the current one; -1 if none. */
  private static int firstSyntaxErrorOffset(IParserErrorContext context) {
    INode node = context.getCurrentNode();
    if (node == null) {
      return -1;
    }
    for (INode any : node.getRootNode().getAsTreeIterable()) {
      if (any.getSyntaxErrorMessage() != null) {
        return any.getOffset();
      }
    }
    return -1;
  }

  /** Whether a word is the first word of one of the settings of this block. */
  private boolean startsSetting(String word, EObject block) {
    return word != null && block != null && blockSettings.settingsOf(block).stream()
        .flatMap(setting -> setting.spellings().stream())
        .anyMatch(spelling -> spelling.equals(word) || spelling.startsWith(word + " "));
  }

  private static String describe(EObject block, String kind) {
    EStructuralFeature nameFeature = block.eClass().getEStructuralFeature("name");
    Object name = nameFeature == null ? null : block.eGet(nameFeature);
    return name == null ? article(kind) : kind + " " + name;
  }
}

package org.motorlearn.dsl.parser;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;
import org.motorlearn.dsl.util.BlockSettings;

/**
 * Syntax errors in the words of the language. The two common mistakes get their own message:
 * <ul>
 *   <li>a setting of one block written in another: "'targets' is not a setting of module PMd (it
 *       belongs in a task); module settings are: units, activation, ...";</li>
 *   <li>a keyword used as a name: "'module' is a keyword: write ^module to use it as a name".</li>
 * </ul>
 * Misspelt settings do not reach this class: they parse as unknown settings and the validator
 * reports them with a suggestion.
 */
@Singleton
public class MotorLearnSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

  /** Issue code of a setting keyword used in a block that does not have it. */
  public static final String SETTING_IN_WRONG_BLOCK = "org.motorlearn.dsl.syntax.settingInWrongBlock";
  /** Issue code of a keyword used where a name was expected. */
  public static final String KEYWORD_AS_NAME = "org.motorlearn.dsl.syntax.keywordAsName";

  /** Keywords after which a name follows. */
  private static final Set<String> DECLARATIONS = Set.of(
      "experiment", "network", "module", "input", "readout", "task", "perturbation", "loss", "phase", "analysis");

  private final Set<String> keywords = new LinkedHashSet<>();
  private final BlockSettings blockSettings;

  @Inject
  public MotorLearnSyntaxErrorMessageProvider(MotorLearnGrammarAccess grammarAccess) {
    for (Keyword keyword : GrammarUtil.containedKeywords(grammarAccess.getGrammar())) {
      keywords.add(keyword.getValue());
    }
    blockSettings = new BlockSettings(grammarAccess.getGrammar());
  }

  @Override
  public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
    RecognitionException exception = context.getRecognitionException();
    Token token = exception == null ? null : exception.token;
    String text = token == null ? null : token.getText();
    if (text == null || !keywords.contains(text) || !Character.isLetter(text.charAt(0))) {
      return super.getSyntaxErrorMessage(context);
    }
    String previous = previousToken(exception);
    if (previous != null && DECLARATIONS.contains(previous)) {
      return new SyntaxErrorMessage("'" + text + "' is a keyword: write ^" + text + " to use it as a name", KEYWORD_AS_NAME);
    }
    EObject block = context.getCurrentContext();
    List<String> owners = blockSettings.blocksWithSetting(text);
    if (block != null && !blockSettings.settingsOf(block).isEmpty() && !owners.isEmpty()
        && !owners.contains(block.eClass().getName())) {
      Set<String> known = new LinkedHashSet<>();
      blockSettings.settingsOf(block).forEach(s -> known.add(s.words()));
      String kind = block.eClass().getName().toLowerCase();
      List<String> where = owners.stream().map(o -> article(o.toLowerCase())).toList();
      return new SyntaxErrorMessage("'" + text + "' is not a setting of " + describe(block, kind)
          + " (it belongs in " + String.join(" or ", where) + "); " + kind + " settings are: "
          + String.join(", ", known), SETTING_IN_WRONG_BLOCK);
    }
    return super.getSyntaxErrorMessage(context);
  }

  private static String previousToken(RecognitionException exception) {
    if (!(exception.input instanceof TokenStream) || exception.token.getTokenIndex() <= 0) {
      return null;
    }
    TokenStream tokens = (TokenStream) exception.input;
    for (int i = exception.token.getTokenIndex() - 1; i >= 0; i--) {
      Token token = tokens.get(i);
      String text = token.getText();
      if (token.getChannel() == Token.DEFAULT_CHANNEL && text != null && !text.isBlank()
          && !text.startsWith("//") && !text.startsWith("/*")) {
        return text;
      }
    }
    return null;
  }

  private static String article(String word) {
    return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private static String describe(EObject block, String kind) {
    EStructuralFeature nameFeature = block.eClass().getEStructuralFeature("name");
    Object name = nameFeature == null ? null : block.eGet(nameFeature);
    return name == null ? article(kind) : kind + " " + name;
  }
}

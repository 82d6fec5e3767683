package org.motorlearn.dsl.parser;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.motorlearn.dsl.services.MotorLearnGrammarAccess;
import org.motorlearn.dsl.util.BlockSettings;

/**
 * Syntax errors in the words of the language. The two common mistakes get their own message:
 * <ul>
 *   <li>a setting of one block written in another ("'targets' is not a setting of module PMd;
 *       module settings are: units, activation, ..."), and</li>
 *   <li>a keyword used as a name ("'module' is a keyword: write ^module to use it as a name").</li>
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
    if (text != null && keywords.contains(text) && Character.isLetter(text.charAt(0))) {
      String message = context.getDefaultMessage();
      if (message != null && message.contains("expecting RULE_ID")) {
        return new SyntaxErrorMessage("'" + text + "' is a keyword: write ^" + text
            + " to use it as a name", KEYWORD_AS_NAME);
      }
      EObject block = context.getCurrentContext();
      if (block != null && !blockSettings.settingsOf(block).isEmpty()
          && blockSettings.settingsOf(block).stream().noneMatch(s -> s.words().startsWith(text))) {
        Set<String> known = new LinkedHashSet<>();
        blockSettings.settingsOf(block).forEach(s -> known.add(s.words()));
        String kind = block.eClass().getName().toLowerCase();
        return new SyntaxErrorMessage("'" + text + "' is not a setting of " + describe(block, kind)
            + "; " + kind + " settings are: " + String.join(", ", known), SETTING_IN_WRONG_BLOCK);
      }
    }
    return super.getSyntaxErrorMessage(context);
  }

  private static String describe(EObject block, String kind) {
    Object name = block.eClass().getEStructuralFeature("name") == null
        ? null : block.eGet(block.eClass().getEStructuralFeature("name"));
    return name == null ? "a " + kind : kind + " " + name;
  }
}

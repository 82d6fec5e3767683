package org.motorlearn.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;

/** Lexical colouring of code (outside comments and strings): keywords, units and numbers. */
final class SpecTokenScanner extends RuleBasedScanner {

  SpecTokenScanner(SpecColors colors) {
    SpecWords words = SpecWords.get();
    List<IRule> rules = new ArrayList<>();
    rules.add(new WhitespaceRule(Character::isWhitespace));
    rules.add(new NumberRule(new Token(colors.attribute(SpecColors.NUMBER))));
    rules.add(new WordRule(words, new Token(colors.attribute(SpecColors.KEYWORD)),
        new Token(colors.attribute(SpecColors.UNIT)), new Token(null)));
    rules.add(new PercentRule(new Token(colors.attribute(SpecColors.UNIT))));
    setRules(rules.toArray(IRule[]::new));
  }

  /** Numbers as the grammar reads them: 400, 0.05, 1e-4, 2.5E+3. */
  static final class NumberRule implements IRule {
    private final IToken token;

    NumberRule(IToken token) {
      this.token = token;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
      int c = scanner.read();
      if (!Character.isDigit(c)) {
        scanner.unread();
        return Token.UNDEFINED;
      }
      int read = 1;
      while (true) {
        c = scanner.read();
        read++;
        if (Character.isDigit(c) || c == '.') {
          if (c == '.' && peek(scanner) == '.') {
            // "7..10": the range operator ends the number
            scanner.unread();
            read--;
            break;
          }
          continue;
        }
        if ((c == 'e' || c == 'E') && exponentFollows(scanner)) {
          continue;
        }
        scanner.unread();
        read--;
        break;
      }
      return read > 0 ? token : Token.UNDEFINED;
    }

    private static int peek(ICharacterScanner scanner) {
      int c = scanner.read();
      scanner.unread();
      return c;
    }

    /** After an 'e': consumes an optional sign and requires a digit; leaves the scanner unchanged otherwise. */
    private static boolean exponentFollows(ICharacterScanner scanner) {
      int c = scanner.read();
      if (c == '+' || c == '-') {
        int d = scanner.read();
        if (Character.isDigit(d)) {
          return true;
        }
        scanner.unread();
        scanner.unread();
        scanner.unread();
        return false;
      }
      if (Character.isDigit(c)) {
        return true;
      }
      scanner.unread();
      scanner.unread();
      return false;
    }
  }

  /** Identifiers; keywords and units of the grammar (including hyphenated ones such as minimum-jerk). */
  static final class WordRule implements IRule {
    private final SpecWords words;
    private final IToken keyword;
    private final IToken unit;
    private final IToken other;

    WordRule(SpecWords words, IToken keyword, IToken unit, IToken other) {
      this.words = words;
      this.keyword = keyword;
      this.unit = unit;
      this.other = other;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
      int c = scanner.read();
      if (!Character.isLetter(c) && c != '_' && c != '^') {
        scanner.unread();
        return Token.UNDEFINED;
      }
      StringBuilder word = new StringBuilder().appendCodePoint(c);
      readIdentifierPart(scanner, word);
      // Try to extend over "-word" when that forms a keyword (minimum-jerk, squared-frobenius).
      int c2 = scanner.read();
      if (c2 == '-') {
        StringBuilder extended = new StringBuilder(word).append('-');
        int consumed = 1;
        int d;
        while (Character.isLetterOrDigit(d = scanner.read()) || d == '_') {
          extended.appendCodePoint(d);
          consumed++;
        }
        scanner.unread();
        if (words.keywords().contains(extended.toString())) {
          return keyword;
        }
        for (int i = 0; i < consumed; i++) {
          scanner.unread();
        }
      } else {
        scanner.unread();
      }
      String text = word.toString();
      if (words.units().contains(text)) {
        return unit;
      }
      return words.keywords().contains(text) ? keyword : other;
    }

    private static void readIdentifierPart(ICharacterScanner scanner, StringBuilder word) {
      int c;
      while (Character.isLetterOrDigit(c = scanner.read()) || c == '_') {
        word.appendCodePoint(c);
      }
      scanner.unread();
    }
  }

  /** The percent unit, the only unit that is not a word. */
  static final class PercentRule implements IRule {
    private final IToken token;

    PercentRule(IToken token) {
      this.token = token;
    }

    @Override
    public IToken evaluate(ICharacterScanner scanner) {
      if (scanner.read() == '%') {
        return token;
      }
      scanner.unread();
      return Token.UNDEFINED;
    }
  }
}

package org.motorlearn.dsl.util;

/** Small pieces of English shared by the messages. */
public final class Words {

  private Words() {
  }

  /** "a module", "an experiment", "an input". */
  public static String article(String word) {
    return (!word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
  }
}

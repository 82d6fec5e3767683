package org.motorlearn.dsl.validation;

import java.util.Collection;
import org.motorlearn.runtime.spec.Parameters;

/** "Did you mean ...?": the candidate closest to a misspelt word, if it is close enough to be a typo. */
public final class Suggestions {

  private Suggestions() {
  }

  /** The closest candidate within an edit distance of max(2, a third of the word's length), or null. */
  public static String closest(String word, Collection<String> candidates) {
    return Parameters.closest(word, candidates);
  }

  /** " Did you mean 'units'?" or the empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String closest = closest(word, candidates);
    return closest == null ? "" : "did you mean '" + closest + "'? ";
  }

  /** Levenshtein distance, the measure of every "did you mean" (quick fixes rank names by it too). */
  public static int editDistance(String a, String b) {
    return Parameters.editDistance(a, b);
  }
}

package org.motorlearn.dsl.validation;

import java.util.Collection;

/** "Did you mean ...?": the candidate closest to a misspelt word, if it is close enough to be a typo. */
public final class Suggestions {

  private Suggestions() {
  }

  /** The closest candidate within an edit distance of max(2, a third of the word's length), or null. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, word.length() / 3) ? best : null;
  }

  /** " Did you mean 'units'?" or the empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String closest = closest(word, candidates);
    return closest == null ? "" : "did you mean '" + closest + "'? ";
  }

  /** Levenshtein distance. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package org.motorlearn.dsl.util;

import java.util.regex.Pattern;

/** Words of the commands MotorLearn prints for the user to copy ("continue it with: motorlearn run ..."). */
public final class Shell {

  /** Characters a POSIX shell takes literally in an unquoted word. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:@%+,-]+");

  private Shell() {
  }

  /** {@code word} as one shell word: as it is when that is safe, else in single quotes ({@code 'my spec.motor'}). */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}

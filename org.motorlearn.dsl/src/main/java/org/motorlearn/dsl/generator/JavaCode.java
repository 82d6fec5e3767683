package org.motorlearn.dsl.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.stream.Collectors;
import org.motorlearn.dsl.model.Setting;

/**
 * Pieces of generated Java: literals that round-trip exactly, the parameter call of a setting with a
 * comment quoting what the spec wrote, and argument lists laid out one argument per line. Used by the
 * {@code ExperimentClassTemplate}; everything here is deterministic.
 */
public final class JavaCode {

  /** One argument of a call and its end-of-line comment ("" for none). */
  public record Arg(String code, String comment) {}

  private JavaCode() {
  }

  public static Arg arg(String code) {
    return new Arg(code, "");
  }

  public static Arg arg(String code, String comment) {
    return new Arg(code, comment);
  }

  /** A setting's parameter call with its comment: {@code parameters.real("Cortex.PMd.tau", 0.05)} // s; written 50 ms. */
  public static Arg setting(Setting setting) {
    return new Arg(ask(setting), comment(setting));
  }

  /**
   * The runtime value of a setting: the parameter asked in the unit written at the setting, then
   * converted, e.g. {@code parameters.real("Cortex.PMd.tau", 50.0) / 1000} for {@code tau 50 ms}.
   */
  public static String ask(Setting setting) {
    String literal = string(setting.parameter());
    String asked = setting.isInteger()
        ? "parameters.integer(" + literal + ", " + integer(setting.value()) + ")"
        : "parameters.real(" + literal + ", " + real(setting.value()) + ")";
    return setting.unit().javaExpression(asked, literal);
  }

  /**
   * Where the value comes from: the quantity as written when it has a unit ("50 ms", quoted), or
   * "reference default" (with its unit) when the spec does not set it; "" for a plain written number.
   */
  public static String comment(Setting setting) {
    String symbol = setting.unit().symbol();
    if (!setting.isWritten()) {
      return "reference default" + (symbol.isEmpty() ? "" : ": " + number(setting.value()) + " " + symbol);
    }
    return symbol.isEmpty() ? "" : "\"" + setting.written() + "\"";
  }

  private static String number(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  /**
   * A call laid out one argument per line, each with its comment:
   * <pre>
   * head(
   *     arg1, // comment
   *     arg2)suffix // comment
   * </pre>
   * A call without comments that fits in {@code width} characters stays on one line.
   */
  public static String call(String head, List<Arg> args, String suffix, int width) {
    boolean commented = args.stream().anyMatch(a -> !a.comment().isEmpty());
    String oneLine = head + "(" + args.stream().map(Arg::code).collect(Collectors.joining(", ")) + ")" + suffix;
    if (!commented && oneLine.length() <= width) {
      return oneLine;
    }
    if (args.isEmpty()) {
      return oneLine;
    }
    StringBuilder code = new StringBuilder(head).append("(\n");
    for (int i = 0; i < args.size(); i++) {
      Arg arg = args.get(i);
      boolean last = i == args.size() - 1;
      code.append("    ").append(withEnd(arg.code().replace("\n", "\n    "), last ? ")" + suffix : ","));
      if (!arg.comment().isEmpty()) {
        code.append(" // ").append(lineComment(arg.comment()));
      }
      if (!last) {
        code.append('\n');
      }
    }
    return code.toString();
  }

  /**
   * The helper the generated class carries when a time written in ms or s is counted in bins by the
   * runtime: the same arithmetic and message as {@code ParameterUnit.bins}.
   */
  public static final String BINS_HELPER = String.join("\n",
      "",
      "  /** A time in seconds as a whole number of bins of dt. */",
      "  private static int bins(String parameter, double seconds, double dt) {",
      "    double bins = seconds / dt;",
      "    long rounded = Math.round(bins);",
      "    if (Math.abs(bins - rounded) > 1e-9 * Math.max(1, Math.abs(bins))) {",
      "      throw new SpecException(\"parameter \" + parameter + \": \" + seconds + \" s is not a whole number of bins of \"",
      "          + dt + \" s (it is \" + bins + \" bins)\");",
      "    }",
      "    return (int) rounded;",
      "  }",
      "");

  /** Appends {@code end} to code, before the end-of-line comment of its last line (a nested call's). */
  private static String withEnd(String code, String end) {
    int lastLine = code.lastIndexOf('\n') + 1;
    int comment = code.indexOf(" // ", lastLine);
    return comment < 0 ? code + end : code.substring(0, comment) + end + code.substring(comment);
  }

  /** A Java string literal (ASCII only: other characters as escapes). */
  public static String string(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        case '\r' -> literal.append("\\r");
        case '\t' -> literal.append("\\t");
        default -> {
          if (c < 0x20) {
            literal.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            literal.append(String.format("\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }

  /**
   * A text as {@code String.join("\n", "line 1", "line 2", ...)}, one line per line, so long specs
   * stay readable and no single constant exceeds the class file's limits. Lines after the first are
   * indented by 4 spaces relative to the expression.
   */
  public static String text(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 1) {
      return string(text);
    }
    StringBuilder code = new StringBuilder("String.join(\"\\n\",");
    for (int i = 0; i < lines.length; i++) {
      code.append("\n    ").append(string(lines[i])).append(i == lines.length - 1 ? ")" : ",");
    }
    return code.toString();
  }

  /** A double literal that parses back to exactly {@code value}: 0.05, 400.0, 1e-4. */
  public static String real(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    double magnitude = Math.abs(value);
    if (magnitude < 1e-3 || magnitude >= 1e7) {
      return Double.toString(value).replace("E", "e");
    }
    String text = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    return text.contains(".") ? text : text + ".0";
  }

  /** An int literal. */
  public static String integer(double value) {
    return Long.toString((long) value);
  }

  /** A list of string literals. */
  public static String strings(List<String> values) {
    return "List.of(" + values.stream().map(JavaCode::string).collect(Collectors.joining(", ")) + ")";
  }

  /** A list of double literals. */
  public static String reals(List<Double> values) {
    return "List.of(" + values.stream().map(JavaCode::real).collect(Collectors.joining(", ")) + ")";
  }

  /** {@code a / b} of two written values, for comments such as "a = dt / tau = 0.2". */
  public static String ratio(double a, double b) {
    return new BigDecimal(Double.toString(a)).divide(new BigDecimal(Double.toString(b)), MathContext.DECIMAL32)
        .stripTrailingZeros().toPlainString();
  }

  /** Text made safe for a // comment: one line, no unicode escapes. */
  public static String lineComment(String text) {
    return text.replace("\r", " ").replace("\n", " ").replace("\\u", "\\\\u");
  }

  /** Text made safe for a Javadoc comment body, one " * " line per line. */
  public static String javadoc(String text) {
    String safe = text.replace("*/", "*&#47;").replace("\\u", "\\\\u");
    return safe.lines().map(line -> line.isEmpty() ? " *" : " * " + line).collect(Collectors.joining("\n"));
  }
}

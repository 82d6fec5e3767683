package org.motorlearn.runtime.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of the run folder. Trees are built from maps, lists, strings, numbers and booleans; non-finite
 * numbers are written as the literals NaN / Infinity, which Python's json module reads as floats.
 */
public final class Json {

  private static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .disableHtmlEscaping()
      .serializeSpecialFloatingPointValues()
      .serializeNulls()
      .create();

  private Json() {}

  public static String toJson(Object tree) {
    return GSON.toJson(tree) + "\n";
  }

  /** Writes {@code tree} atomically. */
  public static void write(Path file, Object tree) {
    AtomicFiles.writeString(file, toJson(tree));
  }

  public static JsonElement read(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The plain tree (maps, lists, strings, Long or Double numbers, booleans, null) of parsed JSON. */
  public static Object toPlain(JsonElement element) {
    if (element == null || element.isJsonNull()) {
      return null;
    }
    if (element.isJsonObject()) {
      Map<String, Object> tree = new LinkedHashMap<>();
      element.getAsJsonObject().entrySet().forEach(e -> tree.put(e.getKey(), toPlain(e.getValue())));
      return tree;
    }
    if (element.isJsonArray()) {
      List<Object> tree = new ArrayList<>();
      element.getAsJsonArray().forEach(e -> tree.add(toPlain(e)));
      return tree;
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    if (primitive.isString()) {
      // the lenient parser reads the literals NaN and Infinity as strings; they were numbers when written
      String text = primitive.getAsString();
      return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") ? (Object) Double.parseDouble(text) : text;
    }
    String number = primitive.getAsString();
    boolean integral = number.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
  }

  /**
   * A plain tree (maps, lists, strings, numbers, booleans) describing a value built from records,
   * enums, collections and paths: each record becomes a map of its components; a record that
   * implements an interface (one variant of a sealed type such as Init or Perturbation) also gets a
   * {@code "kind"} entry with its simple name, so the variant is never lost.
   */
  public static Object describe(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase();
    }
    if (value instanceof Path p) {
      return p.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> tree = new LinkedHashMap<>();
      map.forEach((k, v) -> tree.put(String.valueOf(k), describe(v)));
      return tree;
    }
    if (value instanceof Collection<?> items) {
      List<Object> tree = new ArrayList<>();
      items.forEach(item -> tree.add(describe(item)));
      return tree;
    }
    if (value instanceof int[] ints) {
      List<Object> tree = new ArrayList<>();
      for (int i : ints) {
        tree.add(i);
      }
      return tree;
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      Map<String, Object> tree = new LinkedHashMap<>();
      if (type.getInterfaces().length > 0) {
        tree.put("kind", type.getSimpleName().toLowerCase());
      }
      for (RecordComponent component : type.getRecordComponents()) {
        try {
          tree.put(component.getName(), describe(component.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + component.getName(), e);
        }
      }
      return tree;
    }
    return value.toString();
  }
}

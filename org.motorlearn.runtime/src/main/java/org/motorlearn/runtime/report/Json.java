package org.motorlearn.runtime.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-tolerant access to the JSON trees of a run folder (absent keys and JSON null read as null). */
final class Json {

  private Json() {}

  static JsonElement get(JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() ? null : e;
  }

  static JsonObject object(JsonObject o, String key) {
    JsonElement e = get(o, key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  /** The object at a path of keys, or null. */
  static JsonObject object(JsonObject o, String... keys) {
    JsonObject current = o;
    for (String key : keys) {
      current = object(current, key);
    }
    return current;
  }

  static List<JsonElement> array(JsonObject o, String key) {
    JsonElement e = get(o, key);
    List<JsonElement> list = new ArrayList<>();
    if (e != null && e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      a.forEach(list::add);
    }
    return list;
  }

  static String string(JsonObject o, String key) {
    JsonElement e = get(o, key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  static Boolean bool(JsonObject o, String key) {
    JsonElement e = get(o, key);
    return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
  }

  /** A number, including the literals NaN and Infinity that run folders write; null when absent. */
  static Double number(JsonObject o, String key) {
    return number(get(o, key));
  }

  static Double number(JsonElement e) {
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isNumber()) {
      return p.getAsDouble();
    }
    if (p.isString()) {
      String s = p.getAsString();
      return switch (s) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> null;
      };
    }
    return null;
  }

  /** The numbers of an object whose values are numbers (e.g. {"PMd": 1.2, "M1": 3.4}), in file order. */
  static Map<String, Double> numbers(JsonObject o) {
    Map<String, Double> map = new LinkedHashMap<>();
    if (o != null) {
      for (Map.Entry<String, JsonElement> e : o.entrySet()) {
        Double v = number(e.getValue());
        if (v != null || e.getValue().isJsonNull()) {
          map.put(e.getKey(), v);
        }
      }
    }
    return map;
  }

  /** Every number of a tree flattened to '/'-separated keys (lists left out), as summary.json does. */
  static Map<String, Double> flatten(JsonObject o) {
    Map<String, Double> out = new LinkedHashMap<>();
    flatten("", o, out);
    return out;
  }

  private static void flatten(String prefix, JsonObject o, Map<String, Double> out) {
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "/" + e.getKey();
      JsonElement v = e.getValue();
      if (v.isJsonObject()) {
        flatten(key, v.getAsJsonObject(), out);
      } else if (v.isJsonNull()) {
        out.put(key, null);
      } else if (number(v) != null) {
        out.put(key, number(v));
      }
    }
  }
}

package org.motorlearn.dsl.ide.documentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;

/**
 * Documentation of the language's keywords, read from {@code keywords.properties} next to this class
 * (one resource, so the language server and any editor plug-in show the same text).
 *
 * <p>A word can mean different things in different places ({@code from} after a phase name, in a
 * readout, in {@code init from "w.npy"}); an entry {@code Rule.word} documents the word inside one
 * grammar rule and wins over the plain {@code word} entry.
 */
public final class KeywordDocumentation {

  /** The resource holding the texts, relative to this class. */
  public static final String RESOURCE = "keywords.properties";

  private static final KeywordDocumentation INSTANCE = load();

  private final Map<String, String> entries;

  private KeywordDocumentation(Map<String, String> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** The shared instance (the resource is read once). */
  public static KeywordDocumentation get() {
    return INSTANCE;
  }

  /** Markdown documentation of a grammar keyword where it appears, or null if there is none. */
  public String of(Keyword keyword) {
    AbstractRule rule = GrammarUtil.containingRule(keyword);
    String word = keyword.getValue();
    if (rule != null) {
      String specific = entries.get(rule.getName() + "." + word);
      if (specific != null) {
        return specific;
      }
    }
    return entries.get(word);
  }

  /** Every entry by key ({@code word} or {@code Rule.word}), in key order. */
  public Map<String, String> entries() {
    return entries;
  }

  private static KeywordDocumentation load() {
    Properties properties = new Properties();
    try (InputStream stream = KeywordDocumentation.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path next to "
            + KeywordDocumentation.class.getName() + "; the build copies it from src/main/resources");
      }
      try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    Map<String, String> entries = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> entries.put(key, properties.getProperty(key).trim()));
    return new KeywordDocumentation(entries);
  }
}

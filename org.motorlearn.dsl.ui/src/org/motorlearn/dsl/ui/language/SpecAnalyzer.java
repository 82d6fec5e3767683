package org.motorlearn.dsl.ui.language;

import java.io.IOException;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Parses and validates the text of a spec with the language's own services, in a fresh resource set
 * per call: imported files are read from disk, the spec itself from the editor's (unsaved) text.
 */
public final class SpecAnalyzer {

  private SpecAnalyzer() {
  }

  /** Parses only: for services that need the AST but not the issues (formatting, content assist). */
  public static XtextResource parse(URI uri, String text) {
    XtextResourceSet resourceSet = MotorLearnLanguage.get(XtextResourceSet.class);
    XtextResource resource = (XtextResource) resourceSet.createResource(uri);
    try {
      resource.load(new LazyStringInputStream(text, "UTF-8"), resourceSet.getLoadOptions());
    } catch (IOException e) {
      // A string stream cannot fail to read; anything else is a parser defect worth surfacing.
      throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
    }
    return resource;
  }

  public static SpecAnalysis analyse(URI uri, String text, CancelIndicator cancel) {
    XtextResource resource = parse(uri, text);
    IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
    List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel);
    return new SpecAnalysis(text, resource, issues);
  }

  public static SpecAnalysis analyse(URI uri, String text) {
    return analyse(uri, text, CancelIndicator.NullImpl);
  }

  /** True when the parser had to recover from errors: services that rewrite text must then stay away. */
  public static boolean hasSyntaxErrors(XtextResource resource) {
    IParseResult result = resource.getParseResult();
    return result == null || result.hasSyntaxErrors();
  }
}

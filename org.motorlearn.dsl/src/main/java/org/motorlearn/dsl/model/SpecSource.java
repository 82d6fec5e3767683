package org.motorlearn.dsl.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.resource.XtextResource;

/**
 * The text of a spec file, its SHA-256 and its path relative to the project folder: the provenance
 * recorded in every experiment (and run manifest) and in the generated code's header.
 */
public record SpecSource(String text, String sha256, String relativePath) {

  /** The spec text exactly as parsed. */
  public static SpecSource of(Resource resource, Path projectFolder) {
    String text = textOf(resource);
    return new SpecSource(text, sha256(text), relativePath(resource.getURI(), projectFolder));
  }

  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The folder of the spec file ({@code null} for a resource that is not a file). */
  public static Path folderOf(Resource resource) {
    URI uri = resource.getURI();
    return uri != null && uri.isFile() ? Path.of(uri.toFileString()).toAbsolutePath().normalize().getParent() : null;
  }

  private static String textOf(Resource resource) {
    if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
      ICompositeNode root = xtext.getParseResult().getRootNode();
      return root.getText();
    }
    throw new IllegalArgumentException("not a parsed MotorLearn resource: " + resource.getURI());
  }

  /** Forward-slash path of the spec relative to the project folder, or its last segment if outside it. */
  private static String relativePath(URI uri, Path projectFolder) {
    if (uri == null) {
      return "spec.motor";
    }
    if (uri.isFile() && projectFolder != null) {
      Path file = Path.of(uri.toFileString()).toAbsolutePath().normalize();
      Path root = projectFolder.toAbsolutePath().normalize();
      if (file.startsWith(root)) {
        return root.relativize(file).toString().replace('\\', '/');
      }
    }
    String last = uri.lastSegment();
    return last == null ? "spec.motor" : last;
  }
}

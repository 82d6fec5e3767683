package org.motorlearn.dsl.ui.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Splits a spec into comments, strings and code, so colouring a multi-line comment never depends on
 * where the edit happened. Installed on every *.motor document by the file buffer framework.
 */
public final class Partitions implements IDocumentSetupParticipant {
  public static final String PARTITIONING = "__motorlearn_partitioning";
  public static final String COMMENT = "__motorlearn_comment";
  public static final String STRING = "__motorlearn_string";
  public static final String[] CONTENT_TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING};

  @Override
  public void setup(IDocument document) {
    install(document);
  }

  /** Installs the MotorLearn partitioner on a document (idempotent). */
  public static void install(IDocument document) {
    if (document instanceof IDocumentExtension3 extension && extension.getDocumentPartitioner(PARTITIONING) == null) {
      IDocumentPartitioner partitioner = new FastPartitioner(scanner(), new String[] {COMMENT, STRING});
      extension.setDocumentPartitioner(PARTITIONING, partitioner);
      partitioner.connect(document);
    }
  }

  private static RuleBasedPartitionScanner scanner() {
    Token comment = new Token(COMMENT);
    Token string = new Token(STRING);
    RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
    scanner.setPredicateRules(new IPredicateRule[] {
        new EndOfLineRule("//", comment),
        new MultiLineRule("/*", "*/", comment, (char) 0, true),
        new SingleLineRule("\"", "\"", string, '\\'),
        new SingleLineRule("'", "'", string, '\\')});
    return scanner;
  }
}

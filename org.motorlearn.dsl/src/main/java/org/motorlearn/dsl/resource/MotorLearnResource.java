package org.motorlearn.dsl.resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;

/**
 * A spec file as the parser reads it. A byte order mark at its start is no text of the spec: editors on
 * Windows write one in UTF-8 files, and Java's UTF-8 decoder passes it on as the character U+FEFF,
 * which the parser took for a stray token before the first declaration.
 */
public class MotorLearnResource extends LazyLinkingResource {

  private static final int BYTE_ORDER_MARK = '\uFEFF';

  @Override
  protected Reader createReader(InputStream inputStream) throws IOException {
    Reader reader = new BufferedReader(super.createReader(inputStream));
    reader.mark(1);
    if (reader.read() != BYTE_ORDER_MARK) {
      reader.reset();
    }
    return reader;
  }
}

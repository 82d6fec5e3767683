package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.junit.jupiter.api.Test;

class ContentTypeTest {
  @Test
  void motorFilesHaveTheMotorLearnContentType() {
    IContentType type = Platform.getContentTypeManager().findContentTypeFor("reaching.motor");
    assertNotNull(type, "no content type for *.motor");
    assertEquals("org.motorlearn.dsl.ui.motor", type.getId());
  }
}

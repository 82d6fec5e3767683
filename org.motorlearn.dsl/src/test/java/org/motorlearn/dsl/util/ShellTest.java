package org.motorlearn.dsl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShellTest {

  @Test
  void plainWordsStayAsTheyAreOthersAreQuotedSoAShellReadsThemBack() throws IOException, InterruptedException {
    assertEquals("runs/Tiny-20261128-101500", Shell.quote("runs/Tiny-20261128-101500"));
    assertEquals("initial.lr=0.001", Shell.quote("initial.lr=0.001"));
    for (String word : new String[] {"my spec.motor", "it's here", "a$b `c` \"d\"", ""}) {
      Process echo = new ProcessBuilder("sh", "-c", "printf %s " + Shell.quote(word)).start();
      assertEquals(word, new String(echo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(0, echo.waitFor());
    }
  }
}

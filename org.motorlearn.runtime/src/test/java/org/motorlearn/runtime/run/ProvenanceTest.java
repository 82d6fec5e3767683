package org.motorlearn.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a manifest records about the build that produced it. */
class ProvenanceTest {

  @Test
  void theRevisionIsGitDescribeOrUnknown() {
    assertEquals("2c1c9dc1a2b3", Provenance.revision("2c1c9dc1a2b3"));
    assertEquals("2c1c9dc1a2b3-dirty", Provenance.revision("2c1c9dc1a2b3-dirty"));
    assertEquals("unknown", Provenance.revision("${git.commit.id.describe}"), "not filtered: built without git");
    assertEquals("unknown", Provenance.revision(""));
    assertEquals("unknown", Provenance.revision(null));
  }

  @Test
  void aBuildFromThisCheckoutRecordsItsCommit() {
    // The repository root holds .git (a folder, or a file in a linked worktree) when tests run from a checkout.
    if (Files.exists(Path.of("..", ".git"))) {
      String revision = Provenance.revision();
      assertTrue(revision.matches("[0-9a-f]{12}(-dirty)?"), "revision " + revision);
    }
  }
}

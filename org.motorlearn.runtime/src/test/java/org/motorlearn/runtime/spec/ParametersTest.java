package org.motorlearn.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void theListingGroupsNamesByBlockAndSortsThem() {
    assertEquals("""
        known parameters:
          experiment: checkpointEvery, seed
          Hinput: lr, updates
          initial: batch, lr""",
        Parameters.listing(List.of("seed", "initial.lr", "Hinput.updates", "checkpointEvery", "initial.batch", "Hinput.lr")));
  }

  @Test
  void longGroupsWrapBelowAHundredColumnsAndKeepEveryName() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      names.add("Cortex.Module" + i + ".tau");
    }
    String listing = Parameters.listing(names);
    String[] lines = listing.split("\n");
    assertTrue(lines.length > 3, listing);
    assertTrue(Arrays.stream(lines).allMatch(line -> line.length() <= 100), listing);
    assertTrue(lines[1].startsWith("  Cortex: Module0.tau, Module1.tau, Module10.tau,"), listing);
    assertTrue(Arrays.stream(lines).skip(2).allMatch(line -> line.startsWith("    ")), listing);
    for (int i = 0; i < 40; i++) {
      String item = "Module" + i + ".tau";
      assertEquals(1, Arrays.stream(listing.split("[ ,\n]+")).filter(item::equals).count(), item);
    }
  }

  @Test
  void anUnusedOverrideNamesTheClosestParameterAndListsTheRest() {
    Parameters parameters = Parameters.of(Map.of("initial.update", 4.0));
    parameters.integer("initial.updates", 500);
    parameters.real("seed", 0);
    SpecException error = assertThrows(SpecException.class, parameters::requireAllOverridesUsed);
    assertEquals("""
        unknown parameter 'initial.update'; did you mean 'initial.updates'?
        known parameters:
          experiment: seed
          initial: updates""", error.getMessage());
  }
}

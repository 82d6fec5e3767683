package org.motorlearn.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.commands.Command;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Help > Install New Software... and Check for Updates: p2's UI, which MotorLearn Studio ships, resolves
 * beside the MotorLearn plugin in the test workbench (which has the Studio's bundles) and contributes
 * its commands with their handlers.
 */
class SoftwareUpdatesTest {

  @ParameterizedTest
  @CsvSource({"org.eclipse.equinox.p2.ui.sdk.install, Install New Software...",
      "org.eclipse.equinox.p2.ui.sdk.update, Check for Updates"})
  void helpOffersP2sCommands(String id, String name) throws Exception {
    Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(id);
    assertTrue(command.isDefined(), id + " is not defined: p2's UI (org.eclipse.equinox.p2.ui.sdk) did not resolve");
    assertEquals(name, command.getName());
    assertTrue(command.isHandled(), id + " has no handler");
  }
}

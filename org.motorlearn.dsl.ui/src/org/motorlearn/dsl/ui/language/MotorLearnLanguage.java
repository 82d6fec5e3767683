package org.motorlearn.dsl.ui.language;

import com.google.inject.Injector;
import org.motorlearn.dsl.ide.MotorLearnIdeSetup;

/**
 * The language's services inside the workbench: one Guice injector with the runtime module and the
 * generic IDE module (content assist parser, proposal provider), exactly what the language server
 * uses. Created on first use, because EMF registration and grammar loading take a moment.
 */
public final class MotorLearnLanguage {
  public static final String FILE_EXTENSION = "motor";

  private static volatile Injector injector;

  private MotorLearnLanguage() {
  }

  public static Injector injector() {
    Injector current = injector;
    if (current == null) {
      synchronized (MotorLearnLanguage.class) {
        current = injector;
        if (current == null) {
          current = new MotorLearnIdeSetup().createInjectorAndDoEMFRegistration();
          injector = current;
        }
      }
    }
    return current;
  }

  public static <T> T get(Class<T> type) {
    return injector().getInstance(type);
  }
}

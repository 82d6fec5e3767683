package org.motorlearn.dsl.cli;

import com.google.inject.Injector;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.motorlearn.dsl.MotorLearnRuntimeModule;
import org.motorlearn.dsl.MotorLearnStandaloneSetup;

/**
 * The one Guice injector of the language for this JVM, created on first use (it costs about a second).
 * It binds its own {@link EValidator.Registry}: the static default registry keeps the validators of
 * whichever injector registered last (tests create several), and a validator from another injector
 * would validate with the wrong services.
 */
final class LanguageInjector {

  private static Injector injector;

  private LanguageInjector() {
  }

  static synchronized Injector get() {
    if (injector == null) {
      injector = new MotorLearnStandaloneSetup() {
        @Override
        public Injector createInjector() {
          EValidator.Registry ownRegistry = new EValidatorRegistryImpl();
          return com.google.inject.Guice.createInjector(new MotorLearnRuntimeModule() {
            @Override
            public EValidator.Registry bindEValidatorRegistry() {
              return ownRegistry;
            }
          });
        }
      }.createInjectorAndDoEMFRegistration();
    }
    return injector;
  }
}

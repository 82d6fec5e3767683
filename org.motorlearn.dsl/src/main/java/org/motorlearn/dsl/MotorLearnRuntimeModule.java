package org.motorlearn.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;
import org.eclipse.xtext.validation.IResourceValidator;
import org.motorlearn.dsl.conversion.MotorLearnValueConverters;
import org.motorlearn.dsl.naming.MotorLearnQualifiedNameProvider;
import org.motorlearn.dsl.parser.MotorLearnSyntaxErrorMessageProvider;
import org.motorlearn.dsl.resource.MotorLearnResource;
import org.motorlearn.dsl.resource.MotorLearnResourceDescriptionStrategy;
import org.motorlearn.dsl.validation.MotorLearnLinkingDiagnosticMessageProvider;
import org.motorlearn.dsl.validation.MotorLearnResourceValidator;

/**
 * Runtime (UI-independent) services of the MotorLearn language.
 *
 * <ul>
 *   <li>Imports: {@code import "relative/path.motor"} makes the top-level declarations of that file
 *       visible ({@link ImportUriGlobalScopeProvider}).</li>
 *   <li>Names are simple (not qualified by their container); only top-level declarations are
 *       exported to other files.</li>
 *   <li>A byte order mark at the start of a file is skipped ({@link MotorLearnResource}).</li>
 * </ul>
 */
public class MotorLearnRuntimeModule extends AbstractMotorLearnRuntimeModule {

  @Override
  public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
    return ImportUriGlobalScopeProvider.class;
  }

  @Override
  public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
    return MotorLearnQualifiedNameProvider.class;
  }

  public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
    return MotorLearnResourceDescriptionStrategy.class;
  }

  @Override
  public Class<? extends IValueConverterService> bindIValueConverterService() {
    return MotorLearnValueConverters.class;
  }

  public Class<? extends IResourceValidator> bindIResourceValidator() {
    return MotorLearnResourceValidator.class;
  }

  public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
    return MotorLearnSyntaxErrorMessageProvider.class;
  }

  public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
    return MotorLearnLinkingDiagnosticMessageProvider.class;
  }

  @Override
  public Class<? extends XtextResource> bindXtextResource() {
    return MotorLearnResource.class;
  }
}

package org.motorlearn.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.hover.IHoverService;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.motorlearn.dsl.ide.contentassist.MotorLearnProposalProvider;
import org.motorlearn.dsl.ide.hover.MotorLearnHoverService;
import org.motorlearn.dsl.ide.quickfix.SpecCodeActions;
import org.motorlearn.dsl.ide.symbols.MotorLearnSymbolDetails;
import org.motorlearn.dsl.ide.symbols.MotorLearnSymbolKinds;
import org.motorlearn.dsl.ide.symbols.MotorLearnSymbolNames;

/**
 * IDE services of the MotorLearn language (used by the language server and any in-process editor).
 * Diagnostics, go to definition, formatting (the language's formatting2 formatter) and rename (which
 * updates every reference, in connections and weight groups alike) are Xtext's defaults on top of
 * the runtime module; completion, hover, the outline and the quick fixes (code actions) are
 * MotorLearn's own.
 */
public class MotorLearnIdeModule extends AbstractMotorLearnIdeModule {

  public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
    return MotorLearnProposalProvider.class;
  }

  public Class<? extends IHoverService> bindIHoverService() {
    return MotorLearnHoverService.class;
  }

  public Class<? extends ICodeActionService2> bindICodeActionService2() {
    return SpecCodeActions.class;
  }

  public Class<? extends DocumentSymbolNameProvider> bindDocumentSymbolNameProvider() {
    return MotorLearnSymbolNames.class;
  }

  public Class<? extends DocumentSymbolKindProvider> bindDocumentSymbolKindProvider() {
    return MotorLearnSymbolKinds.class;
  }

  public Class<? extends DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
    return MotorLearnSymbolDetails.class;
  }
}

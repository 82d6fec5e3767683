package org.motorlearn.dsl.ide.symbols;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolKindProvider;
import org.motorlearn.dsl.motorLearn.MotorLearnPackage;

/** Outline icons: experiments are classes, networks namespaces, modules modules, phases methods, ... */
public class MotorLearnSymbolKinds extends DocumentSymbolKindProvider {

  private static final MotorLearnPackage ML = MotorLearnPackage.eINSTANCE;

  @Override
  protected SymbolKind getSymbolKind(EClass type) {
    if (type == ML.getExperiment()) {
      return SymbolKind.Class;
    }
    if (type == ML.getNetwork()) {
      return SymbolKind.Namespace;
    }
    if (type == ML.getModule()) {
      return SymbolKind.Module;
    }
    if (type == ML.getInput() || type == ML.getReadout()) {
      return SymbolKind.Field;
    }
    if (type == ML.getConnection()) {
      return SymbolKind.Operator;
    }
    if (type == ML.getTask()) {
      return SymbolKind.Object;
    }
    if (type == ML.getPerturbation()) {
      return SymbolKind.Constant;
    }
    if (type == ML.getLoss()) {
      return SymbolKind.Function;
    }
    if (type == ML.getPhase()) {
      return SymbolKind.Method;
    }
    if (type == ML.getAnalysis()) {
      return SymbolKind.Event;
    }
    if (type == ML.getSweep()) {
      return SymbolKind.Array;
    }
    return super.getSymbolKind(type);
  }
}

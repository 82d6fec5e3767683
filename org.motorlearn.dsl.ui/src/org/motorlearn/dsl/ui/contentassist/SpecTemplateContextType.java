package org.motorlearn.dsl.ui.contentassist;

import org.eclipse.jface.text.templates.GlobalTemplateVariables;
import org.eclipse.jface.text.templates.TemplateContextType;

/** Where MotorLearn templates apply: anywhere in a spec. Offers the usual global variables. */
public final class SpecTemplateContextType extends TemplateContextType {
  public static final String ID = "org.motorlearn.dsl.ui.templates.spec";

  public SpecTemplateContextType() {
    addResolver(new GlobalTemplateVariables.Cursor());
    addResolver(new GlobalTemplateVariables.WordSelection());
    addResolver(new GlobalTemplateVariables.LineSelection());
    addResolver(new GlobalTemplateVariables.Date());
    addResolver(new GlobalTemplateVariables.User());
  }
}

package org.motorlearn.dsl.ui.contentassist;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.templates.Template;
import org.eclipse.jface.text.templates.TemplateCompletionProcessor;
import org.eclipse.jface.text.templates.TemplateContextType;
import org.eclipse.swt.graphics.Image;
import org.motorlearn.dsl.ui.MotorLearnUiPlugin;

/** The editor's templates (Window > Preferences > MotorLearn > Templates), offered with content assist. */
final class SpecTemplateProcessor extends TemplateCompletionProcessor {

  @Override
  protected Template[] getTemplates(String contextTypeId) {
    return MotorLearnUiPlugin.getDefault().templateStore().getTemplates(contextTypeId);
  }

  @Override
  protected TemplateContextType getContextType(ITextViewer viewer, IRegion region) {
    return MotorLearnUiPlugin.getDefault().templateContextTypes().getContextType(SpecTemplateContextType.ID);
  }

  @Override
  protected Image getImage(Template template) {
    return null;
  }
}

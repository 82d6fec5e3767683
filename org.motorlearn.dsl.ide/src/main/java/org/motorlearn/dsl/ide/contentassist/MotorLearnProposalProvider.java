package org.motorlearn.dsl.ide.contentassist;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.motorlearn.dsl.motorLearn.Network;
import org.motorlearn.dsl.util.Experiments;

/**
 * Completion. Keywords and the names of modules, phases, perturbations, networks, tasks and losses
 * come from the grammar and the scope provider; this adds whole weight groups where a plastic set or a
 * penalty's {@code on} expects one ({@code M1.recurrent}, {@code PMd.input}, {@code Upstream -> PMd}),
 * because the default would only offer the first name of each.
 */
public class MotorLearnProposalProvider extends IdeContentProposalProvider {

  @Override
  protected void _createProposals(Assignment assignment, ContentAssistContext context,
      IIdeContentProposalAcceptor acceptor) {
    if (expectsWeightGroup(assignment)) {
      proposeWeightGroups(context, acceptor);
    }
    super._createProposals(assignment, context, acceptor);
  }

  private static boolean expectsWeightGroup(Assignment assignment) {
    String feature = assignment.getFeature();
    String rule = GrammarUtil.containingRule(assignment).getName();
    return ("groups".equals(feature) && "WeightGroups".equals(rule))
        || ("except".equals(feature) && "WeightGroup".equals(rule));
  }

  private void proposeWeightGroups(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
    for (Network network : Experiments.networksOf(context.getCurrentModel())) {
      for (WeightGroupNames.Group group : WeightGroupNames.of(network)) {
        ContentAssistEntry entry = getProposalCreator().createProposal(group.text(), context);
        if (entry != null) {
          entry.setKind(ContentAssistEntry.KIND_REFERENCE);
          entry.setDescription(group.description());
          acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry) + 10);
        }
      }
    }
  }
}
